using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Reads a tenant's status (its cluster, settings and last connection test included) and suggests what to do next. Holds no
/// secret; makes no request to TTS.
/// </summary>
internal sealed class GetStatusOperation : TenantOperation<TenantStatusResult>
{
    private readonly TenantConventions _conventions;

    public GetStatusOperation(TenantConventions conventions)
    {
        _conventions = conventions;
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.GetStatus;

    public override bool TakesLease => false;

    public override Task<TenantStatusResult> ExecuteAsync(OperationContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new TenantStatusResult
        {
            Outcome = ProvisioningOutcome.Succeeded,
            Status = ToStatus(context.TenantId, context.Record, context.Now, _conventions.Clusters.DefaultName),
        });

    protected override TenantStatusResult CreateResult(TenantRecord? record) => new();

    /// <summary>The status view of a record: ids, state, the next action, last fours, settings; never a secret.</summary>
    public static TenantStatus ToStatus(string tenantId, TenantRecord? record, DateTimeOffset now, string defaultCluster)
    {
        if (record is null)
        {
            return new TenantStatus(tenantId)
            {
                State = ProvisioningState.Idle,
                NextAction = NextAction.Provision,
                Cluster = defaultCluster,
                Settings = TenantSettings.Default,
            };
        }

        var stalled = record.IsStalled(now);
        var next = record switch
        {
            { State: ProvisioningState.Ready } when WebhookSettingsRequest.IsOutstanding(record) => NextAction.Retry,
            { State: ProvisioningState.Ready } => NextAction.None,
            { RequiresStartFresh: true } => NextAction.StartFresh,
            { State: ProvisioningState.Provisioning } when !stalled => NextAction.Wait,
            { State: ProvisioningState.Failed } => NextAction.Retry,
            _ when stalled => NextAction.Retry,
            _ => NextAction.Provision,
        };

        return new TenantStatus(record.TenantId)
        {
            State = record.State,
            CurrentStep = record.CurrentStep,
            Checkpoints = record.Checkpoints,
            AttemptCount = record.AttemptCount,
            IsStalled = stalled,
            NextAction = next,
            LastError = record.LastError,
            Cluster = record.Cluster ?? defaultCluster,
            Settings = record.Settings,
            SettingsPending = record.SettingsPending,
            LastConnectionTest = record.LastConnectionTest,
            OrganizationId = record.OrganizationId,
            ApplicationId = record.ApplicationId,
            IsExistingApplication = record.IsExistingApplication,
            WebhookUrl = record.WebhookUrl,
            OrganizationApiKeyLastFour = record.OrganizationApiKey?.LastFour,
            ApplicationApiKeyLastFour = record.ApplicationApiKey?.LastFour,
            GatewayApiKeyLastFour = record.GatewayApiKey?.LastFour,
            WebhookSecretLastFour = record.WebhookSecret.LastFour,
            StartedAt = record.StartedAt,
            CompletedAt = record.CompletedAt,
            UpdatedAt = record.UpdatedAt,
            UnrecognisedStoredStatus = record.UnrecognisedState,
        };
    }
}
