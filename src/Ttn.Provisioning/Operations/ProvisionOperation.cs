using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Provisions a tenant: starts an attempt and runs every step not yet done, on the tenant's cluster (the one asked for,
/// the record's, or the default), which the record then names. A Ready tenant answers Ready at once (no request to
/// TTS), unless the optional gateway key is still pending; a tenant that needs a start fresh says so, as does one asked
/// onto another cluster than the one it has begun provisioning on (only start fresh moves a tenant).
/// </summary>
internal class ProvisionOperation : TenantOperation<ProvisioningResult>
{
    private readonly string? _cluster;

    /// <param name="services">What operations are built from.</param>
    /// <param name="cluster">The cluster asked for (validated by the caller); null for the record's or the default.</param>
    public ProvisionOperation(OperationServices services, string? cluster)
    {
        Services = services;
        _cluster = cluster;
    }

    protected OperationServices Services { get; }

    public override ProvisioningOperation Kind => ProvisioningOperation.Provision;

    public override bool NeedsAdminKey => true;

    public override bool WouldCreateResources(TenantRecord record) => true;

    public override Admission Admit(string tenantId, TenantRecord? current, DateTimeOffset now)
    {
        if (current is not null && OtherClusterThanBound(current) is { } moved)
        {
            return Admission.Refuse(ProvisioningOutcome.UseStartFresh, TenantError.Local(null, moved, now));
        }

        if (current is { State: ProvisioningState.Ready } && !IsGatewayKeyPending(current))
        {
            return Admission.Refuse(ProvisioningOutcome.Succeeded);
        }

        if (current is { RequiresStartFresh: true })
        {
            return Admission.Refuse(ProvisioningOutcome.UseStartFresh, current.LastError);
        }

        return Admission.Lease(Begin(current ?? new TenantRecord { TenantId = tenantId }, now));
    }

    public override Task<ProvisioningResult> ExecuteAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var run = context.LeasedRun;
        Log.RunStarted(Services.Logger, context.TenantId, run.RunId, Kind, run.Record.AttemptCount, run.Record.Checkpoints);
        return ProvisioningRun.CompleteAsync(Services, context, cancellationToken);
    }

    protected override ProvisioningResult CreateResult(TenantRecord? record) => ProvisioningRun.Describe(record);

    /// <summary>A new attempt on the tenant's cluster, which the record names from now on.</summary>
    protected TenantRecord Begin(TenantRecord record, DateTimeOffset now) =>
        TenantTransitions.OnCluster(TenantTransitions.StartAttempt(record, now), _cluster ?? Services.Conventions.ClusterOf(record));

    /// <summary>Ready means done, unless the optional gateway key was asked for and a transient failure left it pending.</summary>
    protected bool IsGatewayKeyPending(TenantRecord record) =>
        Services.Options.CreateGatewayApiKey
        && !record.IsExistingApplication
        && !record.Checkpoints.HasFlag(ProvisioningStep.GatewayApiKey);

    /// <summary>
    /// Why the tenant cannot be provisioned on the cluster asked for: it has begun provisioning (anything beyond its
    /// organization, which lives on the Identity Server) on another. Null when it can.
    /// </summary>
    private string? OtherClusterThanBound(TenantRecord record)
    {
        var current = Services.Conventions.ClusterOf(record);
        var bound = record.State != ProvisioningState.Idle
            || (record.Checkpoints & ~ProvisioningStep.Organization) != ProvisioningStep.None;
        return _cluster is null || !bound || string.Equals(_cluster, current, StringComparison.Ordinal)
            ? null
            : $"Tenant '{record.TenantId}' is provisioned on cluster '{current}'; to move it to '{_cluster}', start fresh with that "
                + "cluster (its resources on the old cluster are removed first).";
    }
}
