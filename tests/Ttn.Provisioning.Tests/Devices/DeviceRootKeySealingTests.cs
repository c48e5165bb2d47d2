using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Tests.Provisioning;
using static Ttn.Provisioning.Tests.Devices.DeviceSamples;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Devices;

/// <summary>Root keys answered sealed for the host only when it asks (<see cref="EndDeviceDefinition.SealRootKeys"/>).</summary>
public sealed class DeviceRootKeySealingTests
{
    [Fact]
    public async Task Asked_for_the_root_keys_come_back_sealed_to_the_tenant_and_their_field()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        var nwkKey = AppKey(90);

        var lorawan11 = Device(1) with { NwkKey = nwkKey, LorawanVersion = "MAC_V1_1", LorawanPhyVersion = "RP001_V1_1_REV_B" };

        var result = await host.Devices.RegisterDeviceAsync(Owner(), lorawan11 with { SealRootKeys = true });

        Assert.Equal(DeviceOutcome.Registered, result.Status);
        Assert.Equal(AppKey(1), host.Protector.Unprotect(result.SealedAppKey, new SecretContext("acme", SecretField.DeviceAppKey)).Value);
        Assert.Equal(nwkKey, host.Protector.Unprotect(result.SealedNwkKey, new SecretContext("acme", SecretField.DeviceNwkKey)).Value);
        Assert.False(host.Protector.Unprotect(result.SealedAppKey, new SecretContext("acme", SecretField.DeviceNwkKey)).IsDecrypted);
        Assert.False(host.Protector.Unprotect(result.SealedAppKey, new SecretContext("other", SecretField.DeviceAppKey)).IsDecrypted);
        Assert.DoesNotContain(AppKey(1), result.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Not_asked_the_root_keys_are_not_answered_at_all()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);

        var result = await host.Devices.RegisterDeviceAsync(Owner(), Device(1));

        Assert.Equal(DeviceOutcome.Registered, result.Status);
        Assert.Null(result.SealedAppKey);
        Assert.Null(result.SealedNwkKey);
    }
}
