using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tests.Provisioning;
using static Ttn.Provisioning.Tests.Devices.DeviceSamples;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Reliability;

/// <summary>
/// Issue 12, "done when": registering and removing a device under every fault at each of the four registries. A route
/// fault leaves no part of the device (the registration is rolled back); a crash may leave one, recorded; either way at
/// most one re-run ends with the device whole (registration) or gone everywhere with its EUIs free (removal).
/// </summary>
public sealed class DeviceFaultMatrixTests
{
    /// <summary>Each registry's write of a registration, and the device store write that records it (where a crash hits).</summary>
    internal static readonly (DeviceRegistries Registry, FaultPoint Point, Func<DeviceStoreWrite, bool> Records)[] RegistrationPoints =
    [
        (DeviceRegistries.IdentityServer, new("IS create", "POST", "applications/*/devices"), Holds(DeviceRegistries.IdentityServer)),
        (DeviceRegistries.JoinServer, new("JS set", "PUT", "js/applications/*/devices/*"), Holds(DeviceRegistries.JoinServer)),
        (DeviceRegistries.NetworkServer, new("NS set", "PUT", "ns/applications/*/devices/*"), Holds(DeviceRegistries.NetworkServer)),
        (DeviceRegistries.ApplicationServer, new("AS set", "PUT", "as/applications/*/devices/*"), w => w.Removed is not null),
    ];

    /// <summary>Each registry's delete of a removal, and the device store write that records it.</summary>
    internal static readonly (DeviceRegistries Registry, FaultPoint Point, Func<DeviceStoreWrite, bool> Records)[] RemovalPoints =
    [
        (DeviceRegistries.ApplicationServer, new("AS delete", "DELETE", "as/applications/*/devices/*"), Released(DeviceRegistries.ApplicationServer)),
        (DeviceRegistries.NetworkServer, new("NS delete", "DELETE", "ns/applications/*/devices/*"), Released(DeviceRegistries.NetworkServer)),
        (DeviceRegistries.JoinServer, new("JS delete", "DELETE", "js/applications/*/devices/*"), Released(DeviceRegistries.JoinServer)),
        (DeviceRegistries.IdentityServer, new("IS delete", "DELETE", "applications/*/devices/*"), w => w.Removed is not null),
    ];

    public static TheoryData<DeviceRegistries, Fault> RegistrationCases() => Cases(RegistrationPoints.Select(p => p.Registry));

    public static TheoryData<DeviceRegistries, Fault> RemovalCases() => Cases(RemovalPoints.Select(p => p.Registry));

    [Theory]
    [MemberData(nameof(RegistrationCases))]
    public async Task A_registration_fault_leaves_no_split_brain_device_after_at_most_one_rerun(DeviceRegistries registry, Fault fault)
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        var (_, point, records) = RegistrationPoints.Single(p => p.Registry == registry);

        var first = await RunAsync(host, point, records, fault, () => host.Devices.RegisterDeviceAsync(Owner(), Device(1)));

        if (first is not null)
        {
            // A route fault fails the registration and the roll-back leaves nothing of the device; or (an answer lost after
            // the Identity Server acted) the look-up finds the device and the registration goes on. Never half a device.
            Assert.True(first.Outcome == ProvisioningOutcome.Succeeded || first.Error!.IsTransient, first.Error?.Message);
            Assert.All(host.Fake.EndDevices, d => Assert.Equal(4, d.Records.Count));
            Assert.Empty(await host.DeviceStore.ListUnfinishedAsync("acme"));
        }

        var rerun = await host.Devices.RegisterDeviceAsync(Owner(), Device(1));

        Assert.Equal(ProvisioningOutcome.Succeeded, rerun.Outcome);
        Assert.Equal(4, Assert.Single(host.Fake.EndDevices).Records.Count);
        Assert.Empty(await host.DeviceStore.ListUnfinishedAsync("acme"));
    }

    [Theory]
    [MemberData(nameof(RemovalCases))]
    public async Task A_removal_fault_leaves_nothing_of_the_device_after_at_most_one_rerun(DeviceRegistries registry, Fault fault)
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        Assert.Equal(DeviceOutcome.Registered, (await host.Devices.RegisterDeviceAsync(Owner(), Device(1))).Status);
        var (_, point, records) = RemovalPoints.Single(p => p.Registry == registry);

        var first = await RunAsync(host, point, records, fault, () => host.Devices.RemoveDeviceAsync(Owner(), "sensor-1"));

        if (first is { Outcome: ProvisioningOutcome.Failed })
        {
            // What remains is recorded, and the Identity Server entry is kept while a server still holds a part.
            Assert.True(first.Error!.IsTransient, first.Error.Message);
            Assert.NotEqual(DeviceRegistries.None, first.Remaining);
            Assert.True(Assert.Single(await host.DeviceStore.ListUnfinishedAsync("acme")).NeedsCleanup);
            Assert.All(host.Fake.EndDevices, d => Assert.True(d.InIdentityServer));
        }

        var result = first is { Outcome: ProvisioningOutcome.Succeeded }
            ? first
            : await host.Devices.RemoveDeviceAsync(Owner(), "sensor-1");

        Assert.Equal(ProvisioningOutcome.Succeeded, result.Outcome);
        Assert.True(result.EuisReleased);
        Assert.Empty(host.Fake.EndDevices);
        Assert.Empty(await host.DeviceStore.ListUnfinishedAsync("acme"));
    }

    /// <summary>Runs the operation under the fault: a route fault through <see cref="FaultInjection"/>, a crash at the device store.</summary>
    private static async Task<T?> RunAsync<T>(
        ProvisioningTestHost host, FaultPoint point, Func<DeviceStoreWrite, bool> records, Fault fault, Func<Task<T>> operation)
        where T : class
    {
        if (fault != Fault.CrashBeforeStoreWrite)
        {
            var rule = FaultInjection.Arm(host, point, fault);
            var result = await FaultInjection.RunAsync(host, fault, operation);
            Assert.Equal(1, rule.AppliedCount);
            return result;
        }

        host.DeviceStore.CrashWhen = records;
        await Assert.ThrowsAsync<IOException>(operation);
        Assert.True(host.DeviceStore.Crashed);
        host.DeviceStore.Recover();
        return null;
    }

    private static Func<DeviceStoreWrite, bool> Holds(DeviceRegistries registry) =>
        w => w.Unfinished is { Work: DeviceWork.Register } entry && entry.Holds.HasFlag(registry);

    private static Func<DeviceStoreWrite, bool> Released(DeviceRegistries registry) =>
        w => w.Unfinished is { Work: DeviceWork.Remove } entry && !entry.Holds.HasFlag(registry);

    private static TheoryData<DeviceRegistries, Fault> Cases(IEnumerable<DeviceRegistries> registries)
    {
        var data = new TheoryData<DeviceRegistries, Fault>();
        foreach (var registry in registries)
        {
            foreach (var fault in Enum.GetValues<Fault>())
            {
                data.Add(registry, fault);
            }
        }

        return data;
    }
}
