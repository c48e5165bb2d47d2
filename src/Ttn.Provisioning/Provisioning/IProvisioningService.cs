namespace Ttn.Provisioning;

/// <summary>
/// Provisions and manages each tenant's resources on The Things Stack: an organization, an application, API keys
/// and a webhook. Every operation takes the <see cref="ProvisioningCaller"/>, decides the role policy before any
/// I/O, and returns a result value for every expected outcome (denied, already in progress, not configured, use
/// start fresh, failed at a step). Misuse (a null caller, an empty tenant id) throws.
/// </summary>
/// <remarks>
/// Runs are single-flight per tenant across threads and host instances (a lease in the credential store,
/// taken by compare-and-swap), resumable from the last completed step, and idempotent: provisioning a Ready tenant
/// makes no request to The Things Stack.
/// </remarks>
public interface IProvisioningService
{
    /// <summary>
    /// Provisions the tenant: preflight, organization, organization key, application, application key,
    /// optional gateway key, webhook. Resumes from the last completed step; a Ready tenant answers Ready at once. The
    /// tenant's Application, Network and Join Server resources go to its cluster, which its record names from the first
    /// write on; a tenant that has begun provisioning on another cluster than <paramref name="cluster"/> answers
    /// <see cref="ProvisioningOutcome.UseStartFresh"/> (start fresh with the cluster moves it).
    /// </summary>
    /// <param name="caller">Who asks (owner or admin by default).</param>
    /// <param name="cluster">
    /// A cluster of <c>ThingsStackOptions.Clusters</c>; null for the tenant's own, or the default cluster for a new tenant.
    /// </param>
    /// <param name="cancellationToken">Stops the run; the record is left consistent and resumable.</param>
    /// <exception cref="ArgumentException">The cluster is not configured (nothing is sent or written).</exception>
    Task<ProvisioningResult> ProvisionAsync(
        ProvisioningCaller caller, string? cluster = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resumes a Failed run (or a run whose lease expired) from its failed step. Answers
    /// <see cref="ProvisioningOutcome.UseStartFresh"/> when retrying cannot help, and
    /// <see cref="ProvisioningOutcome.NotApplicable"/> when there is nothing to retry.
    /// </summary>
    /// <param name="caller">Who asks (owner or admin by default).</param>
    /// <param name="cancellationToken">Stops the run; the record is left consistent and resumable.</param>
    Task<ProvisioningResult> RetryAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes what it can of the tenant's application and keys (reporting what it could not), clears the stored
    /// credentials, picks a new collision-safe application id, and, when <paramref name="provisionAgain"/> is set,
    /// provisions again in the same call. Given another <paramref name="cluster"/>, it moves the tenant: the old webhook
    /// goes from the old cluster, the new resources to the new one (the result names both).
    /// </summary>
    /// <param name="caller">Who asks (owner or admin by default).</param>
    /// <param name="provisionAgain">Whether to provision again right away.</param>
    /// <param name="cluster">The cluster to move the tenant to; null to keep its own.</param>
    /// <param name="cancellationToken">Stops the operation.</param>
    /// <exception cref="ArgumentException">The cluster is not configured (nothing is sent or written).</exception>
    Task<StartFreshResult> StartFreshAsync(
        ProvisioningCaller caller, bool provisionAgain = true, string? cluster = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes everything the tenant owns on The Things Stack, in dependency order (end devices, webhooks, API keys,
    /// application, gateways, organization; purged when the admin key may purge), and clears from the store only what is
    /// confirmed gone, so that running it again finishes a partial clean. A disabled tenant may be cleaned too (it creates
    /// nothing); its settings are kept, so it stays disabled.
    /// </summary>
    /// <param name="caller">Who asks (owner or admin by default).</param>
    /// <param name="cancellationToken">Stops the operation.</param>
    Task<DeepCleanResult> DeepCleanAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default);

    /// <summary>
    /// Changes the tenant's settings: enabled (disabling pauses its webhook on TTS, and operations that would create
    /// resources answer <see cref="ProvisioningOutcome.TenantDisabled"/>; enabling unpauses it) and which messages TTS
    /// sends. Applied to the webhook in one masked request; stored first, so a failure leaves them pending and asking
    /// again (or a retry) applies them. A tenant without a webhook gets them when it is created.
    /// </summary>
    /// <param name="caller">Who asks (owner or admin by default).</param>
    /// <param name="update">The change; values left null are kept.</param>
    /// <param name="cancellationToken">Stops the operation; the settings stay stored and pending.</param>
    /// <exception cref="ArgumentException">The update selects no message kind, or an undefined one.</exception>
    Task<TenantSettingsResult> UpdateSettingsAsync(
        ProvisioningCaller caller, TenantSettingsUpdate update, CancellationToken cancellationToken = default);

    /// <summary>
    /// Tests the tenant's connection with its own application key, read-only and in one round trip: the key (valid, of the
    /// tenant's application, with the rights the library needs), the application, and the webhook on the tenant's cluster
    /// (URL, messages, paused, TTS's health status). The result is stored on the tenant and shown by its status.
    /// </summary>
    /// <param name="caller">Who asks (owner, admin, manager or staff by default).</param>
    /// <param name="cancellationToken">Cancels the test.</param>
    Task<ConnectionTestResult> TestConnectionAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads what happened to the tenant, newest first: one entry per operation that changed, tested or revealed it
    /// (who, when, how it ended, TTS's error and correlation id, requests, duration). Never a secret.
    /// </summary>
    /// <param name="caller">Who asks (owner, admin or manager by default).</param>
    /// <param name="limit">The most entries to return, 1 to 100.</param>
    /// <param name="pageToken">The <see cref="TenantHistoryResult.NextPageToken"/> of the previous page; null for the newest.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ArgumentOutOfRangeException">The limit is not between 1 and 100.</exception>
    /// <exception cref="ArgumentException">The page token was not given for this tenant's history.</exception>
    Task<TenantHistoryResult> GetHistoryAsync(
        ProvisioningCaller caller, int limit = 50, string? pageToken = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the tenant's status. Never contains a secret; makes no TTS request.</summary>
    /// <param name="caller">Who asks (every role by default).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<TenantStatusResult> GetStatusAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the tenant's credentials: each secret as a <see cref="Secrets.SafeDecrypt"/> with its last four characters.
    /// Every call is audited (log event and <see cref="ICredentialAuditSink"/>).
    /// </summary>
    /// <param name="caller">Who asks (owner, admin or manager by default).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<TenantCredentialsResult> GetCredentialsAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default);

    /// <summary>Checks what an API key may do on an application (a <see cref="ThingsStack.PermissionReport"/>).</summary>
    /// <param name="caller">Who asks (owner or admin by default).</param>
    /// <param name="apiKey">The key to check; it is not stored.</param>
    /// <param name="applicationId">The application to check it against.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <exception cref="ArgumentException">The application id is not a valid TTS id, or the key is empty.</exception>
    Task<ApiKeyCheckResult> CheckApiKeyAsync(
        ProvisioningCaller caller, string apiKey, string applicationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Brings an existing application and application key instead of provisioning one: checks the key's rights,
    /// stores it sealed, and ensures the webhook.
    /// </summary>
    /// <param name="caller">Who asks (owner or admin by default).</param>
    /// <param name="applicationId">The existing application.</param>
    /// <param name="applicationApiKey">An application key with the core, webhook, devices and downlink rights.</param>
    /// <param name="cancellationToken">Stops the operation.</param>
    /// <exception cref="ArgumentException">The application id is not a valid TTS id, or the key is empty.</exception>
    Task<ProvisioningResult> ConfigureExistingApplicationAsync(
        ProvisioningCaller caller, string applicationId, string applicationApiKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the webhook secret. The new secret is stored (pending) before it is sent to TTS and promoted once TTS
    /// has accepted it, so TTS and the store never disagree; until then the old secret stays in force.
    /// </summary>
    /// <param name="caller">Who asks (owner or admin by default).</param>
    /// <param name="cancellationToken">Stops the operation.</param>
    Task<WebhookSecretRotationResult> RotateWebhookSecretAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces the organization API key (the key that manages the tenant's resources, and can mint keys): the new key is
    /// created and stored before the old one is revoked, so there is no moment without a working key.
    /// </summary>
    /// <param name="caller">Who asks (owner or admin by default).</param>
    /// <param name="cancellationToken">Stops the operation; the stored key is always one that works.</param>
    Task<OrganizationKeyRotationResult> RotateOrganizationKeyAsync(
        ProvisioningCaller caller, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks, in constant time, a webhook secret presented to the host's webhook endpoint for a tenant. A secret that
    /// is being rotated in is accepted as well, so no call is refused during a rotation.
    /// </summary>
    /// <remarks>
    /// Costs one HMAC per call once the tenant is known: the host keeps keyed digests of the tenant's secrets in memory
    /// (never the secrets, never in the store) and reads the record again only after a change made through this host, when
    /// a presented secret matches nothing (at most once a second per tenant), and every
    /// <see cref="TtnProvisioningOptions.WebhookVerifierRefreshInterval"/>; that interval bounds how long a secret revoked
    /// by another host sharing the store is still accepted here. An unknown tenant costs and answers what a wrong secret does.
    /// </remarks>
    /// <param name="tenantId">The tenant the webhook call claims to be for (from its URL).</param>
    /// <param name="presentedSecret">The secret from the request header.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns><see langword="true"/> when the secret is the tenant's.</returns>
    Task<bool> VerifyWebhookSecretAsync(string tenantId, string? presentedSecret, CancellationToken cancellationToken = default);
}
