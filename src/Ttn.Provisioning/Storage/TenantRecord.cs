using System.Text;

namespace Ttn.Provisioning.Storage;

/// <summary>
/// Everything the library keeps about one tenant: its resources on The Things Stack, its sealed secrets,
/// where its provisioning stands, the last error, and the lease that keeps runs single-flight.
/// </summary>
/// <remarks>
/// <para>
/// Immutable: change it with a <c>with</c> expression and write it through <see cref="ICredentialStore.TryWriteAsync"/>,
/// which succeeds only when the stored <see cref="Version"/> is still the one read. The library changes records only
/// through its transitions; a store only keeps and returns them.
/// </para>
/// <para>
/// Secrets are held only sealed (see <see cref="Secrets.ISecretProtector"/>) plus their last four characters.
/// <see cref="ToString"/> shows ids and state, never a sealed value.
/// </para>
/// </remarks>
public sealed record TenantRecord
{
    /// <summary>The tenant's id in the host application.</summary>
    public required string TenantId { get; init; }

    /// <summary>
    /// The store's concurrency version: 0 for a record never written; each successful write stores <c>Version + 1</c>.
    /// </summary>
    public long Version { get; init; }

    /// <summary>Where the tenant is in its lifecycle.</summary>
    public ProvisioningState State { get; init; }

    /// <summary>
    /// The stored state a store read but did not recognise (a value the replaced system wrote, say); the tenant is then
    /// Failed, never silently Idle. Null for every state the library knows. Stores set it; the library only shows it.
    /// </summary>
    public string? UnrecognisedState { get; init; }

    /// <summary>The step in progress, or the step that failed; null when nothing is in progress.</summary>
    public ProvisioningStep? CurrentStep { get; init; }

    /// <summary>The steps completed so far.</summary>
    public ProvisioningStep Checkpoints { get; init; }

    /// <summary>
    /// Steps that were started but not confirmed: a run that stopped inside one of them may have left a resource
    /// (an API key TTS showed once) that the next run must revoke before creating another.
    /// </summary>
    public ProvisioningStep PendingSteps { get; init; }

    /// <summary>How many provisioning runs were started (provision, retry, start fresh).</summary>
    public int AttemptCount { get; init; }

    /// <summary>The TTS user the admin key belongs to (from the last preflight).</summary>
    public string? TtsUserId { get; init; }

    /// <summary>
    /// The cluster (a name from <c>ThingsStackOptions.Clusters</c>) whose Application, Network and Join Servers serve the
    /// tenant. Null on records written before clusters existed: they are on the default cluster.
    /// </summary>
    public string? Cluster { get; init; }

    /// <summary>The tenant's organization id on TTS.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>How many times the organization id was rotated to a collision-safe variant.</summary>
    public int OrganizationIdRotations { get; init; }

    /// <summary>The tenant's application id on TTS.</summary>
    public string? ApplicationId { get; init; }

    /// <summary>Whether the application was brought by the tenant (not created by the library): it is never deleted.</summary>
    public bool IsExistingApplication { get; init; }

    /// <summary>The webhook id on the Application Server.</summary>
    public string? WebhookId { get; init; }

    /// <summary>The URL TTS calls for this tenant's webhook.</summary>
    public string? WebhookUrl { get; init; }

    /// <summary>The organization API key.</summary>
    public StoredApiKey? OrganizationApiKey { get; init; }

    /// <summary>The application API key.</summary>
    public StoredApiKey? ApplicationApiKey { get; init; }

    /// <summary>The gateway API key (optional).</summary>
    public StoredApiKey? GatewayApiKey { get; init; }

    /// <summary>The webhook secrets: in force, pending and previous.</summary>
    public WebhookSecretSet WebhookSecret { get; init; } = WebhookSecretSet.None;

    /// <summary>When the credentials last changed (created or rotated).</summary>
    public DateTimeOffset? CredentialsUpdatedAt { get; init; }

    /// <summary>The last error, or null after a success.</summary>
    public TenantError? LastError { get; init; }

    /// <summary>Whether only "start fresh" can get the tenant to Ready (for example, its application belongs to another account).</summary>
    public bool RequiresStartFresh { get; init; }

    /// <summary>The tenant's settings (enabled, webhook messages) as last asked for.</summary>
    public TenantSettings Settings { get; init; } = TenantSettings.Default;

    /// <summary>
    /// Whether <see cref="Settings"/> changed and The Things Stack has not confirmed them on the webhook yet (the request
    /// failed or was interrupted): a settings update or a retry applies them again.
    /// </summary>
    public bool SettingsPending { get; init; }

    /// <summary>The result of the last connection test; null when none ran.</summary>
    public ConnectionTest? LastConnectionTest { get; init; }

    /// <summary>The lease of the run in progress; null when no run holds it.</summary>
    public TenantLease? Lease { get; init; }

    /// <summary>When the record was first written.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the record was last written.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the current or last run started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the tenant last became Ready.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Shows the tenant id, version, state, step and resource ids; never a sealed value.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("TenantRecord { ");
        builder.Append("TenantId = ").Append(TenantId)
            .Append(", Version = ").Append(Version)
            .Append(", State = ").Append(State)
            .Append(", CurrentStep = ").Append(CurrentStep?.ToString() ?? "none")
            .Append(", Checkpoints = ").Append(Checkpoints)
            .Append(", Cluster = ").Append(Cluster ?? "default")
            .Append(", Enabled = ").Append(Settings.Enabled)
            .Append(", OrganizationId = ").Append(OrganizationId ?? "none")
            .Append(", ApplicationId = ").Append(ApplicationId ?? "none")
            .Append(", LeaseHolder = ").Append(Lease?.Holder ?? "none")
            .Append(" }");
        return builder.ToString();
    }
}
