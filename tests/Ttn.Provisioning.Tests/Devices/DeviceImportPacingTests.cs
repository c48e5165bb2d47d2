using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Tests.Provisioning;
using Ttn.Provisioning.Tests.Reliability;
using static Ttn.Provisioning.Tests.Devices.DeviceImportTests;
using static Ttn.Provisioning.Tests.Devices.DeviceSamples;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Devices;

/// <summary>An import paced under The Things Stack's rate limit (<see cref="DeviceImportOptions.MaxRequestsPerSecond"/>).</summary>
public sealed class DeviceImportPacingTests
{
    [Fact]
    public async Task A_paced_import_starts_one_device_per_four_requests_of_the_rate_even_with_free_lanes()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);

        // 4 requests per second: one device (four requests) a second, although three lanes are free.
        var import = host.Devices.ImportDevicesAsync(
            Owner(), Utf8(Csv(3)), new DeviceImportOptions { MaxConcurrency = 3, MaxRequestsPerSecond = 4 });
        await host.Time.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        await FaultInjection.WaitUntilAsync(() => host.Fake.EndDevices.Any(d => d.Records.Count == 4));
        Assert.Single(host.Fake.EndDevices);

        host.Time.Advance(TimeSpan.FromSeconds(1));
        await FaultInjection.WaitUntilAsync(() => host.Fake.EndDevices.Count(d => d.Records.Count == 4) == 2);
        Assert.Equal(2, host.Fake.EndDevices.Count);

        host.Time.Advance(TimeSpan.FromSeconds(1));
        var result = await import.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(3, result.Registered);
    }

    [Theory]
    [InlineData(0d)]
    [InlineData(-1d)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public async Task A_request_rate_that_is_not_positive_is_misuse(double rate)
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => host.Devices.ImportDevicesAsync(Owner(), Utf8(Csv(1)), new DeviceImportOptions { MaxRequestsPerSecond = rate }));
    }
}
