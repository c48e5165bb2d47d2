using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>Removes a device from every registry, data planes first (see <see cref="DeviceRemover"/>).</summary>
internal sealed class RemoveDeviceOperation : DeviceIdOperation<DeviceRemovalResult>
{
    /// <exception cref="ArgumentException">The device id is not a valid TTS id.</exception>
    public RemoveDeviceOperation(DeviceServices services, string deviceId)
        : base(services, deviceId)
    {
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.RemoveDevice;

    protected override DeviceRemovalResult CreateResult(TenantRecord? record) => new()
    {
        DeviceId = DeviceId,
    };

    protected override async Task<DeviceRemovalResult> ExecuteAsync(DeviceSession session, CancellationToken cancellationToken)
    {
        var removal = await DeviceRemover.RemoveAsync(session, DeviceId, cancellationToken).ConfigureAwait(false);
        var done = removal.Remaining == DeviceRegistries.None;
        return new DeviceRemovalResult
        {
            Outcome = done ? ProvisioningOutcome.Succeeded : ProvisioningOutcome.Failed,
            DeviceId = DeviceId,
            Removed = removal.Removed,
            AlreadyGone = removal.AlreadyGone,
            Remaining = removal.Remaining,
            EuisReleased = removal.EuisReleased,
            Error = done
                ? null
                : (removal.Failure ?? TtsFailure.Refusal("The removal did not finish."))
                    .WithHint($"Still held by: {removal.Remaining}; remove the device again to finish.")
                    .ToError(null, session.Now),
        };
    }
}
