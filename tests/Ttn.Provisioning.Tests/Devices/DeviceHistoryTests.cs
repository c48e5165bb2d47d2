using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.Tests.Provisioning;
using static Ttn.Provisioning.Tests.Devices.DeviceSamples;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Devices;

/// <summary>What device and gateway operations leave in the tenant's history: every change, with who made it; no read.</summary>
public sealed class DeviceHistoryTests
{
    [Fact]
    public async Task Device_and_gateway_changes_are_written_to_the_tenant_history_newest_first_and_reads_are_not()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        var manager = As(TenantRole.Manager);

        await host.Devices.RegisterDeviceAsync(manager, Device(1));
        await host.Devices.ImportDevicesAsync(Owner(), [Device(2), Device(3)]);
        await host.Devices.RepairDeviceAsync(Owner(), "sensor-2");
        await host.Devices.RemoveDeviceAsync(manager, "sensor-3");
        await host.Gateways.RegisterGatewayAsync(Owner(), Gateway(1));
        await host.Gateways.RemoveGatewayAsync(Owner(), "gateway-1");
        // Not recorded: reads, a dry run, and a denied change.
        await host.Devices.ImportDevicesAsync(Owner(), [Device(4)], new DeviceImportOptions { DryRun = true });
        await host.Devices.GetDeviceAsync(Owner(), "sensor-1");
        await host.Devices.ListDevicesAsync(Owner());
        await host.Devices.DiagnoseDeviceAsync(Owner(), "sensor-1");
        await host.Gateways.GetGatewayStatusAsync(Owner());
        await host.Devices.RemoveDeviceAsync(As(TenantRole.Viewer), "sensor-1");

        var history = await host.Service.GetHistoryAsync(Owner(), limit: 100);

        Assert.Equal(
            [
                ProvisioningOperation.RemoveGateway, ProvisioningOperation.RegisterGateway, ProvisioningOperation.RemoveDevice,
                ProvisioningOperation.RepairDevice, ProvisioningOperation.ImportDevices, ProvisioningOperation.RegisterDevice,
                ProvisioningOperation.Provision,
            ],
            history.Entries.Select(e => e.Operation));
        var registration = history.Entries.Single(e => e.Operation == ProvisioningOperation.RegisterDevice);
        Assert.Equal(
            ("user-2", TenantRole.Manager, ProvisioningOutcome.Succeeded), (registration.UserId, registration.Role, registration.Outcome));
        Assert.Equal(4, registration.TtsRequestCount);
    }

    [Fact]
    public async Task A_failed_device_registration_is_recorded_with_the_error_from_the_things_stack()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        host.Fake.Faults.Add(HttpMethod.Put, "js/applications/*/devices/*", FakeFault.Status(503), onCall: 1);

        var result = await host.Devices.RegisterDeviceAsync(Owner(), Device(1));

        var entry = (await host.Service.GetHistoryAsync(Owner())).Entries[0];
        Assert.Equal((ProvisioningOperation.RegisterDevice, result.Outcome), (entry.Operation, entry.Outcome));
        Assert.Equal(ProvisioningOutcome.Failed, entry.Outcome);
        Assert.Equal(result.Error!.Message, entry.Message);
    }
}
