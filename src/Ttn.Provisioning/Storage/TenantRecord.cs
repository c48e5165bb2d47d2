using System.Text;

namespace Ttn.Provisioning.Storage;

/// <summary>
/// Everything the library keeps about one tenant: its resources on The Things Stack, its sealed secrets,
/// where its provisioning stands, the last error, and the lease that keeps runs single-flight.
/// </summary>
/// <remarks>
/// <para>
/// Immutable: change it with a <c>with</c> expression and write it through <see cref="ICredentialStore.TryWriteAsync"/>,
/// which succeeds only when the stored <see cref="Version"/> is still the one read.
/// </para>
/// <para>
/// Secrets are held only as sealed tokens (see <see cref="Secrets.ISecretProtector"/>) plus their last four characters.
/// <see cref="ToString"/> shows ids and state, never a token.
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

    /// <summary>The step in progress, or the step that failed; null when nothing is in progress.</summary>
    public ProvisioningStep? CurrentStep { get; init; }

    /// <summary>The steps completed so far.</summary>
    public ProvisioningCheckpoints Checkpoints { get; init; }

    /// <summary>
    /// Steps that were started but not confirmed: a run that stopped inside one of them may have left a resource
    /// (an API key TTS showed once) that the next run must revoke before creating another.
    /// </summary>
    public ProvisioningCheckpoints PendingSteps { get; init; }

    /// <summary>How many provisioning runs were started (provision, retry, start fresh).</summary>
    public int AttemptCount { get; init; }

    /// <summary>The TTS user the admin key belongs to (from the last preflight).</summary>
    public string? TtsUserId { get; init; }

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

    /// <summary>The organization API key, sealed.</summary>
    public string? OrganizationApiKeySealed { get; init; }

    /// <summary>The last four characters of the organization API key.</summary>
    public string? OrganizationApiKeyLastFour { get; init; }

    /// <summary>The organization API key's id on TTS (the middle part of the key; not secret).</summary>
    public string? OrganizationApiKeyId { get; init; }

    /// <summary>The application API key, sealed.</summary>
    public string? ApplicationApiKeySealed { get; init; }

    /// <summary>The last four characters of the application API key.</summary>
    public string? ApplicationApiKeyLastFour { get; init; }

    /// <summary>The application API key's id on TTS.</summary>
    public string? ApplicationApiKeyId { get; init; }

    /// <summary>The gateway API key, sealed (optional).</summary>
    public string? GatewayApiKeySealed { get; init; }

    /// <summary>The last four characters of the gateway API key.</summary>
    public string? GatewayApiKeyLastFour { get; init; }

    /// <summary>The gateway API key's id on TTS.</summary>
    public string? GatewayApiKeyId { get; init; }

    /// <summary>The webhook secret TTS sends with each call, sealed.</summary>
    public string? WebhookSecretSealed { get; init; }

    /// <summary>The last four characters of the webhook secret.</summary>
    public string? WebhookSecretLastFour { get; init; }

    /// <summary>
    /// A new webhook secret, sealed, stored before it is sent to TTS and promoted to <see cref="WebhookSecretSealed"/>
    /// once TTS has accepted it; so TTS and the store never disagree about the secret.
    /// </summary>
    public string? PendingWebhookSecretSealed { get; init; }

    /// <summary>
    /// The webhook secret in force before the last rotation, sealed: still accepted until
    /// <see cref="PreviousWebhookSecretValidUntil"/>, so calls TTS had already sent with it are not refused.
    /// </summary>
    public string? PreviousWebhookSecretSealed { get; init; }

    /// <summary>Until when <see cref="PreviousWebhookSecretSealed"/> is accepted.</summary>
    public DateTimeOffset? PreviousWebhookSecretValidUntil { get; init; }

    /// <summary>When the credentials last changed (created or rotated).</summary>
    public DateTimeOffset? CredentialsUpdatedAt { get; init; }

    /// <summary>The last error, or null after a success.</summary>
    public TenantError? LastError { get; init; }

    /// <summary>Whether only "start fresh" can get the tenant to Ready (for example, its application belongs to another account).</summary>
    public bool RequiresStartFresh { get; init; }

    /// <summary>Who holds the lease for a run in progress (an opaque id per run); null when no run holds it.</summary>
    public string? LeaseHolder { get; init; }

    /// <summary>When the lease holder last showed it was alive.</summary>
    public DateTimeOffset? LeaseHeartbeatAt { get; init; }

    /// <summary>When the lease may be taken over if it is not renewed.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>When the record was first written.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the record was last written.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When the current or last run started.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the tenant last became Ready.</summary>
    public DateTimeOffset? CompletedAt { get; init; }

    /// <summary>Shows the tenant id, version, state, step and resource ids; never a token or a secret.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder("TenantRecord { ");
        builder.Append("TenantId = ").Append(TenantId)
            .Append(", Version = ").Append(Version)
            .Append(", State = ").Append(State)
            .Append(", CurrentStep = ").Append(CurrentStep?.ToString() ?? "none")
            .Append(", Checkpoints = ").Append(Checkpoints)
            .Append(", OrganizationId = ").Append(OrganizationId ?? "none")
            .Append(", ApplicationId = ").Append(ApplicationId ?? "none")
            .Append(", LeaseHolder = ").Append(LeaseHolder ?? "none")
            .Append(" }");
        return builder.ToString();
    }
}

/// <summary>The last error of a tenant's run, with what TTS said about it. Never holds a secret.</summary>
/// <param name="Step">The step that failed, if any.</param>
/// <param name="Message">What went wrong, in words.</param>
/// <param name="HttpStatus">The HTTP status TTS answered, if the error came from TTS.</param>
/// <param name="ErrorNamespace">The TTS error namespace (for example <c>pkg/identityserver/store</c>).</param>
/// <param name="ErrorName">The TTS error name (for example <c>id_taken</c>).</param>
/// <param name="CorrelationId">The TTS correlation id, for support.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="IsTransient">Whether trying again later may succeed (a timeout, a 5xx, a rate limit).</param>
public sealed record TenantError(
    ProvisioningStep? Step,
    string Message,
    int? HttpStatus,
    string? ErrorNamespace,
    string? ErrorName,
    string? CorrelationId,
    DateTimeOffset OccurredAt,
    bool IsTransient = false);
