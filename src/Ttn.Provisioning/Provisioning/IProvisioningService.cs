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
    /// optional gateway key, webhook. Resumes from the last completed step; a Ready tenant answers Ready at once.
    /// </summary>
    /// <param name="caller">Who asks (owner or admin by default).</param>
    /// <param name="cancellationToken">Stops the run; the record is left consistent and resumable.</param>
    Task<ProvisioningResult> ProvisionAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default);

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
    /// provisions again in the same call.
    /// </summary>
    /// <param name="caller">Who asks (owner or admin by default).</param>
    /// <param name="provisionAgain">Whether to provision again right away.</param>
    /// <param name="cancellationToken">Stops the operation.</param>
    Task<StartFreshResult> StartFreshAsync(
        ProvisioningCaller caller, bool provisionAgain = true, CancellationToken cancellationToken = default);

    /// <summary>
    /// Removes everything the tenant owns on The Things Stack, in dependency order (end devices, webhooks, API keys,
    /// application, gateways, organization; purged when the admin key may purge), and clears from the store only what is
    /// confirmed gone, so that running it again finishes a partial clean.
    /// </summary>
    /// <param name="caller">Who asks (owner or admin by default).</param>
    /// <param name="cancellationToken">Stops the operation.</param>
    Task<DeepCleanResult> DeepCleanAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default);

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
