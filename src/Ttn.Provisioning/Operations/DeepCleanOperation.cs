using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Cleanup;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Removes everything the tenant owns on The Things Stack and forgets it in the store, keeping only the ids of what
/// remains (so running it again finishes a partial clean). A tenant whose resources are all gone is Idle.
/// </summary>
internal sealed class DeepCleanOperation : TenantOperation<DeepCleanResult>
{
    private readonly OperationServices _services;

    public DeepCleanOperation(OperationServices services)
    {
        _services = services;
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.DeepClean;

    public override bool NeedsAdminKey => true;

    public override async Task<DeepCleanResult> ExecuteAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var client = _services.Client;
        var conventions = _services.Conventions;
        var vault = _services.Vault;
        var logger = _services.Logger;
        var run = context.LeasedRun;
        var record = run.Record;
        var session = new CleanupSession(context, client, context.AdminKey, conventions.ClusterOf(record), logger);
        var cleanup = await DeepCleanup.RunAsync(session, record, vault, conventions, cancellationToken).ConfigureAwait(false);
        if (cleanup.Abort is { } abort)
        {
            // Nothing was removed: the tenant stays as it was, with the error recorded.
            var error = abort.ToError(null, context.Now);
            await run.ReleaseAsync(r => TenantTransitions.RecordError(r, error), CancellationToken.None).ConfigureAwait(false);
            return Result(context, ProvisioningOutcome.Failed, cleanup.Report, error);
        }

        var (report, outcome) = (cleanup.Report, cleanup.Outcome);
        var remaining = report.Failures.Count();
        var complete = remaining == 0 && outcome.ApplicationGone && outcome.OrganizationGone;
        var storedError = complete
            ? null
            : TenantError.Local(
                null,
                $"Deep clean incomplete: {remaining} resource(s) remain on The Things Stack; run it again to finish.",
                context.Now,
                isTransient: true);

        // What was deleted but not purged stays reserved by TTS: the next provisioning gets new collision-safe ids.
        var applicationId = !outcome.ApplicationGone ? record.ApplicationId
            : record.ApplicationId is null || record.IsExistingApplication || outcome.ApplicationPurged ? null
            : conventions.NewApplicationId(record.TenantId);
        var organizationId = !outcome.OrganizationGone ? record.OrganizationId
            : record.OrganizationId is null || outcome.OrganizationPurged ? null
            : conventions.NewOrganizationId(record.TenantId);
        await run.ReleaseAsync(
            r => TenantTransitions.AfterDeepClean(r, outcome, applicationId, organizationId, storedError), CancellationToken.None)
            .ConfigureAwait(false);

        var resultError = remaining == 0
            ? null
            : TenantError.Local(
                null,
                $"{remaining} resource(s) could not be removed; run deep clean again to finish.",
                context.Now,
                isTransient: true);
        return Result(context, remaining == 0 ? ProvisioningOutcome.Succeeded : ProvisioningOutcome.Failed, report, resultError);
    }

    /// <summary>Interrupted: something may already be deleted, so the record must not keep claiming Ready with those keys.</summary>
    public override TenantRecord AfterInterruption(TenantRecord record, TenantError error) =>
        TenantTransitions.MarkFailed(
            TenantTransitions.AfterDeepClean(record, default, record.ApplicationId, record.OrganizationId, error),
            error,
            requiresStartFresh: false);

    protected override DeepCleanResult CreateResult(TenantRecord? record) => new();

    private static DeepCleanResult Result(
        OperationContext context, ProvisioningOutcome outcome, CleanupReport report, TenantError? error) => new()
    {
        Outcome = outcome,
        Report = report,
        Error = error,
    };
}
