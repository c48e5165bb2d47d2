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
    /// <summary>The tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The lifecycle state.</summary>
    public ProvisioningState State { get; init; }

    /// <summary>The step in progress or the step that failed.</summary>
    public ProvisioningStep? CurrentStep { get; init; }

    /// <summary>The steps completed.</summary>
    public ProvisioningStep Checkpoints { get; init; }

    /// <summary>How many runs were started.</summary>
    public int AttemptCount { get; init; }

    /// <summary>Whether a run is in progress but its lease has expired (the host running it stopped).</summary>
    public bool IsStalled { get; init; }

    /// <summary>What the caller should do next.</summary>
    public NextAction NextAction { get; init; }

    /// <summary>The last error, if any.</summary>
    public TenantError? LastError { get; init; }

    /// <summary>The cluster that serves the tenant (the default cluster for a tenant that names none).</summary>
    public string? Cluster { get; init; }

    /// <summary>The tenant's settings: enabled, and which messages TTS sends to its webhook.</summary>
    public TenantSettings Settings { get; init; } = TenantSettings.Default;

    /// <summary>
    /// Whether TTS has not confirmed <see cref="Settings"/> on the webhook yet (a retry or a settings update applies them).
    /// </summary>
    public bool SettingsPending { get; init; }

    /// <summary>The result of the last connection test; null when none ran.</summary>
    public ConnectionTest? LastConnectionTest { get; init; }

    /// <summary>The organization id on TTS.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The application id on TTS.</summary>
    public string? ApplicationId { get; init; }

    /// <summary>Whether the application was brought by the tenant.</summary>
    public bool IsExistingApplication { get; init; }

    /// <summary>The webhook's URL.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>The last four characters of the organization API key, if one is stored.</summary>
    public string? OrganizationApiKeyLastFour { get; init; }

    /// <summary>The last four characters of the application API key, if one is stored.</summary>
    public string? ApplicationApiKeyLastFour { get; init; }

    /// <summary>The last four characters of the gateway API key, if one is stored.</summary>
    public string? GatewayApiKeyLastFour { get; init; }

    /// <summary>The last four characters of the webhook secret, if one is stored.</summary>
    public string? WebhookSecretLastFour { get; init; }

    /// <summary>When the current or last run started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the tenant last became Ready.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>When the stored record was last written.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>A stored status the library did not recognise, if the record came from a legacy store; the state is then Failed.</summary>
    public string? UnrecognisedStoredStatus { get; init; }
}

/// <summary>The result of <see cref="IProvisioningService.GetStatusAsync"/>: Succeeded (with <see cref="Status"/>) or Denied.</summary>
public sealed class TenantStatusResult : OperationResult
{
    /// <summary>The status; for a tenant with nothing stored, an Idle status.</summary>
    public TenantStatus? Status { get; init; }
}
