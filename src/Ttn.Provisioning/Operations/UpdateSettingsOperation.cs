using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Changes a tenant's settings, checkpointed like a step: the settings asked for are stored first (pending when the
/// tenant has a webhook on TTS), then applied with one masked request on the tenant's cluster, then marked applied. A
/// failure leaves them pending; asking again (or a retry) sends them again. Settings of a tenant without a webhook are
/// only stored: the webhook step applies them when it creates the webhook. Allowed in every state, disabled included.
/// </summary>
internal sealed class UpdateSettingsOperation : TenantOperation<TenantSettingsResult>
{
    private readonly OperationServices _services;
    private readonly TenantSettingsUpdate _update;

    /// <exception cref="ArgumentException">The update holds a value no tenant may have.</exception>
    public UpdateSettingsOperation(OperationServices services, TenantSettingsUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        update.Validate(nameof(update));
        _services = services;
        _update = update;
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.UpdateSettings;

    /// <summary>Nothing to change and nothing pending: answered at once, with no write and no request.</summary>
    public override Admission Admit(string tenantId, TenantRecord? current, DateTimeOffset now)
    {
        var record = current ?? new TenantRecord { TenantId = tenantId };
        var unchanged = current is not null && _update.ApplyTo(record.Settings).SameAs(record.Settings);
        return unchanged && !WebhookSettingsRequest.IsOutstanding(record)
            ? Admission.Refuse(ProvisioningOutcome.Succeeded)
            : Admission.Lease(record);
    }

    public override async Task<TenantSettingsResult> ExecuteAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var run = context.LeasedRun;
        var settings = _update.ApplyTo(run.Record.Settings);
        await run.SaveAsync(r => TenantTransitions.RequestSettings(r, settings), cancellationToken).ConfigureAwait(false);
        if (!WebhookSettingsRequest.IsOutstanding(run.Record))
        {
            await run.ReleaseAsync(r => r, CancellationToken.None).ConfigureAwait(false);
            return Result(context, ProvisioningOutcome.Succeeded, run.Record);
        }

        var error = await WebhookSettingsRequest.ApplyAndReleaseAsync(_services, context, cancellationToken).ConfigureAwait(false);
        return Result(context, error is null ? ProvisioningOutcome.Succeeded : ProvisioningOutcome.Failed, run.Record, error);
    }

    /// <summary>Interrupted: the settings stay stored and pending (TTS may or may not have them); the state is unchanged.</summary>
    public override TenantRecord AfterInterruption(TenantRecord record, TenantError error) => TenantTransitions.RecordError(record, error);

    protected override TenantSettingsResult CreateResult(TenantRecord? record) => new()
    {
        Settings = record?.Settings,
        SettingsPending = record?.SettingsPending ?? false,
    };

    private static TenantSettingsResult Result(
        OperationContext context, ProvisioningOutcome outcome, TenantRecord record, TenantError? error = null) => new()
        {
            Outcome = outcome,
            Settings = record.Settings,
            SettingsPending = record.SettingsPending,
            Error = error,
        };
}
