using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.Devices;

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

    public override DeviceDiagnosisResult Answer(OperationAnswer answer) => new()
    {
        Outcome = answer.Outcome,
        TenantId = answer.TenantId,
        DeviceId = DeviceId,
        Error = answer.Error,
        Denial = answer.Denial,
        TtsRequestCount = answer.TtsRequestCount,
    };

    protected override async Task<DeviceDiagnosisResult> ExecuteAsync(DeviceSession session, CancellationToken cancellationToken)
    {
        var inspection = await DeviceInspector.InspectAsync(session, DeviceId, cancellationToken).ConfigureAwait(false);
        var unfinished = await session.Store.GetUnfinishedAsync(session.TenantId, session.ApplicationId, DeviceId, cancellationToken)
            .ConfigureAwait(false);
        return new DeviceDiagnosisResult
        {
            Outcome = inspection.Failure is null ? ProvisioningOutcome.Succeeded : ProvisioningOutcome.Failed,
            TenantId = session.TenantId,
            DeviceId = DeviceId,
            HeldBy = inspection.HeldBy,
            Unknown = inspection.Unknown,
            DevEui = inspection.DevEui,
            JoinEui = inspection.JoinEui,
            Unfinished = unfinished,
            Error = inspection.Failure?.ToError(null, session.Now),
            TtsRequestCount = session.Context.RequestCount,
        };
    }
}
