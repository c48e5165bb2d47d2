using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>Reads one device from the Identity Server.</summary>
internal sealed class GetDeviceOperation : DeviceIdOperation<DeviceReadResult>
{
    /// <exception cref="ArgumentException">The device id is not a valid TTS id.</exception>
    public GetDeviceOperation(DeviceServices services, string deviceId)
        : base(services, deviceId)
    {
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.ReadDevices;

    protected override DeviceReadResult CreateResult(TenantRecord? record) => new();

    protected override async Task<DeviceReadResult> ExecuteAsync(DeviceSession session, CancellationToken cancellationToken)
    {
        var read = await session.Context.CallAsync(
            "Reading the device from the Identity Server",
            () => session.Client.GetEndDeviceAsync(
                session.Cluster,
                session.ApiKey,
                EndDeviceComponent.IdentityServer,
                session.ApplicationId,
                DeviceId,
                DeviceViews.DefaultFieldMask,
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return new DeviceReadResult
        {
            Outcome = read.Succeeded ? ProvisioningOutcome.Succeeded : ProvisioningOutcome.Failed,
            Device = read.Succeeded ? DeviceViews.ToInfo(read.Value, session.ApplicationId) : null,
            Error = read.Failure?.ToError(null, session.Now),
        };
    }
}
