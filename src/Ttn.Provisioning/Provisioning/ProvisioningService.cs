using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Operations;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Steps;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.ThingsStack;
using Ttn.Provisioning.Webhooks;

namespace Ttn.Provisioning;

/// <summary>
/// The default <see cref="IProvisioningService"/>: a facade that hands each call to its operation, run by the
/// <see cref="OperationRunner"/> (policy, lease, telemetry).
/// </summary>
internal sealed class ProvisioningService : IProvisioningService
{
    private readonly OperationServices _services;
    private readonly OperationRunner _runner;
    private readonly WebhookVerifier _verifier;
    private readonly ICredentialStore _store;

    public ProvisioningService(
        IThingsStackClient client,
        ICredentialStore store,
        ISecretProtector protector,
        IRolePolicyEvaluator policy,
        IAdminApiKeyProvider adminKeys,
        ICredentialAuditSink audit,
        IOptions<TtnProvisioningOptions> options,
        IOptions<ThingsStackOptions> thingsStack,
        TimeProvider time,
        WebhookVerifier verifier,
        ILogger<ProvisioningService>? logger = null)
    {
        var settings = options.Value;
        ILogger log = logger ?? NullLogger<ProvisioningService>.Instance;
        var conventions = new TenantConventions(settings);
        var vault = new TenantVault(protector);
        var pipeline = new ProvisioningPipeline(new StepServices(client, conventions, vault, settings, log));
        _services = new OperationServices(client, conventions, vault, pipeline, audit, policy, settings, log);

        // Every write of every operation goes through this store: the webhook verifier hears of each change at once.
        store = new InvalidatingCredentialStore(store, verifier);
        _runner = OperationRunner.Create(store, policy, adminKeys, time, settings, thingsStack.Value, log);
        _store = store;
        _verifier = verifier;
    }

    /// <inheritdoc />
    public Task<ProvisioningResult> ProvisionAsync(
        ProvisioningCaller caller, string? cluster = null, CancellationToken cancellationToken = default)
    {
        OperationRunner.ValidateCaller(caller);
        ValidateCluster(cluster);
        return _runner.RunAsync(new ProvisionOperation(_services, cluster), caller, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ProvisioningResult> RetryAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(new RetryOperation(_services), caller, cancellationToken);

    /// <inheritdoc />
    public Task<StartFreshResult> StartFreshAsync(
        ProvisioningCaller caller, bool provisionAgain = true, string? cluster = null, CancellationToken cancellationToken = default)
    {
        OperationRunner.ValidateCaller(caller);
        ValidateCluster(cluster);
        return _runner.RunAsync(new StartFreshOperation(_services, provisionAgain, cluster), caller, cancellationToken);
    }

    /// <inheritdoc />
    public Task<TenantSettingsResult> UpdateSettingsAsync(
        ProvisioningCaller caller, TenantSettingsUpdate update, CancellationToken cancellationToken = default)
    {
        OperationRunner.ValidateCaller(caller);
        return _runner.RunAsync(new UpdateSettingsOperation(_services, update), caller, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ConnectionTestResult> TestConnectionAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(new TestConnectionOperation(_services), caller, cancellationToken);

    /// <inheritdoc />
    public Task<TenantHistoryResult> GetHistoryAsync(
        ProvisioningCaller caller, int limit = 50, string? pageToken = null, CancellationToken cancellationToken = default)
    {
        OperationRunner.ValidateCaller(caller);
        return _runner.RunAsync(new GetHistoryOperation(_store, limit, pageToken), caller, cancellationToken);
    }

    /// <inheritdoc />
    public Task<DeepCleanResult> DeepCleanAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(new DeepCleanOperation(_services), caller, cancellationToken);

    /// <inheritdoc />
    public Task<TenantStatusResult> GetStatusAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(new GetStatusOperation(_services.Conventions), caller, cancellationToken);

    /// <inheritdoc />
    public Task<TenantCredentialsResult> GetCredentialsAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(new GetCredentialsOperation(_services), caller, cancellationToken);

    /// <inheritdoc />
    public Task<ApiKeyCheckResult> CheckApiKeyAsync(
        ProvisioningCaller caller, string apiKey, string applicationId, CancellationToken cancellationToken = default)
    {
        OperationRunner.ValidateCaller(caller);
        return _runner.RunAsync(new CheckApiKeyOperation(_services, apiKey, applicationId), caller, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ProvisioningResult> ConfigureExistingApplicationAsync(
        ProvisioningCaller caller, string applicationId, string applicationApiKey, CancellationToken cancellationToken = default)
    {
        OperationRunner.ValidateCaller(caller);
        return _runner.RunAsync(
            new ConfigureExistingApplicationOperation(_services, applicationId, applicationApiKey), caller, cancellationToken);
    }

    /// <inheritdoc />
    public Task<WebhookSecretRotationResult> RotateWebhookSecretAsync(
        ProvisioningCaller caller, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(new RotateWebhookSecretOperation(_services), caller, cancellationToken);

    /// <inheritdoc />
    public Task<OrganizationKeyRotationResult> RotateOrganizationKeyAsync(
        ProvisioningCaller caller, CancellationToken cancellationToken = default) =>
        _runner.RunAsync(new RotateOrganizationKeyOperation(_services), caller, cancellationToken);

    /// <inheritdoc />
    public async Task<bool> VerifyWebhookSecretAsync(
        string tenantId, string? presentedSecret, CancellationToken cancellationToken = default)
    {
        var verification = await _verifier.VerifyAsync(tenantId, presentedSecret, cancellationToken).ConfigureAwait(false);
        return verification.Outcome == WebhookVerificationOutcome.Accepted;
    }

    /// <summary>A cluster asked for must be configured: misuse is an exception before anything is sent or written.</summary>
    private void ValidateCluster(string? cluster)
    {
        var clusters = _services.Conventions.Clusters;
        if (cluster is not null && !clusters.Contains(cluster))
        {
            throw clusters.UnknownCluster(cluster, nameof(cluster));
        }
    }
}
