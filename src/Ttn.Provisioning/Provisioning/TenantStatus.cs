using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning;

/// <summary>What the caller should do next for a tenant.</summary>
public enum NextAction
{
    /// <summary>Nothing: the tenant is Ready.</summary>
    None = 0,

    /// <summary>Provision the tenant (nothing is provisioned yet).</summary>
    Provision = 1,

    /// <summary>Wait: a run is in progress.</summary>
    Wait = 2,

    /// <summary>Retry: the last run failed or stalled and can resume, or settings TTS has not confirmed can be applied again.</summary>
    Retry = 3,

    /// <summary>Start fresh: retrying cannot help.</summary>
    StartFresh = 4,
}

/// <summary>A tenant's provisioning status. Holds no secret: credentials are only shown by their last four characters.</summary>
public sealed class TenantStatus
{
    internal TenantStatus(string tenantId)
    {
        TenantId = tenantId;
    }

    /// <summary>The tenant.</summary>
    public string TenantId { get; }

    /// <summary>The lifecycle state.</summary>
    public ProvisioningState State { get; internal init; }

    /// <summary>The step in progress or the step that failed.</summary>
    public ProvisioningStep? CurrentStep { get; internal init; }

    /// <summary>The steps completed.</summary>
    public ProvisioningStep Checkpoints { get; internal init; }

    /// <summary>How many runs were started.</summary>
    public int AttemptCount { get; internal init; }

    /// <summary>Whether a run is in progress but its lease has expired (the host running it stopped).</summary>
    public bool IsStalled { get; internal init; }

    /// <summary>What the caller should do next.</summary>
    public NextAction NextAction { get; internal init; }

    /// <summary>The last error, if any.</summary>
    public TenantError? LastError { get; internal init; }

    /// <summary>The cluster that serves the tenant (the default cluster for a tenant that names none).</summary>
    public string? Cluster { get; internal init; }

    /// <summary>The tenant's settings: enabled, and which messages TTS sends to its webhook.</summary>
    public TenantSettings Settings { get; internal init; } = TenantSettings.Default;

    /// <summary>
    /// Whether TTS has not confirmed <see cref="Settings"/> on the webhook yet (a retry or a settings update applies them).
    /// </summary>
    public bool SettingsPending { get; internal init; }

    /// <summary>The result of the last connection test; null when none ran.</summary>
    public ConnectionTest? LastConnectionTest { get; internal init; }

    /// <summary>The organization id on TTS.</summary>
    public string? OrganizationId { get; internal init; }

    /// <summary>The application id on TTS.</summary>
    public string? ApplicationId { get; internal init; }

    /// <summary>Whether the application was brought by the tenant.</summary>
    public bool IsExistingApplication { get; internal init; }

    /// <summary>The webhook's URL.</summary>
    public string? WebhookUrl { get; internal init; }

    /// <summary>The last four characters of the organization API key, if one is stored.</summary>
    public string? OrganizationApiKeyLastFour { get; internal init; }

    /// <summary>The last four characters of the application API key, if one is stored.</summary>
    public string? ApplicationApiKeyLastFour { get; internal init; }

    /// <summary>The last four characters of the gateway API key, if one is stored.</summary>
    public string? GatewayApiKeyLastFour { get; internal init; }

    /// <summary>The last four characters of the webhook secret, if one is stored.</summary>
    public string? WebhookSecretLastFour { get; internal init; }

    /// <summary>When the current or last run started.</summary>
    public DateTimeOffset? StartedAt { get; internal init; }

    /// <summary>When the tenant last became Ready.</summary>
    public DateTimeOffset? CompletedAt { get; internal init; }

    /// <summary>When the stored record was last written.</summary>
    public DateTimeOffset? UpdatedAt { get; internal init; }

    /// <summary>A stored status the library did not recognise, if the record came from a legacy store; the state is then Failed.</summary>
    public string? UnrecognisedStoredStatus { get; internal init; }
}

/// <summary>The result of <see cref="IProvisioningService.GetStatusAsync"/>: Succeeded (with <see cref="Status"/>) or Denied.</summary>
public sealed class TenantStatusResult : OperationResult
{
    internal TenantStatusResult()
    {
    }

    /// <summary>The status; for a tenant with nothing stored, an Idle status.</summary>
    public TenantStatus? Status { get; internal init; }
}
