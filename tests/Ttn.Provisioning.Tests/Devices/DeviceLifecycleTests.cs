using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.Tests.Provisioning;
using static Ttn.Provisioning.Tests.Devices.DeviceSamples;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Devices;

/// <summary>Reading, listing, diagnosing, repairing and removing a tenant's devices.</summary>
public sealed class DeviceLifecycleTests
{
    [Fact]
    public async Task A_viewer_reads_a_device_without_any_key()
    {
        await using var host = new ProvisioningTestHost();
        var application = await ReadyTenantAsync(host);
        await host.Devices.RegisterDeviceAsync(Owner(), Device(1));

        var result = await host.Devices.GetDeviceAsync(As(TenantRole.Viewer), "sensor-1");

        Assert.Equal(ProvisioningOutcome.Succeeded, result.Outcome);
        Assert.Equal(application, result.Device!.ApplicationId);
        Assert.Equal(DevEui(1), result.Device.DevEui);
        Assert.Equal("Sensor 1", result.Device.Name);
        Assert.DoesNotContain(AppKey(1), result.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Listing_pages_through_the_devices_with_the_total()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        await host.Devices.ImportDevicesAsync(Owner(), Enumerable.Range(1, 5).Select(n => Device(n)));

        var page = await host.Devices.ListDevicesAsync(As(TenantRole.Staff), new DeviceListOptions { Page = 2, PageSize = 2 });

        Assert.Equal(ProvisioningOutcome.Succeeded, page.Outcome);
        Assert.Equal(5, page.TotalCount);
        Assert.Equal(["sensor-3", "sensor-4"], page.Devices.Select(d => d.DeviceId));
        Assert.Empty(page.Unfinished);
    }

    [Fact]
    public async Task Diagnosis_reads_the_four_registries_and_shows_a_split_brain_device()
    {
        await using var host = new ProvisioningTestHost();
        var application = await ReadyTenantAsync(host);
        await host.Devices.RegisterDeviceAsync(Owner(), Device(1));
        var applicationKey = (await host.Service.GetCredentialsAsync(Owner())).Credentials!.ApplicationApiKey.Secret.Value!;
        using (var direct = new FakeDirect(host.Fake, applicationKey))
        {
            await direct.DeleteDeviceAsync("ns", application, "sensor-1");
        }

        var diagnosis = await host.Devices.DiagnoseDeviceAsync(As(TenantRole.Viewer), "sensor-1");

        Assert.Equal(ProvisioningOutcome.Succeeded, diagnosis.Outcome);
        Assert.Equal(DeviceRegistries.All & ~DeviceRegistries.NetworkServer, diagnosis.HeldBy);
        Assert.Equal(DeviceRegistries.NetworkServer, diagnosis.Missing);
        Assert.True(diagnosis.IsSplitBrain);
        Assert.Equal(DevEui(1), diagnosis.DevEui);
    }

    [Fact]
    public async Task Repairing_with_the_definition_completes_a_half_registered_device()
    {
        await using var host = new ProvisioningTestHost();
        var application = await ReadyTenantAsync(host);
        await host.Devices.RegisterDeviceAsync(Owner(), Device(1));
        var applicationKey = (await host.Service.GetCredentialsAsync(Owner())).Credentials!.ApplicationApiKey.Secret.Value!;
        using (var direct = new FakeDirect(host.Fake, applicationKey))
        {
            await direct.DeleteDeviceAsync("as", application, "sensor-1");
            await direct.DeleteDeviceAsync("js", application, "sensor-1");
        }

        var repair = await host.Devices.RepairDeviceAsync(As(TenantRole.Manager), "sensor-1", Device(1));

        Assert.Equal(ProvisioningOutcome.Succeeded, repair.Outcome);
        Assert.Equal(DeviceRepairAction.Completed, repair.Action);
        Assert.Equal(DeviceRegistries.IdentityServer | DeviceRegistries.NetworkServer, repair.Before);
        Assert.Equal(DeviceRegistries.All, repair.After);
        var device = Assert.Single(host.Fake.EndDevices);
        Assert.Equal(AppKey(1), device.Records.Single(r => r.Registry == FakeDeviceRegistry.JoinServer).AppKey);
    }

    [Fact]
    public async Task Repairing_without_the_definition_removes_what_is_left()
    {
        await using var host = new ProvisioningTestHost();
        var application = await ReadyTenantAsync(host);
        await host.Devices.RegisterDeviceAsync(Owner(), Device(1));
        var applicationKey = (await host.Service.GetCredentialsAsync(Owner())).Credentials!.ApplicationApiKey.Secret.Value!;
        using (var direct = new FakeDirect(host.Fake, applicationKey))
        {
            await direct.DeleteDeviceAsync("", application, "sensor-1");
        }

        var repair = await host.Devices.RepairDeviceAsync(Owner(), "sensor-1");

        Assert.Equal(DeviceRepairAction.Removed, repair.Action);
        Assert.Equal(DeviceRegistries.All & ~DeviceRegistries.IdentityServer, repair.Before);
        Assert.Equal(DeviceRegistries.None, repair.After);
        Assert.Empty(host.Fake.EndDevices);
    }

    [Fact]
    public async Task Repairing_a_complete_device_changes_nothing()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        await host.Devices.RegisterDeviceAsync(Owner(), Device(1));

        var repair = await host.Devices.RepairDeviceAsync(Owner(), "sensor-1");

        Assert.Equal(DeviceRepairAction.None, repair.Action);
        Assert.Equal(4, Assert.Single(host.Fake.EndDevices).Records.Count);
    }

    [Fact]
    public async Task Removal_goes_application_network_join_then_identity_server_and_verifies_the_euis_are_free()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        await host.Devices.RegisterDeviceAsync(Owner(), Device(1));
        host.Fake.Journal.Clear();

        var removal = await host.Devices.RemoveDeviceAsync(As(TenantRole.Manager), "sensor-1");

        Assert.Equal(ProvisioningOutcome.Succeeded, removal.Outcome);
        Assert.Equal(DeviceRegistries.All, removal.Removed);
        Assert.True(removal.EuisReleased);
        Assert.Empty(host.Fake.EndDevices);
        var deletes = host.Fake.Journal.Entries.Where(e => e.Method == "DELETE").Select(e => e.Path).ToList();
        Assert.Equal(4, deletes.Count);
        Assert.Contains("/as/", deletes[0], StringComparison.Ordinal);
        Assert.Contains("/ns/", deletes[1], StringComparison.Ordinal);
        Assert.Contains("/js/", deletes[2], StringComparison.Ordinal);
        Assert.DoesNotContain("/js/", deletes[3], StringComparison.Ordinal);
        Assert.Contains(
            host.Fake.Journal.Entries,
            e => e.Path.Contains("/search/", StringComparison.Ordinal) && e.Query.Contains(DevEui(1), StringComparison.Ordinal));
        var reused = await host.Devices.RegisterDeviceAsync(Owner(), Device(1) with { DeviceId = "reused" });
        Assert.Equal(DeviceOutcome.Registered, reused.Status);
    }

    [Fact]
    public async Task Registries_that_do_not_hold_the_device_count_as_already_gone()
    {
        await using var host = new ProvisioningTestHost();
        var application = await ReadyTenantAsync(host);
        var applicationKey = (await host.Service.GetCredentialsAsync(Owner())).Credentials!.ApplicationApiKey.Secret.Value!;
        using (var direct = new FakeDirect(host.Fake, applicationKey))
        {
            await direct.CreateIdentityServerDeviceAsync(application, "half", DevEui(1), JoinEui);
        }

        var removal = await host.Devices.RemoveDeviceAsync(Owner(), "half");

        Assert.Equal(ProvisioningOutcome.Succeeded, removal.Outcome);
        Assert.Equal(DeviceRegistries.IdentityServer, removal.Removed);
        Assert.Equal(DeviceRegistries.All & ~DeviceRegistries.IdentityServer, removal.AlreadyGone);
        Assert.Empty(host.Fake.EndDevices);
    }

    [Fact]
    public async Task A_removal_that_stops_keeps_the_identity_server_entry_and_a_rerun_finishes_it()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        await host.Devices.RegisterDeviceAsync(Owner(), Device(1));
        host.Fake.Faults.Add(HttpMethod.Delete, "js/applications/*/devices/*", FakeFault.Status(503), onCall: 1);

        var failed = await host.Devices.RemoveDeviceAsync(Owner(), "sensor-1");

        Assert.Equal(ProvisioningOutcome.Failed, failed.Outcome);
        Assert.Equal(DeviceRegistries.JoinServer | DeviceRegistries.IdentityServer, failed.Remaining);
        Assert.Null(failed.EuisReleased);
        Assert.True(Assert.Single(await host.DeviceStore.ListUnfinishedAsync("acme")).NeedsCleanup);

        var rerun = await host.Devices.RemoveDeviceAsync(Owner(), "sensor-1");

        Assert.Equal(ProvisioningOutcome.Succeeded, rerun.Outcome);
        Assert.Equal(DeviceRegistries.JoinServer | DeviceRegistries.IdentityServer, rerun.Removed);
        Assert.True(rerun.EuisReleased);
        Assert.Empty(host.Fake.EndDevices);
        Assert.Empty(await host.DeviceStore.ListUnfinishedAsync("acme"));
    }
}
