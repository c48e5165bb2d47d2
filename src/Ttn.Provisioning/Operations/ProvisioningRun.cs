using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// The end of every operation that provisions (provision, retry, start fresh, bring an existing application): run the
/// pipeline under the lease, then give the lease up with the tenant Ready, or Failed at the step that failed.
/// </summary>
internal static class ProvisioningRun
{
    /// <summary>Runs the pipeline from the tenant's checkpoints and releases the lease; answers the result.</summary>
    public static async Task<ProvisioningResult> CompleteAsync(
        OperationServices services, OperationContext context, CancellationToken cancellationToken)
    {
        var run = context.LeasedRun;
        var outcome = await services.Pipeline.RunAsync(context, cancellationToken).ConfigureAwait(false);
        var settingsApplied = false;
        if (outcome.Succeeded && WebhookSettingsRequest.IsOutstanding(run.Record))
        {
            // The webhook was set by an earlier run; settings asked for since then are applied before the tenant is Ready.
            var failure = await WebhookSettingsRequest.SendAsync(services, context, run.Record, cancellationToken).ConfigureAwait(false);
            settingsApplied = failure is null;
            outcome = failure is null ? outcome : outcome with { Error = failure.ToError(ProvisioningStep.Webhook, context.Now) };
        }

        if (outcome.Succeeded)
        {
            await run.ReleaseAsync(
                r => TenantTransitions.MarkReady(settingsApplied ? TenantTransitions.SettingsApplied(r) : r, run.Now),
                CancellationToken.None).ConfigureAwait(false);
            var ready = run.Record;
            Log.Ready(services.Logger, ready.TenantId, ready.OrganizationId, ready.ApplicationId, context.RequestCount);
            return Result(ready.TenantId, ProvisioningOutcome.Succeeded, ready, context.RequestCount, warnings: outcome.Warnings);
        }

        await run.ReleaseAsync(r => TenantTransitions.MarkFailed(r, outcome.Error!, outcome.RequiresStartFresh), CancellationToken.None)
            .ConfigureAwait(false);
        var failed = outcome.RequiresStartFresh ? ProvisioningOutcome.UseStartFresh : ProvisioningOutcome.Failed;
        return Result(context.TenantId, failed, run.Record, context.RequestCount, outcome.Error, warnings: outcome.Warnings);
    }

    /// <summary>The result as <paramref name="record"/> shows the tenant, before the shared fields are filled in.</summary>
    public static ProvisioningResult Describe(TenantRecord? record, IReadOnlyList<string>? warnings = null) => new()
    {
        State = record?.State ?? ProvisioningState.Idle,
        OrganizationId = record?.OrganizationId,
        ApplicationId = record?.ApplicationId,
        Cluster = record?.Cluster,
        Checkpoints = record?.Checkpoints ?? ProvisioningStep.None,
        Warnings = warnings ?? [],
    };

    /// <summary>
    /// A result that shows the tenant as <paramref name="record"/> holds it, complete: start fresh nests it in its own
    /// result, where the runner does not fill it in.
    /// </summary>
    public static ProvisioningResult Result(
        string tenantId,
        ProvisioningOutcome outcome,
        TenantRecord? record,
        int requests,
        TenantError? error = null,
        IReadOnlyList<string>? warnings = null)
    {
        var result = Describe(record, warnings);
        result.Fill(new OperationAnswer(tenantId, outcome, record, error, null, requests));
        return result;
    }
}
