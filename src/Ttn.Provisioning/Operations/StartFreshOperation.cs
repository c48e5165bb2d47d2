using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Cleanup;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Removes the tenant's old application and keys (reporting what it could not), forgets the stored credentials, picks a
/// new collision-safe application id (TTS keeps deleted ids reserved), and, when asked, provisions again in the same
/// call. While something old is left on TTS, the old ids stay stored and only another start fresh may go on. Given a
/// cluster, it moves the tenant: the old resources are removed from the old cluster, the new ones created on the new.
/// </summary>
internal sealed class StartFreshOperation : TenantOperation<StartFreshResult>
{
    private readonly OperationServices _services;
    private readonly bool _provisionAgain;
    private readonly string? _cluster;
    private bool _cleaning;

    /// <param name="services">What operations are built from.</param>
    /// <param name="provisionAgain">Whether to provision again in the same call.</param>
    /// <param name="cluster">The cluster to move the tenant to (validated by the caller); null to stay on its own.</param>
    public StartFreshOperation(OperationServices services, bool provisionAgain, string? cluster)
    {
        _services = services;
        _provisionAgain = provisionAgain;
        _cluster = cluster;
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.StartFresh;

    public override bool NeedsAdminKey => true;

    public override bool WouldCreateResources(TenantRecord record) => true;

    public override async Task<StartFreshResult> ExecuteAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var client = _services.Client;
        var conventions = _services.Conventions;
        var vault = _services.Vault;
        var logger = _services.Logger;
        var run = context.LeasedRun;
        var old = run.Record;

        // The old resources go first, while the record still names them: if something cannot be removed, the old ids are
        // the only record of what is left on TTS, and start fresh run again removes it.
        _cleaning = true;
        var previous = conventions.ClusterOf(old);
        var clusters = (Previous: previous, Next: _cluster ?? previous);
        var session = new CleanupSession(context, client, context.AdminKey, previous, logger);
        var report = await StartFreshCleanup.RunAsync(session, old, vault, conventions, cancellationToken).ConfigureAwait(false);
        _cleaning = false;
        var remaining = report.Failures.Count();
        if (remaining > 0)
        {
            var message = $"Start fresh incomplete: {remaining} old resource(s) could not be removed from The Things Stack; "
                + "run start fresh again to finish.";
            var error = TenantError.Local(null, message, context.Now, isTransient: true);
            await run.ReleaseAsync(r => TenantTransitions.StartFreshIncomplete(r, error), CancellationToken.None).ConfigureAwait(false);
            return Result(context, ProvisioningOutcome.Failed, report, (previous, previous), error: error);
        }

        var keepOrganization = old.Checkpoints.HasFlag(ProvisioningStep.Organization) && !old.RequiresStartFreshForOrganization();
        var newApplicationId = conventions.NewApplicationId(context.TenantId);
        var newOrganizationId = conventions.NewOrganizationId(context.TenantId);
        await run.SaveAsync(
            r => TenantTransitions.OnCluster(
                TenantTransitions.AfterStartFresh(r, keepOrganization, newOrganizationId, newApplicationId), clusters.Next),
            CancellationToken.None).ConfigureAwait(false);
        if (!_provisionAgain)
        {
            await run.ReleaseAsync(r => r, CancellationToken.None).ConfigureAwait(false);
            return Result(context, ProvisioningOutcome.Succeeded, report, clusters, newApplicationId);
        }

        await run.SaveAsync(r => TenantTransitions.StartAttempt(r, run.Now), CancellationToken.None).ConfigureAwait(false);
        var provisioning = await ProvisioningRun.CompleteAsync(_services, context, cancellationToken).ConfigureAwait(false);
        return Result(context, provisioning.Outcome, report, clusters, newApplicationId, provisioning, provisioning.Error);
    }

    /// <summary>Interrupted while removing the old resources: some may be gone already, so only another start fresh may go on.</summary>
    public override TenantRecord AfterInterruption(TenantRecord record, TenantError error) =>
        TenantTransitions.MarkFailed(record, error, requiresStartFresh: _cleaning);

    protected override StartFreshResult CreateResult(TenantRecord? record) => new();

    private static StartFreshResult Result(
        OperationContext context,
        ProvisioningOutcome outcome,
        CleanupReport report,
        (string Previous, string Next) clusters,
        string? newApplicationId = null,
        ProvisioningResult? provisioning = null,
        TenantError? error = null) => new()
        {
            Outcome = outcome,
            Cleanup = report,
            PreviousCluster = clusters.Previous,
            Cluster = clusters.Next,
            NewApplicationId = newApplicationId,
            Provisioning = provisioning,
            Error = error,
        };
}
