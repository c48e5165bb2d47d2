using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Testing;

/// <summary>The results that show a tenant: its status, its credentials, its settings and its history.</summary>
public static partial class ProvisioningModelFactory
{
    /// <summary>Builds a <see cref="Provisioning.TenantStatusResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="status">The status (see <see cref="TenantStatus"/>).</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static TenantStatusResult TenantStatusResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        TenantStatus? status = null,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        Status = status,
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds a <see cref="Provisioning.TenantStatus"/>.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="state">The lifecycle state.</param>
    /// <param name="currentStep">The step in progress or the step that failed.</param>
    /// <param name="checkpoints">The steps completed.</param>
    /// <param name="attemptCount">How many runs were started.</param>
    /// <param name="isStalled">Whether a run is in progress but its lease has expired.</param>
    /// <param name="nextAction">What the caller should do next.</param>
    /// <param name="lastError">The last error.</param>
    /// <param name="cluster">The cluster that serves the tenant.</param>
    /// <param name="settings">The tenant's settings (<see cref="TenantSettings.Default"/> when null).</param>
    /// <param name="settingsPending">Whether TTS has not confirmed the settings yet.</param>
    /// <param name="lastConnectionTest">The result of the last connection test.</param>
    /// <param name="organizationId">The organization id on TTS.</param>
    /// <param name="applicationId">The application id on TTS.</param>
    /// <param name="isExistingApplication">Whether the application was brought by the tenant.</param>
    /// <param name="webhookUrl">The webhook's URL.</param>
    /// <param name="organizationApiKeyLastFour">The last four characters of the organization API key.</param>
    /// <param name="applicationApiKeyLastFour">The last four characters of the application API key.</param>
    /// <param name="gatewayApiKeyLastFour">The last four characters of the gateway API key.</param>
    /// <param name="webhookSecretLastFour">The last four characters of the webhook secret.</param>
    /// <param name="startedAt">When the current or last run started.</param>
    /// <param name="completedAt">When the tenant last became Ready.</param>
    /// <param name="updatedAt">When the stored record was last written.</param>
    /// <param name="unrecognisedStoredStatus">A stored status the library did not recognise.</param>
    /// <returns>The status.</returns>
    public static TenantStatus TenantStatus(
        string tenantId = "tenant",
        ProvisioningState state = ProvisioningState.Idle,
        ProvisioningStep? currentStep = null,
        ProvisioningStep checkpoints = ProvisioningStep.None,
        int attemptCount = 0,
        bool isStalled = false,
        NextAction nextAction = NextAction.None,
        TenantError? lastError = null,
        string? cluster = null,
        TenantSettings? settings = null,
        bool settingsPending = false,
        ConnectionTest? lastConnectionTest = null,
        string? organizationId = null,
        string? applicationId = null,
        bool isExistingApplication = false,
        string? webhookUrl = null,
        string? organizationApiKeyLastFour = null,
        string? applicationApiKeyLastFour = null,
        string? gatewayApiKeyLastFour = null,
        string? webhookSecretLastFour = null,
        DateTimeOffset? startedAt = null,
        DateTimeOffset? completedAt = null,
        DateTimeOffset? updatedAt = null,
        string? unrecognisedStoredStatus = null) => new(tenantId)
    {
        State = state,
        CurrentStep = currentStep,
        Checkpoints = checkpoints,
        AttemptCount = attemptCount,
        IsStalled = isStalled,
        NextAction = nextAction,
        LastError = lastError,
        Cluster = cluster,
        Settings = settings ?? TenantSettings.Default,
        SettingsPending = settingsPending,
        LastConnectionTest = lastConnectionTest,
        OrganizationId = organizationId,
        ApplicationId = applicationId,
        IsExistingApplication = isExistingApplication,
        WebhookUrl = webhookUrl,
        OrganizationApiKeyLastFour = organizationApiKeyLastFour,
        ApplicationApiKeyLastFour = applicationApiKeyLastFour,
        GatewayApiKeyLastFour = gatewayApiKeyLastFour,
        WebhookSecretLastFour = webhookSecretLastFour,
        StartedAt = startedAt,
        CompletedAt = completedAt,
        UpdatedAt = updatedAt,
        UnrecognisedStoredStatus = unrecognisedStoredStatus,
    };

    /// <summary>Builds a <see cref="Provisioning.TenantCredentialsResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="credentials">The credentials (see <see cref="TenantCredentials"/>).</param>
    /// <param name="status">Where the tenant's provisioning stands (see <see cref="Provisioning.TenantStatus"/>); when left
    /// out, an Idle status of <paramref name="tenantId"/>, or none for a denial, as the service answers.</param>
    /// <param name="error">The error, for a failure or a tenant not configured.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static TenantCredentialsResult TenantCredentialsResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        TenantCredentials? credentials = null,
        TenantStatus? status = null,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        Credentials = credentials,
        Status = status ?? (outcome == ProvisioningOutcome.Denied ? null : TenantStatus(tenantId: tenantId)),
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds a <see cref="Provisioning.TenantCredentials"/>.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="organizationId">The organization id on TTS.</param>
    /// <param name="applicationId">The application id on TTS.</param>
    /// <param name="organizationApiKey">The organization API key (empty when null; see <see cref="StoredCredential"/>).</param>
    /// <param name="applicationApiKey">The application API key (empty when null).</param>
    /// <param name="gatewayApiKey">The gateway API key (empty when null).</param>
    /// <param name="webhookSecret">The webhook secret (empty when null).</param>
    /// <param name="webhookUrl">The webhook URL.</param>
    /// <returns>The credentials.</returns>
    public static TenantCredentials TenantCredentials(
        string tenantId = "tenant",
        string? organizationId = null,
        string? applicationId = null,
        StoredCredential? organizationApiKey = null,
        StoredCredential? applicationApiKey = null,
        StoredCredential? gatewayApiKey = null,
        StoredCredential? webhookSecret = null,
        string? webhookUrl = null) => new(tenantId)
    {
        OrganizationId = organizationId,
        ApplicationId = applicationId,
        OrganizationApiKey = organizationApiKey ?? StoredCredential(),
        ApplicationApiKey = applicationApiKey ?? StoredCredential(),
        GatewayApiKey = gatewayApiKey ?? StoredCredential(),
        WebhookSecret = webhookSecret ?? StoredCredential(),
        WebhookUrl = webhookUrl,
    };

    /// <summary>Builds a <see cref="Provisioning.StoredCredential"/>.</summary>
    /// <param name="secret">Empty (the default), Decrypted (<see cref="SafeDecrypt.Decrypted"/>) or Failed.</param>
    /// <param name="lastFour">The last four characters recorded at write time.</param>
    /// <param name="ttsKeyId">The API key's id on TTS, for keys.</param>
    /// <param name="isWithheld">Whether the caller's role may not see the secret.</param>
    /// <returns>The credential.</returns>
    public static StoredCredential StoredCredential(
        SafeDecrypt secret = default, string? lastFour = null, string? ttsKeyId = null, bool isWithheld = false) =>
        new(secret, lastFour, ttsKeyId, isWithheld);

    /// <summary>Builds a <see cref="Provisioning.TenantSettingsResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="settings">The tenant's settings as stored.</param>
    /// <param name="settingsPending">Whether TTS has not confirmed the stored settings yet.</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static TenantSettingsResult TenantSettingsResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        TenantSettings? settings = null,
        bool settingsPending = false,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        Settings = settings,
        SettingsPending = settingsPending,
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds a <see cref="Provisioning.TenantHistoryResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="entries">The entries, newest first (none when null).</param>
    /// <param name="nextPageToken">The token of the next (older) page.</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static TenantHistoryResult TenantHistoryResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        IReadOnlyList<TenantHistoryEntry>? entries = null,
        string? nextPageToken = null,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        Entries = entries ?? [],
        NextPageToken = nextPageToken,
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds a <see cref="Provisioning.CredentialAccessAudit"/>, as an <see cref="ICredentialAuditSink"/> receives it.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="userId">The host user who read the credentials.</param>
    /// <param name="role">The user's role.</param>
    /// <param name="at">When.</param>
    /// <param name="fields">Which credentials were returned opened (none when null).</param>
    /// <returns>The audit record.</returns>
    public static CredentialAccessAudit CredentialAccessAudit(
        string tenantId = "tenant",
        string userId = "user",
        TenantRole role = TenantRole.Owner,
        DateTimeOffset at = default,
        IReadOnlyList<string>? fields = null) => new(tenantId, userId, role, at, fields ?? []);
}
