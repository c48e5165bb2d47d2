using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.Tests.Provisioning;
using static Ttn.Provisioning.Tests.Devices.DeviceSamples;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Devices;

/// <summary>Registering a device across the Identity, Join, Network and Application Server: order, keys, conflicts, roll-back.</summary>
public sealed class DeviceRegistrationTests
{
    [Fact]
    public async Task A_device_is_written_to_the_four_registries_in_order_with_its_keys_only_on_the_join_server()
    {
        await using var host = new ProvisioningTestHost();
        var application = await ReadyTenantAsync(host);
        host.Fake.Journal.Clear();

        var result = await host.Devices.RegisterDeviceAsync(Owner(), Device(1));

        Assert.Equal(ProvisioningOutcome.Succeeded, result.Outcome);
        Assert.Equal(DeviceOutcome.Registered, result.Status);
        Assert.Equal(DeviceRegistries.All, result.Created);
        var device = Assert.Single(host.Fake.EndDevices);
        Assert.True(device.InIdentityServer && device.InJoinServer && device.InNetworkServer && device.InApplicationServer);
        Assert.Equal(AppKey(1), device.Records.Single(r => r.Registry == FakeDeviceRegistry.JoinServer).AppKey);
        Assert.All(
            device.Records.Where(r => r.Registry != FakeDeviceRegistry.JoinServer),
            r => Assert.DoesNotContain(AppKey(1), r.Json, StringComparison.OrdinalIgnoreCase));
        var writes = host.Fake.Journal.Entries.Select(e => $"{e.Method} {e.Path}").ToList();
        Assert.Equal(4, writes.Count);
        Assert.EndsWith($"/applications/{application}/devices", writes[0], StringComparison.Ordinal);
        Assert.Contains($"/js/applications/{application}/devices/sensor-1", writes[1], StringComparison.Ordinal);
        Assert.Contains($"/ns/applications/{application}/devices/sensor-1", writes[2], StringComparison.Ordinal);
        Assert.Contains($"/as/applications/{application}/devices/sensor-1", writes[3], StringComparison.Ordinal);
        Assert.Empty(await host.DeviceStore.ListUnfinishedAsync("acme"));
    }

    [Fact]
    public async Task Registering_the_same_device_again_converges_on_one_device()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        await host.Devices.RegisterDeviceAsync(Owner(), Device(1));

        var again = await host.Devices.RegisterDeviceAsync(Owner(), Device(1) with { Name = "Renamed" });

        Assert.Equal(ProvisioningOutcome.Succeeded, again.Outcome);
        Assert.Equal(DeviceOutcome.AlreadyPresent, again.Status);
        var device = Assert.Single(host.Fake.EndDevices);
        Assert.Equal(4, device.Records.Count);
    }

    [Fact]
    public async Task A_device_without_an_id_gets_eui_and_its_dev_eui_in_lower_case()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);

        var result = await host.Devices.RegisterDeviceAsync(Owner(), Device(10) with { DeviceId = null });

        Assert.Equal("eui-70b3d57ed000000a", result.DeviceId);
        Assert.Equal("eui-70b3d57ed000000a", Assert.Single(host.Fake.EndDevices).DeviceId);
    }

    [Fact]
    public async Task Euis_registered_in_another_application_are_a_conflict_that_names_it_and_creates_nothing()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        using var other = new OtherAccount(host.Fake);
        await other.CreateApplicationAsync("their-app");
        using (var direct = new FakeDirect(host.Fake, other.Key))
        {
            await direct.CreateIdentityServerDeviceAsync("their-app", "their-sensor", DevEui(1), JoinEui);
        }

        var result = await host.Devices.RegisterDeviceAsync(Owner(), Device(1));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Equal(DeviceOutcome.Conflict, result.Status);
        Assert.Equal("their-app", result.Conflict!.ApplicationId);
        Assert.Equal("their-sensor", result.Conflict.DeviceId);
        Assert.Equal(DeviceRegistries.None, result.Created);
        Assert.Equal("end_device_euis_taken", result.Error!.ErrorName);
        Assert.Equal("their-app", Assert.Single(host.Fake.EndDevices).ApplicationId);
        Assert.Empty(await host.DeviceStore.ListUnfinishedAsync("acme"));
    }

    [Fact]
    public async Task A_device_id_held_by_a_device_with_other_euis_is_a_conflict()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        await host.Devices.RegisterDeviceAsync(Owner(), Device(1));

        var result = await host.Devices.RegisterDeviceAsync(Owner(), Device(2) with { DeviceId = "sensor-1" });

        Assert.Equal(DeviceOutcome.Conflict, result.Status);
        Assert.Equal("sensor-1", result.Conflict!.DeviceId);
        Assert.Equal(DevEui(1), Assert.Single(host.Fake.EndDevices).DevEui);
    }

    [Fact]
    public async Task A_join_server_leftover_with_the_same_euis_is_reported_and_not_overwritten()
    {
        await using var host = new ProvisioningTestHost();
        var application = await ReadyTenantAsync(host);
        var applicationKey = (await host.Service.GetCredentialsAsync(Owner())).Credentials!.ApplicationApiKey.Secret.Value!;
        using (var direct = new FakeDirect(host.Fake, applicationKey))
        {
            await direct.SetJoinServerDeviceAsync(application, "leftover", DevEui(1), JoinEui, AppKey(99));
        }

        var result = await host.Devices.RegisterDeviceAsync(Owner(), Device(1));

        Assert.Equal(DeviceOutcome.Conflict, result.Status);
        Assert.Equal(DeviceRegistries.JoinServer, result.Conflict!.Registry);
        Assert.Equal("leftover", result.Conflict.DeviceId);
        Assert.Equal(DeviceRegistries.IdentityServer, result.RolledBack);
        var leftover = Assert.Single(host.Fake.EndDevices);
        Assert.Equal("leftover", leftover.DeviceId);
        Assert.Equal(AppKey(99), leftover.Records.Single().AppKey);
    }

    [Fact]
    public async Task A_later_step_that_fails_rolls_back_what_was_created_in_reverse_order()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        host.Fake.Faults.Add(HttpMethod.Put, "ns/applications/*/devices/*", FakeFault.Status(400));
        host.Fake.Journal.Clear();

        var result = await host.Devices.RegisterDeviceAsync(Owner(), Device(1));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Equal(DeviceOutcome.RolledBack, result.Status);
        Assert.Equal(DeviceRegistries.IdentityServer | DeviceRegistries.JoinServer, result.Created);
        Assert.Equal(DeviceRegistries.IdentityServer | DeviceRegistries.JoinServer, result.RolledBack);
        Assert.Equal(DeviceRegistries.None, result.NotRolledBack);
        Assert.Equal(400, result.Error!.HttpStatus);
        Assert.Empty(host.Fake.EndDevices);
        var deletes = host.Fake.Journal.Entries.Where(e => e.Method == "DELETE").Select(e => e.Path).ToList();
        Assert.Equal(2, deletes.Count);
        Assert.Contains("/js/", deletes[0], StringComparison.Ordinal);
        Assert.DoesNotContain("/js/", deletes[1], StringComparison.Ordinal);
        Assert.Empty(await host.DeviceStore.ListUnfinishedAsync("acme"));
    }

    [Fact]
    public async Task A_roll_back_that_cannot_finish_is_recorded_for_clean_up_and_a_rerun_finishes_the_device()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        host.Fake.Faults.Add(HttpMethod.Put, "as/applications/*/devices/*", FakeFault.Status(400), onCall: 1);
        host.Fake.Faults.Add(HttpMethod.Delete, "js/applications/*/devices/*", FakeFault.Status(503), onCall: 1);

        var failed = await host.Devices.RegisterDeviceAsync(Owner(), Device(1));

        Assert.Equal(DeviceOutcome.Failed, failed.Status);
        Assert.Equal(DeviceRegistries.NetworkServer, failed.RolledBack);
        Assert.Equal(DeviceRegistries.JoinServer | DeviceRegistries.IdentityServer, failed.NotRolledBack);
        Assert.True(failed.NeedsCleanup);
        var owed = Assert.Single((await host.Devices.ListDevicesAsync(Owner())).Unfinished);
        Assert.True(owed.NeedsCleanup);
        Assert.Equal(DeviceRegistries.JoinServer | DeviceRegistries.IdentityServer, owed.Holds);

        var rerun = await host.Devices.RegisterDeviceAsync(Owner(), Device(1));

        Assert.Equal(DeviceOutcome.Registered, rerun.Status);
        Assert.Equal(4, Assert.Single(host.Fake.EndDevices).Records.Count);
        Assert.Empty(await host.DeviceStore.ListUnfinishedAsync("acme"));
    }

    [Fact]
    public async Task The_device_limit_refuses_a_new_device_before_anything_is_written()
    {
        await using var host = new ProvisioningTestHost(devices: o => o.MaxDevicesPerTenant = 1);
        await ReadyTenantAsync(host);
        await host.Devices.RegisterDeviceAsync(Owner(), Device(1));
        host.Fake.Journal.Clear();

        var refused = await host.Devices.RegisterDeviceAsync(Owner(), Device(2));
        var again = await host.Devices.RegisterDeviceAsync(Owner(), Device(1));

        Assert.Equal(ProvisioningOutcome.Failed, refused.Outcome);
        Assert.Null(refused.Status);
        Assert.Contains("limit is 1", refused.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(DeviceOutcome.AlreadyPresent, again.Status);
        Assert.DoesNotContain(host.Fake.Journal.Entries, e => e.Method != "GET" && e.Path.Contains("sensor-2", StringComparison.Ordinal));
        Assert.Single(host.Fake.EndDevices);
    }

    [Fact]
    public async Task A_tenant_that_is_not_provisioned_has_no_devices_to_register_and_nothing_is_sent()
    {
        await using var host = new ProvisioningTestHost();

        var result = await host.Devices.RegisterDeviceAsync(Owner(), Device(1));

        Assert.Equal(ProvisioningOutcome.NotConfigured, result.Outcome);
        Assert.Empty(host.Fake.Journal.Entries);
    }

    [Fact]
    public async Task An_invalid_definition_is_misuse_and_the_message_holds_no_key()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => host.Devices.RegisterDeviceAsync(Owner(), Device(1) with { DevEui = AppKey(1)[..15], FrequencyPlanId = null }));

        Assert.Contains("ids.dev_eui", error.Message, StringComparison.Ordinal);
        Assert.Contains("frequency", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(AppKey(1)[..15], error.Message, StringComparison.Ordinal);
    }
}
