using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Repairs a half-registered device: reads the four registries, then completes it (with its definition, since the root
/// keys are not kept) or removes what is left. A device complete everywhere, or absent everywhere, is left alone.
/// </summary>
internal sealed class RepairDeviceOperation : DeviceIdOperation<DeviceRepairResult>
{
    private readonly EndDeviceDefinition? _completeWith;

    /// <exception cref="ArgumentException">The device id is invalid, or the definition breaks a rule or names another device.</exception>
    public RepairDeviceOperation(DeviceServices services, string deviceId, EndDeviceDefinition? completeWith)
        : base(services, deviceId)
    {
        if (completeWith is not null)
        {
            _completeWith = DeviceDefinitions.PrepareOrThrow(completeWith, nameof(completeWith));
            if (_completeWith.DeviceId != deviceId)
            {
                throw new ArgumentException(
                    $"The definition is of device '{_completeWith.DeviceId}', not '{deviceId}'.", nameof(completeWith));
            }
        }
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.RepairDevice;

    protected override DeviceRepairResult CreateResult(TenantRecord? record) => new()
    {
        DeviceId = DeviceId,
    };

    protected override async Task<DeviceRepairResult> ExecuteAsync(DeviceSession session, CancellationToken cancellationToken)
    {
        var before = await DeviceInspector.InspectAsync(session, DeviceId, cancellationToken).ConfigureAwait(false);
        if (before.Failure is { } unreadable)
        {
            return Result(session, DeviceRepairAction.None, before.HeldBy, before.HeldBy, unreadable.ToError(null, session.Now));
        }

        if (_completeWith is null && before.HeldBy is DeviceRegistries.None or DeviceRegistries.All)
        {
            // Complete, or gone everywhere: nothing to repair, and nothing is owed any more.
            await session.Store.RemoveUnfinishedAsync(session.TenantId, session.ApplicationId, DeviceId, cancellationToken)
                .ConfigureAwait(false);
            return Result(session, DeviceRepairAction.None, before.HeldBy, before.HeldBy, null);
        }

        if (_completeWith is { } device)
        {
            var outcome = await DeviceRegistrar.RegisterAsync(session, device, listed: null, cancellationToken).ConfigureAwait(false);
            var after = outcome.Status is DeviceOutcome.Registered or DeviceOutcome.AlreadyPresent
                ? DeviceRegistries.All
                : outcome.NotRolledBack | (before.HeldBy & ~outcome.RolledBack);
            var failed = RegisterDeviceOperation.ErrorOf(outcome, session.Now);
            return Result(session, DeviceRepairAction.Completed, before.HeldBy, after, failed);
        }

        var removal = await DeviceRemover.RemoveAsync(session, DeviceId, cancellationToken).ConfigureAwait(false);
        var error = removal.Remaining == DeviceRegistries.None ? null : removal.Failure?.ToError(null, session.Now);
        return Result(session, DeviceRepairAction.Removed, before.HeldBy, removal.Remaining, error);
    }

    private DeviceRepairResult Result(
        DeviceSession session, DeviceRepairAction action, DeviceRegistries before, DeviceRegistries after, TenantError? error) => new()
    {
        Outcome = error is null ? ProvisioningOutcome.Succeeded : ProvisioningOutcome.Failed,
        DeviceId = DeviceId,
        Action = action,
        Before = before,
        After = after,
        Error = error,
    };
}
