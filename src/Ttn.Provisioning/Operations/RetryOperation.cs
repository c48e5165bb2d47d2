using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Resumes a Failed run (or one whose lease expired) from its failed step, on the tenant's cluster, and applies settings
/// TTS has not confirmed; for a Ready tenant whose settings are pending it only applies them (which a disabled tenant may
/// do, since it creates nothing). Answers UseStartFresh when retrying cannot help, and NotApplicable when there is
/// nothing to retry.
/// </summary>
internal sealed class RetryOperation : ProvisionOperation
{
    public RetryOperation(OperationServices services)
        : base(services, cluster: null)
    {
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.Retry;

    public override bool WouldCreateResources(TenantRecord record) => !OnlySettingsPending(record);

    public override Admission Admit(string tenantId, TenantRecord? current, DateTimeOffset now)
    {
        if (current is null)
        {
            return Admission.Refuse(ProvisioningOutcome.NotConfigured);
        }

        if (OnlySettingsPending(current))
        {
            return Admission.Lease(current);
        }

        if (current.State == ProvisioningState.Ready && !IsGatewayKeyPending(current))
        {
            return Admission.Refuse(ProvisioningOutcome.NotApplicable);
        }

        if (current.RequiresStartFresh)
        {
            return Admission.Refuse(ProvisioningOutcome.UseStartFresh, current.LastError);
        }

        return current.State == ProvisioningState.Failed || current.IsStalled(now)
            ? Admission.Lease(Begin(current, now))
            : Admission.Refuse(ProvisioningOutcome.NotApplicable);
    }

    public override async Task<ProvisioningResult> ExecuteAsync(OperationContext context, CancellationToken cancellationToken)
    {
        if (!OnlySettingsPending(context.LeasedRun.Record))
        {
            return await base.ExecuteAsync(context, cancellationToken).ConfigureAwait(false);
        }

        var error = await WebhookSettingsRequest.ApplyAndReleaseAsync(Services, context, cancellationToken).ConfigureAwait(false);
        var outcome = error is null ? ProvisioningOutcome.Succeeded : ProvisioningOutcome.Failed;
        return ProvisioningRun.Result(context.TenantId, outcome, context.LeasedRun.Record, context.RequestCount, error);
    }

    /// <summary>A Ready tenant whose only outstanding work is settings TTS has not confirmed.</summary>
    private bool OnlySettingsPending(TenantRecord record) =>
        record.State == ProvisioningState.Ready && !IsGatewayKeyPending(record) && WebhookSettingsRequest.IsOutstanding(record);
}
