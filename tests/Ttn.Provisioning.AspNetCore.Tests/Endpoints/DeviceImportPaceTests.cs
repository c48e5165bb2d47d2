using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using Ttn.Provisioning.AspNetCore.Endpoints;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.AspNetCore.Tests.Endpoints;

/// <summary>The import endpoint runs at the pace and spread the host configured, and refuses a pace that cannot work.</summary>
public sealed class DeviceImportPaceTests
{
    [Fact]
    public async Task The_import_endpoint_imports_at_the_pace_and_spread_the_endpoint_options_set()
    {
        var (devices, used) = ImportCapturingDevices();
        await using var host = await EndpointHost.StartAsync(services: s =>
        {
            s.AddSingleton(devices);
            s.Configure<TtnEndpointOptions>(o => (o.ImportMaxRequestsPerSecond, o.ImportMaxConcurrency) = (20, 4));
        });

        var answer = await host.SendAsync(
            HttpMethod.Post, "/ttn/tenants/acme/devices/import?jobId=paced", "Owner", new CsvFile("id,dev_eui\n"));

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal((20d, 4, "paced"), (used()!.MaxRequestsPerSecond, used()!.MaxConcurrency, used()!.JobId));
    }

    [Fact]
    public async Task Without_a_configured_pace_the_import_endpoint_sends_as_fast_as_eight_lanes_allow()
    {
        var (devices, used) = ImportCapturingDevices();
        await using var host = await EndpointHost.StartAsync(services: s => s.AddSingleton(devices));

        await host.SendAsync(HttpMethod.Post, "/ttn/tenants/acme/devices/import", "Owner", new CsvFile("id,dev_eui\n"));

        Assert.Equal(((double?)null, 8), (used()!.MaxRequestsPerSecond, used()!.MaxConcurrency));
    }

    [Theory]
    [InlineData(0d, 8)]
    [InlineData(-1d, 8)]
    [InlineData(double.NaN, 8)]
    [InlineData(double.PositiveInfinity, 8)]
    [InlineData(10d, 0)]
    [InlineData(10d, 65)]
    public async Task A_pace_that_cannot_work_is_refused_when_the_endpoints_are_mapped(double rate, int lanes)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EndpointHost.StartAsync(services: s =>
            s.Configure<TtnEndpointOptions>(o => (o.ImportMaxRequestsPerSecond, o.ImportMaxConcurrency) = (rate, lanes))));

        Assert.Contains("TtnEndpointOptions.ImportMax", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A device service whose CSV import answers at once, and the options the last import was given.</summary>
    private static (IDeviceService Devices, Func<DeviceImportOptions?> Used) ImportCapturingDevices()
    {
        DeviceImportOptions? used = null;
        var devices = Substitute.For<IDeviceService>();
        devices.ImportDevicesAsync(
                Arg.Any<ProvisioningCaller>(), Arg.Any<Stream>(), Arg.Do<DeviceImportOptions?>(o => used = o), Arg.Any<CancellationToken>())
            .Returns(DeviceModelFactory.DeviceImportResult(tenantId: "acme"));
        return (devices, () => used);
    }
}
