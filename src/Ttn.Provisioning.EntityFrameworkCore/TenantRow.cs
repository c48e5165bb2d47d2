namespace Ttn.Provisioning.EntityFrameworkCore;

/// <summary>
/// The stored shape of a <see cref="Storage.TenantRecord"/>: one row of <c>ttn_tenants</c>. Flat on purpose: enums are
/// text, instants are UTC ticks (exact, and ordered the same on every provider, unlike DateTimeOffset on SQLite), and
/// the last error is a set of nullable columns that is present when <see cref="LastErrorMessage"/> is not null. The last
/// connection test is a JSON document, with its time and verdict in columns of their own.
/// </summary>
internal sealed class TenantRow
{
    public string TenantId { get; set; } = string.Empty;

    public long Version { get; set; }

    public string State { get; set; } = string.Empty;

    public string? CurrentStep { get; set; }

    public string Checkpoints { get; set; } = string.Empty;

    public string? PendingSteps { get; set; }

    public int AttemptCount { get; set; }

    public string? TtsUserId { get; set; }

    public string? Cluster { get; set; }

    public string? OrganizationId { get; set; }

    public int OrganizationIdRotations { get; set; }

    public string? ApplicationId { get; set; }

    public bool IsExistingApplication { get; set; }

    public string? WebhookId { get; set; }

    public string? WebhookUrl { get; set; }

    public string? OrganizationApiKeySealed { get; set; }

    public string? OrganizationApiKeyLastFour { get; set; }

    public string? OrganizationApiKeyId { get; set; }

    public string? ApplicationApiKeySealed { get; set; }

    public string? ApplicationApiKeyLastFour { get; set; }

    public string? ApplicationApiKeyId { get; set; }

    public string? GatewayApiKeySealed { get; set; }

    public string? GatewayApiKeyLastFour { get; set; }

    public string? GatewayApiKeyId { get; set; }

    public string? WebhookSecretSealed { get; set; }

    public string? WebhookSecretLastFour { get; set; }

    public string? PendingWebhookSecretSealed { get; set; }

    public string? PreviousWebhookSecretSealed { get; set; }

    public long? PreviousWebhookSecretValidUntilTicks { get; set; }

    public long? CredentialsUpdatedAtTicks { get; set; }

    public string? LastErrorStep { get; set; }

    public string? LastErrorMessage { get; set; }

    public bool? LastErrorIsTransient { get; set; }

    public int? LastErrorHttpStatus { get; set; }

    public string? LastErrorNamespace { get; set; }

    public string? LastErrorName { get; set; }

    public string? LastErrorCorrelationId { get; set; }

    public long? LastErrorOccurredAtTicks { get; set; }

    public bool RequiresStartFresh { get; set; }

    /// <summary>Null on rows written before settings existed: enabled.</summary>
    public bool? SettingsEnabled { get; set; }

    /// <summary>The selection by the names of its kinds; null on rows written before settings existed: the default.</summary>
    public string? SettingsWebhookMessages { get; set; }

    public bool? SettingsPending { get; set; }

    /// <summary>When the last connection test ran (queryable without reading the document).</summary>
    public long? LastConnectionTestAtTicks { get; set; }

    /// <summary>Whether every check of the last connection test passed (queryable without reading the document).</summary>
    public bool? LastConnectionTestPassed { get; set; }

    /// <summary>The last connection test as a JSON document (<see cref="ConnectionTestDocument"/>).</summary>
    public string? LastConnectionTest { get; set; }

    public string? LeaseHolder { get; set; }

    public long? LeaseHeartbeatAtTicks { get; set; }

    public long? LeaseExpiresAtTicks { get; set; }

    public long CreatedAtTicks { get; set; }

    public long UpdatedAtTicks { get; set; }

    public long? StartedAtTicks { get; set; }

    public long? CompletedAtTicks { get; set; }
}
