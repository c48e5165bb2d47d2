using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

/// <summary>The answer of <c>GET …/status</c>: the tenant's status, with the pipeline as a step list. Holds no secret.</summary>
internal sealed class TenantStatusResponse
{
    /// <summary>The steps a status lists, in pipeline order (preflight only when it is the step in progress or failed).</summary>
    private static readonly ProvisioningStep[] ListedSteps =
    [
        ProvisioningStep.Organization, ProvisioningStep.OrganizationApiKey, ProvisioningStep.Application,
        ProvisioningStep.ApplicationApiKey, ProvisioningStep.GatewayApiKey, ProvisioningStep.Webhook,
    ];

    public required string TenantId { get; init; }

    public required string State { get; init; }

    public string? CurrentStep { get; init; }

    public required IReadOnlyList<StepView> Steps { get; init; }

    public int AttemptCount { get; init; }

    public bool IsStalled { get; init; }

    public required string NextAction { get; init; }

    public ErrorView? LastError { get; init; }

    /// <summary>The tenant's cluster (where its webhook and devices live).</summary>
    public string? Cluster { get; init; }

    public required SettingsView Settings { get; init; }

    /// <summary>The last connection test, when one ran.</summary>
    public ConnectionTestView? LastConnectionTest { get; init; }

    public string? OrganizationId { get; init; }

    public string? ApplicationId { get; init; }

    public bool IsExistingApplication { get; init; }

    public string? WebhookUrl { get; init; }

    public string? OrganizationApiKeyLastFour { get; init; }

    public string? ApplicationApiKeyLastFour { get; init; }

    public string? GatewayApiKeyLastFour { get; init; }

    public string? WebhookSecretLastFour { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? UnrecognisedStoredStatus { get; init; }

    /// <summary>The status as the endpoint answers it.</summary>
    /// <param name="status">The status.</param>
    /// <param name="createsGatewayKey">Whether provisioning creates a gateway key (otherwise that step is listed only once it ran).</param>
    public static TenantStatusResponse From(TenantStatus status, bool createsGatewayKey) => new()
    {
        TenantId = status.TenantId,
        State = status.State.ToString(),
        CurrentStep = status.CurrentStep?.ToString(),
        Steps = StepsOf(status, createsGatewayKey),
        AttemptCount = status.AttemptCount,
        IsStalled = status.IsStalled,
        NextAction = status.NextAction.ToString(),
        LastError = ErrorView.From(status.LastError),
        Cluster = status.Cluster,
        Settings = SettingsView.From(status.Settings, status.SettingsPending),
        LastConnectionTest = ConnectionTestView.From(status.LastConnectionTest),
        OrganizationId = status.OrganizationId,
        ApplicationId = status.ApplicationId,
        IsExistingApplication = status.IsExistingApplication,
        WebhookUrl = status.WebhookUrl,
        OrganizationApiKeyLastFour = status.OrganizationApiKeyLastFour,
        ApplicationApiKeyLastFour = status.ApplicationApiKeyLastFour,
        GatewayApiKeyLastFour = status.GatewayApiKeyLastFour,
        WebhookSecretLastFour = status.WebhookSecretLastFour,
        StartedAt = status.StartedAt,
        CompletedAt = status.CompletedAt,
        UpdatedAt = status.UpdatedAt,
        UnrecognisedStoredStatus = status.UnrecognisedStoredStatus,
    };

    private static List<StepView> StepsOf(TenantStatus status, bool createsGatewayKey)
    {
        var steps = new List<StepView>();
        if (status.CurrentStep == ProvisioningStep.Preflight)
        {
            steps.Add(new StepView(nameof(ProvisioningStep.Preflight), StepStatus(status, ProvisioningStep.Preflight)));
        }

        foreach (var step in ListedSteps)
        {
            var optional = step == ProvisioningStep.GatewayApiKey && !createsGatewayKey;
            if (!optional || status.Checkpoints.HasFlag(step) || status.CurrentStep == step)
            {
                steps.Add(new StepView(step.ToString(), StepStatus(status, step)));
            }
        }

        return steps;
    }

    private static string StepStatus(TenantStatus status, ProvisioningStep step) =>
        status.Checkpoints.HasFlag(step) ? "done"
        : status.CurrentStep != step ? "pending"
        : status.State == ProvisioningState.Failed ? "failed"
        : status.State == ProvisioningState.Provisioning ? "in-progress"
        : "pending";
}

/// <summary>One step of the pipeline and where it stands: <c>done</c>, <c>failed</c>, <c>in-progress</c> or <c>pending</c>.</summary>
/// <param name="Name">The step (a <see cref="ProvisioningStep"/> name).</param>
/// <param name="Status">Where it stands.</param>
internal sealed record StepView(string Name, string Status);
