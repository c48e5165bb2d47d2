using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.Tests.Provisioning;
using Ttn.Provisioning.Tests.Reliability;
using static Ttn.Provisioning.Tests.Devices.DeviceSamples;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Devices;

/// <summary>
/// Issue 12, part 2: the host running an import dies mid-way (its device store throws on the Nth write, so no write
/// after it happens, as if the process stopped), at several points; the job is run again once its lease has expired,
/// and The Things Stack then holds every device of the CSV exactly once, in all four registries, and nothing else.
/// </summary>
public sealed class DeviceImportCrashTests
{
    internal const int Devices = 12;

    /// <summary>The device store writes at which the host dies (each device is six writes: see <see cref="DeviceImportCrashTests"/>).</summary>
    public static TheoryData<int> CrashPoints() => [1, 2, 4, 9, 17, 26, 33, 48, 61, 73];

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task A_job_killed_mid_way_and_run_again_registers_every_device_of_the_csv_exactly_once(int crashAtWrite)
    {
        await using var host = new ProvisioningTestHost();
        var application = await ReadyTenantAsync(host);
        var csv = Csv(Devices);
        var options = new DeviceImportOptions { JobId = "crash-job", MaxConcurrency = 4 };
        var writes = 0;
        host.DeviceStore.CrashWhen = _ => Interlocked.Increment(ref writes) == crashAtWrite;

        await Assert.ThrowsAnyAsync<Exception>(() => host.Devices.ImportDevicesAsync(Owner(), DeviceImportTests.Utf8(csv), options));
        Assert.True(host.DeviceStore.Crashed);
        host.DeviceStore.Recover();
        var early = await host.Devices.ImportDevicesAsync(Owner(), DeviceImportTests.Utf8(csv), options);
        host.Time.Advance(FaultInjection.PastLease);
        var resumed = await host.Devices.ImportDevicesAsync(Owner(), DeviceImportTests.Utf8(csv), options);

        // The dead run still held the job: a run before its lease expired is refused, the one after finishes it.
        Assert.Equal(crashAtWrite == 1 ? ProvisioningOutcome.Succeeded : ProvisioningOutcome.AlreadyInProgress, early.Outcome);
        Assert.Equal(ProvisioningOutcome.Succeeded, resumed.Outcome);
        Assert.Equal(Devices, resumed.Rows.Count);
        Assert.All(resumed.Rows, r => Assert.True(r.Succeeded, $"row {r.Row}: {r.Outcome} {r.Reason}"));
        AssertEveryDeviceOnceInAllFourRegistries(host, application, Devices);
        Assert.Empty(await host.DeviceStore.ListUnfinishedAsync("acme"));
    }

    /// <summary>The fake holds exactly the CSV's devices, each once, in the four registries, with its EUIs and AppKey.</summary>
    internal static void AssertEveryDeviceOnceInAllFourRegistries(ProvisioningTestHost host, string application, int count)
    {
        var devices = host.Fake.EndDevices;
        Assert.Equal(count, devices.Count);
        for (var n = 1; n <= count; n++)
        {
            var device = Assert.Single(devices, d => d.DeviceId == $"sensor-{n}");
            Assert.Equal(application, device.ApplicationId);
            Assert.Equal(4, device.Records.Count);
            Assert.All(device.Records, r => Assert.Equal(DevEui(n), r.DevEui));
            Assert.Equal(AppKey(n), device.Records.Single(r => r.Registry == FakeDeviceRegistry.JoinServer).AppKey);
        }
    }
}
