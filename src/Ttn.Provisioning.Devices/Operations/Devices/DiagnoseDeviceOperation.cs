using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>Reads a device from the four registries together and says which hold it.</summary>
internal sealed class DiagnoseDeviceOperation : DeviceIdOperation<DeviceDiagnosisResult>
{
    /// <exception cref="ArgumentException">The device id is not a valid TTS id.</exception>
    public DiagnoseDeviceOperation(DeviceServices services, string deviceId)
        : base(services, deviceId)
    {
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.ReadDevices;

    protected override DeviceDiagnosisResult CreateResult(TenantRecord? record) => new()
    {
        DeviceId = DeviceId,
    };

    protected override async Task<DeviceDiagnosisResult> ExecuteAsync(DeviceSession session, CancellationToken cancellationToken)
    {
        var inspection = await DeviceInspector.InspectAsync(session, DeviceId, cancellationToken).ConfigureAwait(false);
        var unfinished = await session.Store.GetUnfinishedAsync(session.TenantId, session.ApplicationId, DeviceId, cancellationToken)
            .ConfigureAwait(false);
        return new DeviceDiagnosisResult
        {
            Outcome = inspection.Failure is null ? ProvisioningOutcome.Succeeded : ProvisioningOutcome.Failed,
            DeviceId = DeviceId,
            HeldBy = inspection.HeldBy,
            Unknown = inspection.Unknown,
            DevEui = inspection.DevEui,
            JoinEui = inspection.JoinEui,
            Unfinished = unfinished,
            Error = inspection.Failure?.ToError(null, session.Now),
        };
    }
}
