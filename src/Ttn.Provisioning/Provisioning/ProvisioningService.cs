using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.DependencyInjection;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Provisioning;

/// <summary>The default <see cref="IProvisioningService"/>: policy first, then the lease, then the work.</summary>
internal sealed class ProvisioningService : IProvisioningService
{
    private readonly IThingsStackClient _client;
    private readonly ICredentialStore _store;
    private readonly ISecretProtector _protector;
    private readonly IRolePolicyEvaluator _policy;
    private readonly IAdminApiKeyProvider _adminKeys;
    private readonly ICredentialAuditSink _audit;
    private readonly TtnProvisioningOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ProvisioningPipeline _pipeline;
    private readonly TenantCleaner _cleaner;

    public ProvisioningService(
        IThingsStackClient client,
        ICredentialStore store,
        ISecretProtector protector,
        IRolePolicyEvaluator policy,
        IAdminApiKeyProvider adminKeys,
        ICredentialAuditSink audit,
        IOptions<TtnProvisioningOptions> options,
        TimeProvider time,
        ILogger<ProvisioningService>? logger = null)
    {
        _client = client;
        _store = store;
        _protector = protector;
        _policy = policy;
        _adminKeys = adminKeys;
        _audit = audit;
        _options = options.Value;
        _time = time;
        _logger = logger ?? NullLogger<ProvisioningService>.Instance;
        _pipeline = new ProvisioningPipeline(client, protector, _options, _logger);
        _cleaner = new TenantCleaner(client, _pipeline, _logger);
    }

    /// <inheritdoc />
    public Task<ProvisioningResult> ProvisionAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default) =>
        ProvisionOrRetryAsync(caller, ProvisioningOperation.Provision, cancellationToken);

    /// <inheritdoc />
    public Task<ProvisioningResult> RetryAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default) =>
        ProvisionOrRetryAsync(caller, ProvisioningOperation.Retry, cancellationToken);

    /// <inheritdoc />
    public async Task<StartFreshResult> StartFreshAsync(ProvisioningCaller caller, bool provisionAgain = true, CancellationToken cancellationToken = default)
    {
        using var scope = Begin(caller, ProvisioningOperation.StartFresh);
        if (Deny(caller, ProvisioningOperation.StartFresh) is { } denial)
        {
            return scope.Finish(new StartFreshResult { Outcome = ProvisioningOutcome.Denied, TenantId = caller.TenantId, Denial = denial }, r => r.Outcome);
        }

        var (run, refusal, _) = await AcquireAsync(caller, ProvisioningOperation.StartFresh, current => current is null ? (null, LeaseRefusal.NotConfigured) : (current, LeaseRefusal.None), cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return scope.Finish(new StartFreshResult { Outcome = ToOutcome(refusal), TenantId = caller.TenantId }, r => r.Outcome);
        }

        var cleaning = false;
        try
        {
            var adminKey = await _adminKeys.GetAdminApiKeyAsync(cancellationToken).ConfigureAwait(false);

            // Remove the old resources first, while the record still names them: if something cannot be removed, the old ids
            // are the only record of what is left on TTS, and start fresh run again removes it.
            cleaning = true;
            var report = await _cleaner.RemoveForStartFreshAsync(run, run.Record, adminKey, cancellationToken).ConfigureAwait(false);
            cleaning = false;
            var remaining = report.Failures.Count();
            if (remaining > 0)
            {
                // Keep the old ids: they are the only record of what is left on TTS, and a re-run removes it.
                var message = $"Start fresh incomplete: {remaining} old resource(s) could not be removed from The Things Stack; run start fresh again to finish.";
                var now = _time.GetUtcNow();
                await run.ReleaseAsync(
                    r => r with
                    {
                        State = ProvisioningState.Failed,
                        LastError = new TenantError(null, message, null, null, null, null, now, IsTransient: true),
                        RequiresStartFresh = true,
                    },
                    CancellationToken.None).ConfigureAwait(false);
                return scope.Finish(
                    new StartFreshResult
                    {
                        Outcome = ProvisioningOutcome.Failed,
                        TenantId = caller.TenantId,
                        Cleanup = report,
                        Error = new OperationError(null, message, IsTransient: true),
                    },
                    r => r.Outcome);
            }

            var old = run.Record;
            var keepOrganization = old.Checkpoints.HasFlag(ProvisioningCheckpoints.Organization) && !old.RequiresStartFreshForOrganization();
            var newApplicationId = ThingsStackIds.CreateUnique(_pipeline.ApplicationPrefix, caller.TenantId);

            // Everything old is gone: forget it, and let the next run revoke by name any key of ours it still finds.
            await run.SaveAsync(
                r => Cleared(r) with
                {
                    OrganizationId = keepOrganization ? r.OrganizationId : ThingsStackIds.CreateUnique(_options.IdPrefix, caller.TenantId),
                    OrganizationIdRotations = keepOrganization ? r.OrganizationIdRotations : 0,
                    Checkpoints = keepOrganization ? ProvisioningCheckpoints.Organization : ProvisioningCheckpoints.None,
                    ApplicationId = newApplicationId,
                    PendingSteps = ProvisioningCheckpoints.OrganizationApiKey | ProvisioningCheckpoints.ApplicationApiKey | ProvisioningCheckpoints.GatewayApiKey,
                },
                CancellationToken.None).ConfigureAwait(false);
            if (!provisionAgain)
            {
                await run.ReleaseAsync(r => r, CancellationToken.None).ConfigureAwait(false);
                return scope.Finish(new StartFreshResult { Outcome = ProvisioningOutcome.Succeeded, TenantId = caller.TenantId, Cleanup = report, NewApplicationId = newApplicationId }, r => r.Outcome);
            }

            await run.SaveAsync(r => StartAttempt(r), CancellationToken.None).ConfigureAwait(false);
            var provisioning = await RunPipelineAsync(run, adminKey, cancellationToken).ConfigureAwait(false);
            return scope.Finish(
                new StartFreshResult
                {
                    Outcome = provisioning.Outcome,
                    TenantId = caller.TenantId,
                    Cleanup = report,
                    NewApplicationId = newApplicationId,
                    Provisioning = provisioning,
                    Error = provisioning.Error,
                },
                r => r.Outcome);
        }
        catch (LeaseLostException)
        {
            Log.LeaseLost(_logger, caller.TenantId, run.RunId);
            return scope.Finish(new StartFreshResult { Outcome = ProvisioningOutcome.AlreadyInProgress, TenantId = caller.TenantId }, r => r.Outcome);
        }
        catch (Exception exception) when (IsUnexpected(exception))
        {
            await ReleaseAfterUnexpectedAsync(run, exception).ConfigureAwait(false);
            throw;
        }
        catch (Exception exception) when (exception is StepFailedException or OperationCanceledException)
        {
            // Interrupted while removing the old resources: some keys may be revoked already, so only another start fresh
            // (never a retry on the old record) may go on from here.
            var failure = await FailAsync(run, exception, cancellationToken, requireStartFresh: cleaning).ConfigureAwait(false);
            return scope.Finish(new StartFreshResult { Outcome = failure.Outcome, TenantId = caller.TenantId, Error = failure.Error }, r => r.Outcome);
        }
    }

    /// <inheritdoc />
    public async Task<DeepCleanResult> DeepCleanAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default)
    {
        using var scope = Begin(caller, ProvisioningOperation.DeepClean);
        if (Deny(caller, ProvisioningOperation.DeepClean) is { } denial)
        {
            return scope.Finish(new DeepCleanResult { Outcome = ProvisioningOutcome.Denied, TenantId = caller.TenantId, Denial = denial }, r => r.Outcome);
        }

        var (run, refusal, _) = await AcquireAsync(caller, ProvisioningOperation.DeepClean, current => current is null ? (null, LeaseRefusal.NotConfigured) : (current, LeaseRefusal.None), cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return scope.Finish(new DeepCleanResult { Outcome = ToOutcome(refusal), TenantId = caller.TenantId }, r => r.Outcome);
        }

        try
        {
            var adminKey = await _adminKeys.GetAdminApiKeyAsync(cancellationToken).ConfigureAwait(false);
            var (report, gone) = await _cleaner.DeepCleanAsync(run, adminKey, cancellationToken).ConfigureAwait(false);
            var remaining = report.Failures.Count();
            await run.ReleaseAsync(r => AfterDeepClean(r, report, gone, run.Now), CancellationToken.None).ConfigureAwait(false);

            return scope.Finish(
                new DeepCleanResult
                {
                    Outcome = remaining == 0 ? ProvisioningOutcome.Succeeded : ProvisioningOutcome.Failed,
                    TenantId = caller.TenantId,
                    Report = report,
                    Error = remaining == 0 ? null : new OperationError(null, $"{remaining} resource(s) could not be removed; run deep clean again to finish.", IsTransient: true),
                },
                r => r.Outcome);
        }
        catch (LeaseLostException)
        {
            Log.LeaseLost(_logger, caller.TenantId, run.RunId);
            return scope.Finish(new DeepCleanResult { Outcome = ProvisioningOutcome.AlreadyInProgress, TenantId = caller.TenantId }, r => r.Outcome);
        }
        catch (Exception exception) when (IsUnexpected(exception))
        {
            await ReleaseAfterUnexpectedAsync(run, exception).ConfigureAwait(false);
            throw;
        }
        catch (Exception exception) when (exception is StepFailedException or OperationCanceledException)
        {
            // Something may already be deleted: the record must not keep claiming the tenant is Ready with those keys.
            var failure = await FailAsync(run, exception, cancellationToken, afterFailure: r => AfterDeepClean(r, new CleanupReport(), default, run.Now)).ConfigureAwait(false);
            return scope.Finish(new DeepCleanResult { Outcome = failure.Outcome, TenantId = caller.TenantId, Error = failure.Error }, r => r.Outcome);
        }
    }

    /// <inheritdoc />
    public async Task<TenantStatusResult> GetStatusAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default)
    {
        using var scope = Begin(caller, ProvisioningOperation.GetStatus);
        if (Deny(caller, ProvisioningOperation.GetStatus) is { } denial)
        {
            return scope.Finish(new TenantStatusResult { Outcome = ProvisioningOutcome.Denied, Denial = denial }, r => r.Outcome);
        }

        var record = await ReadAsync(caller, cancellationToken).ConfigureAwait(false);
        return scope.Finish(new TenantStatusResult { Outcome = ProvisioningOutcome.Succeeded, Status = ToStatus(caller.TenantId, record) }, r => r.Outcome);
    }

    /// <inheritdoc />
    public async Task<TenantCredentialsResult> GetCredentialsAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default)
    {
        using var scope = Begin(caller, ProvisioningOperation.GetCredentials);
        if (Deny(caller, ProvisioningOperation.GetCredentials) is { } denial)
        {
            return scope.Finish(new TenantCredentialsResult { Outcome = ProvisioningOutcome.Denied, Denial = denial }, r => r.Outcome);
        }

        var record = await ReadAsync(caller, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return scope.Finish(new TenantCredentialsResult { Outcome = ProvisioningOutcome.NotConfigured }, r => r.Outcome);
        }

        var credentials = new TenantCredentials
        {
            TenantId = record.TenantId,
            OrganizationId = record.OrganizationId,
            ApplicationId = record.ApplicationId,
            OrganizationApiKey = Open(record, SecretField.OrganizationApiKey, record.OrganizationApiKeySealed, record.OrganizationApiKeyLastFour, record.OrganizationApiKeyId),
            ApplicationApiKey = Open(record, SecretField.ApplicationApiKey, record.ApplicationApiKeySealed, record.ApplicationApiKeyLastFour, record.ApplicationApiKeyId),
            GatewayApiKey = Open(record, SecretField.GatewayApiKey, record.GatewayApiKeySealed, record.GatewayApiKeyLastFour, record.GatewayApiKeyId),
            WebhookSecret = Open(record, SecretField.WebhookSecret, record.WebhookSecretSealed, record.WebhookSecretLastFour, null),
            WebhookUrl = record.WebhookUrl,
        };

        var fields = new List<string>();
        AddIfOpened(fields, nameof(TenantCredentials.OrganizationApiKey), credentials.OrganizationApiKey);
        AddIfOpened(fields, nameof(TenantCredentials.ApplicationApiKey), credentials.ApplicationApiKey);
        AddIfOpened(fields, nameof(TenantCredentials.GatewayApiKey), credentials.GatewayApiKey);
        AddIfOpened(fields, nameof(TenantCredentials.WebhookSecret), credentials.WebhookSecret);
        Log.CredentialsRead(_logger, caller.TenantId, caller.UserId, caller.Role, fields.Count == 0 ? "none" : string.Join(", ", fields));
        await _audit.RecordAsync(new CredentialAccessAudit(caller.TenantId, caller.UserId, caller.Role, _time.GetUtcNow(), fields), cancellationToken).ConfigureAwait(false);
        return scope.Finish(new TenantCredentialsResult { Outcome = ProvisioningOutcome.Succeeded, Credentials = credentials }, r => r.Outcome);
    }

    /// <inheritdoc />
    public async Task<ApiKeyCheckResult> CheckApiKeyAsync(ProvisioningCaller caller, string apiKey, string applicationId, CancellationToken cancellationToken = default)
    {
        using var scope = Begin(caller, ProvisioningOperation.CheckApiKey);
        ValidateApiKeyArgument(apiKey, nameof(apiKey));
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        if (Deny(caller, ProvisioningOperation.CheckApiKey) is { } denial)
        {
            return scope.Finish(new ApiKeyCheckResult { Outcome = ProvisioningOutcome.Denied, ApplicationId = applicationId, Denial = denial }, r => r.Outcome);
        }

        try
        {
            var report = await CheckRightsAsync(apiKey, applicationId, cancellationToken).ConfigureAwait(false);
            return scope.Finish(new ApiKeyCheckResult { Outcome = ProvisioningOutcome.Succeeded, ApplicationId = applicationId, Permissions = report, IsSufficient = IsSufficient(report) }, r => r.Outcome);
        }
        catch (Exception exception) when (StepFailedException.FromTtsFailure(null, "Checking the API key", exception, cancellationToken) is { } failure)
        {
            return scope.Finish(new ApiKeyCheckResult { Outcome = ProvisioningOutcome.Failed, ApplicationId = applicationId, Error = failure.ToOperationError() }, r => r.Outcome);
        }
    }

    /// <inheritdoc />
    public async Task<ProvisioningResult> ConfigureExistingApplicationAsync(ProvisioningCaller caller, string applicationId, string applicationApiKey, CancellationToken cancellationToken = default)
    {
        using var scope = Begin(caller, ProvisioningOperation.ConfigureExistingApplication);
        ValidateApiKeyArgument(applicationApiKey, nameof(applicationApiKey));
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        if (Deny(caller, ProvisioningOperation.ConfigureExistingApplication) is { } denial)
        {
            return scope.Finish(Result(caller.TenantId, ProvisioningOutcome.Denied, null) with { Denial = denial }, r => r.Outcome);
        }

        var (run, refusal, current) = await AcquireAsync(
            caller,
            ProvisioningOperation.ConfigureExistingApplication,
            existing => existing is null || existing.IsExistingApplication || (existing.State == ProvisioningState.Idle && existing.ApplicationId is null)
                ? (existing ?? new TenantRecord { TenantId = caller.TenantId }, LeaseRefusal.None)
                : (null, LeaseRefusal.NotApplicable),
            cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            var refused = Result(caller.TenantId, ToOutcome(refusal), current);
            if (refusal == LeaseRefusal.NotApplicable)
            {
                // Taking over a provisioned tenant would orphan its application and keys: clean them up first.
                refused = refused with { Error = new OperationError(null, "The tenant already has resources provisioned by the library; deep clean (or start fresh) before bringing an existing application.") };
            }

            return scope.Finish(refused, r => r.Outcome);
        }

        try
        {
            var report = await ProvisioningPipeline.CallAsync(run, ProvisioningStep.Application, "Checking the application API key", () => CheckRightsAsync(applicationApiKey, applicationId, cancellationToken), cancellationToken).ConfigureAwait(false);
            if (!IsSufficient(report))
            {
                var missing = string.Join(", ", RequiredGroups.SelectMany(report.MissingFor).Distinct().Order(StringComparer.Ordinal));
                throw new StepFailedException(ProvisioningStep.Application, $"The application API key lacks rights the tenant needs: {missing}.", isTransient: false);
            }

            var tenantId = caller.TenantId;
            var sealedKey = _protector.Protect(applicationApiKey, ProvisioningPipeline.Context(tenantId, SecretField.ApplicationApiKey));
            var pending = _protector.Protect(WebhookSecrets.Generate(), ProvisioningPipeline.Context(tenantId, SecretField.WebhookSecret));
            await run.SaveAsync(
                r => r with
                {
                    State = ProvisioningState.Provisioning,
                    CurrentStep = ProvisioningStep.Webhook,
                    AttemptCount = r.AttemptCount + 1,
                    StartedAt = run.Now,
                    LastError = null,
                    RequiresStartFresh = false,
                    ApplicationId = applicationId,
                    IsExistingApplication = true,
                    ApplicationApiKeySealed = sealedKey,
                    ApplicationApiKeyLastFour = SafeDecrypt.GetLastFour(applicationApiKey),
                    ApplicationApiKeyId = ApiKeyIdOf(applicationApiKey),
                    CredentialsUpdatedAt = run.Now,
                    PendingWebhookSecretSealed = pending,
                    Checkpoints = r.Checkpoints | ProvisioningCheckpoints.Application | ProvisioningCheckpoints.ApplicationApiKey,
                },
                cancellationToken).ConfigureAwait(false);

            await _pipeline.SetWebhookAsync(run, applicationApiKey, applicationId, pending, ProvisioningStep.Webhook, cancellationToken).ConfigureAwait(false);
            await run.ReleaseAsync(r => Promoted(r) with { Checkpoints = r.Checkpoints | ProvisioningCheckpoints.Webhook, State = ProvisioningState.Ready, CurrentStep = null, CompletedAt = run.Now }, CancellationToken.None).ConfigureAwait(false);
            Log.Ready(_logger, tenantId, run.Record.OrganizationId, applicationId, run.RequestCount);
            return scope.Finish(Result(tenantId, ProvisioningOutcome.Succeeded, run.Record) with { TtsRequestCount = run.RequestCount }, r => r.Outcome);
        }
        catch (LeaseLostException)
        {
            Log.LeaseLost(_logger, caller.TenantId, run.RunId);
            return scope.Finish(Result(caller.TenantId, ProvisioningOutcome.AlreadyInProgress, null), r => r.Outcome);
        }
        catch (Exception exception) when (IsUnexpected(exception))
        {
            await ReleaseAfterUnexpectedAsync(run, exception).ConfigureAwait(false);
            throw;
        }
        catch (Exception exception) when (exception is StepFailedException or OperationCanceledException)
        {
            return scope.Finish(await FailAsync(run, exception, cancellationToken).ConfigureAwait(false), r => r.Outcome);
        }
    }

    /// <inheritdoc />
    public async Task<WebhookSecretRotationResult> RotateWebhookSecretAsync(ProvisioningCaller caller, CancellationToken cancellationToken = default)
    {
        using var scope = Begin(caller, ProvisioningOperation.RotateWebhookSecret);
        if (Deny(caller, ProvisioningOperation.RotateWebhookSecret) is { } denial)
        {
            return scope.Finish(new WebhookSecretRotationResult { Outcome = ProvisioningOutcome.Denied, Denial = denial }, r => r.Outcome);
        }

        var (run, refusal, _) = await AcquireAsync(
            caller,
            ProvisioningOperation.RotateWebhookSecret,
            current => current is { ApplicationId: not null } && current.Checkpoints.HasFlag(ProvisioningCheckpoints.Webhook)
                ? (current, LeaseRefusal.None)
                : (null, LeaseRefusal.NotConfigured),
            cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            return scope.Finish(new WebhookSecretRotationResult { Outcome = ToOutcome(refusal) }, r => r.Outcome);
        }

        var tenantId = caller.TenantId;
        try
        {
            // A rotation that failed earlier left its secret pending (TTS may already have it): reuse it.
            var pending = run.Record.PendingWebhookSecretSealed
                ?? _protector.Protect(WebhookSecrets.Generate(), ProvisioningPipeline.Context(tenantId, SecretField.WebhookSecret));
            if (run.Record.PendingWebhookSecretSealed is null)
            {
                await run.SaveAsync(r => r with { PendingWebhookSecretSealed = pending }, cancellationToken).ConfigureAwait(false);
            }

            var key = OpenManagementKey(run.Record);
            await _pipeline.SetWebhookAsync(run, key, run.Record.ApplicationId!, pending, null, cancellationToken, ["headers"]).ConfigureAwait(false);
            await run.ReleaseAsync(
                r => Promoted(r) with
                {
                    CredentialsUpdatedAt = run.Now,
                    PreviousWebhookSecretSealed = _options.WebhookSecretGracePeriod > TimeSpan.Zero ? r.WebhookSecretSealed : null,
                    PreviousWebhookSecretValidUntil = _options.WebhookSecretGracePeriod > TimeSpan.Zero ? run.Now + _options.WebhookSecretGracePeriod : null,
                },
                CancellationToken.None).ConfigureAwait(false);
            return scope.Finish(new WebhookSecretRotationResult { Outcome = ProvisioningOutcome.Succeeded, SecretLastFour = run.Record.WebhookSecretLastFour }, r => r.Outcome);
        }
        catch (LeaseLostException)
        {
            Log.LeaseLost(_logger, tenantId, run.RunId);
            return scope.Finish(new WebhookSecretRotationResult { Outcome = ProvisioningOutcome.AlreadyInProgress }, r => r.Outcome);
        }
        catch (Exception exception) when (IsUnexpected(exception))
        {
            await ReleaseAfterUnexpectedAsync(run, exception).ConfigureAwait(false);
            throw;
        }
        catch (Exception exception) when (exception is StepFailedException or OperationCanceledException)
        {
            // The old secret stays in force; the pending one stays stored so that TTS and the store cannot disagree.
            var failure = await FailAsync(run, exception, cancellationToken, keepState: true).ConfigureAwait(false);
            return scope.Finish(new WebhookSecretRotationResult { Outcome = ProvisioningOutcome.Failed, SecretLastFour = run.Record.WebhookSecretLastFour, Error = failure.Error }, r => r.Outcome);
        }
    }

    /// <inheritdoc />
    public async Task<bool> VerifyWebhookSecretAsync(string tenantId, string? presentedSecret, CancellationToken cancellationToken = default)
    {
        // Both values come from an unauthenticated request: bad ones are a "no", never an exception.
        if (string.IsNullOrEmpty(presentedSecret) || !SecretContext.IsValidTenantId(tenantId))
        {
            return false;
        }

        var record = await _store.GetAsync(tenantId, cancellationToken).ConfigureAwait(false);
        if (record is null || !string.Equals(record.TenantId, tenantId, StringComparison.Ordinal))
        {
            return false;
        }

        var context = ProvisioningPipeline.Context(tenantId, SecretField.WebhookSecret);
        var current = _protector.Unprotect(record.WebhookSecretSealed, context);
        var pending = _protector.Unprotect(record.PendingWebhookSecretSealed, context);
        var previous = record.PreviousWebhookSecretValidUntil > _time.GetUtcNow()
            ? _protector.Unprotect(record.PreviousWebhookSecretSealed, context)
            : SafeDecrypt.Empty;

        // Compare with each (always each, so the time taken does not say which matched): the secret in force, one being
        // rotated in, and the one rotated out while its grace period lasts.
        var matchesCurrent = current.TryGetValue(out var currentSecret) && WebhookSecrets.FixedTimeEquals(presentedSecret, currentSecret);
        var matchesPending = pending.TryGetValue(out var pendingSecret) && WebhookSecrets.FixedTimeEquals(presentedSecret, pendingSecret);
        var matchesPrevious = previous.TryGetValue(out var previousSecret) && WebhookSecrets.FixedTimeEquals(presentedSecret, previousSecret);
        return matchesCurrent | matchesPending | matchesPrevious;
    }

    private async Task<ProvisioningResult> ProvisionOrRetryAsync(ProvisioningCaller caller, ProvisioningOperation operation, CancellationToken cancellationToken)
    {
        using var scope = Begin(caller, operation);
        if (Deny(caller, operation) is { } denial)
        {
            return scope.Finish(Result(caller.TenantId, ProvisioningOutcome.Denied, null) with { Denial = denial }, r => r.Outcome);
        }

        var now = _time.GetUtcNow();
        var (run, refusal, current) = await AcquireAsync(
            caller,
            operation,
            existing =>
            {
                // Ready means done, unless the optional gateway key was asked for and a transient failure left it pending.
                var gatewayKeyPending = _options.CreateGatewayApiKey && existing is not null && !existing.IsExistingApplication
                    && !existing.Checkpoints.HasFlag(ProvisioningCheckpoints.GatewayApiKey);
                if (existing is { State: ProvisioningState.Ready } && !gatewayKeyPending)
                {
                    return (null, operation == ProvisioningOperation.Retry ? LeaseRefusal.NotApplicable : LeaseRefusal.Ready);
                }

                if (existing is { RequiresStartFresh: true })
                {
                    return (null, LeaseRefusal.UseStartFresh);
                }

                if (operation == ProvisioningOperation.Retry)
                {
                    var stalled = existing is { State: ProvisioningState.Provisioning } && !TenantRun.IsLeaseLive(existing, now);
                    if (existing is null)
                    {
                        return (null, LeaseRefusal.NotConfigured);
                    }

                    if (existing.State != ProvisioningState.Failed && !stalled)
                    {
                        return (null, LeaseRefusal.NotApplicable);
                    }
                }

                return (StartAttempt(existing ?? new TenantRecord { TenantId = caller.TenantId }), LeaseRefusal.None);
            },
            cancellationToken).ConfigureAwait(false);

        if (run is null)
        {
            var outcome = refusal == LeaseRefusal.Ready ? ProvisioningOutcome.Succeeded : ToOutcome(refusal);
            var result = Result(caller.TenantId, outcome, current);
            if (outcome == ProvisioningOutcome.UseStartFresh && current?.LastError is { } lastError)
            {
                result = result with { Error = OperationError.From(lastError) };
            }

            return scope.Finish(result, r => r.Outcome);
        }

        if (operation == ProvisioningOperation.Retry)
        {
            ProvisioningDiagnostics.Retries.Add(1);
        }

        Log.RunStarted(_logger, caller.TenantId, run.RunId, operation, run.Record.AttemptCount, run.Record.Checkpoints);
        return scope.Finish(await RunPipelineAsync(run, adminKey: null, cancellationToken).ConfigureAwait(false), r => r.Outcome);
    }

    /// <summary>Runs the pipeline under an acquired lease and turns its end into a result, leaving the record consistent.</summary>
    private async Task<ProvisioningResult> RunPipelineAsync(TenantRun run, string? adminKey, CancellationToken cancellationToken)
    {
        try
        {
            var warnings = await _pipeline.RunAsync(run, () => adminKey is not null ? ValueTask.FromResult(adminKey) : _adminKeys.GetAdminApiKeyAsync(cancellationToken), cancellationToken).ConfigureAwait(false);
            await run.ReleaseAsync(
                r => r with
                {
                    State = ProvisioningState.Ready,
                    CurrentStep = null,
                    LastError = null,
                    RequiresStartFresh = false,

                    // Only the optional gateway key can still be pending (a transient failure): the next Provision
                    // must know to revoke what that attempt may have left on TTS.
                    PendingSteps = r.PendingSteps & ProvisioningCheckpoints.GatewayApiKey,
                    CompletedAt = run.Now,
                },
                CancellationToken.None).ConfigureAwait(false);
            Log.Ready(_logger, run.Record.TenantId, run.Record.OrganizationId, run.Record.ApplicationId, run.RequestCount);
            ProvisioningDiagnostics.TtsRequests.Add(run.RequestCount);
            return Result(run.Record.TenantId, ProvisioningOutcome.Succeeded, run.Record) with { Warnings = warnings, TtsRequestCount = run.RequestCount };
        }
        catch (LeaseLostException)
        {
            Log.LeaseLost(_logger, run.Record.TenantId, run.RunId);
            return Result(run.Record.TenantId, ProvisioningOutcome.AlreadyInProgress, null) with { TtsRequestCount = run.RequestCount };
        }
        catch (Exception exception) when (IsUnexpected(exception))
        {
            await ReleaseAfterUnexpectedAsync(run, exception).ConfigureAwait(false);
            throw;
        }
        catch (Exception exception) when (exception is StepFailedException or OperationCanceledException)
        {
            return await FailAsync(run, exception, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsUnexpected(Exception exception) =>
        exception is not (StepFailedException or OperationCanceledException or LeaseLostException);

    /// <summary>
    /// Something unexpected (a store or configuration failure) ended the run: mark it Failed and give the lease up when the
    /// store still answers, so the tenant does not look busy until the lease expires. Best effort: the caller gets the exception.
    /// </summary>
    private async Task ReleaseAfterUnexpectedAsync(TenantRun run, Exception exception)
    {
        var error = new TenantError(run.Record.CurrentStep, $"The run stopped on an unexpected {exception.GetType().Name}; retry once the cause is fixed.", null, null, null, null, _time.GetUtcNow(), IsTransient: true);
        Log.StepFailed(_logger, run.Record.TenantId, run.Record.CurrentStep, null, null, null, isTransient: true, error.Message);
        try
        {
            await run.ReleaseAsync(r => r with { State = r.State == ProvisioningState.Ready ? r.State : ProvisioningState.Failed, LastError = error }, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception releaseFailure) when (releaseFailure is not OutOfMemoryException)
        {
            // The store is what failed: the lease will expire and the run can be taken over then.
        }
    }

    /// <summary>Records a failed (or cancelled) run, gives the lease up, and rethrows a cancellation by the caller.</summary>
    private async Task<ProvisioningResult> FailAsync(TenantRun run, Exception exception, CancellationToken cancellationToken, bool keepState = false, Func<TenantRecord, TenantRecord>? afterFailure = null, bool requireStartFresh = false)
    {
        var cancelled = exception is OperationCanceledException && cancellationToken.IsCancellationRequested;
        var failure = exception as StepFailedException
            ?? new StepFailedException(run.Record.CurrentStep, cancelled ? "The run was cancelled by the caller; retry to resume it." : "The run timed out.", isTransient: true, innerException: exception);
        var error = failure.ToTenantError(_time.GetUtcNow());
        ProvisioningDiagnostics.TtsRequests.Add(run.RequestCount);
        ProvisioningDiagnostics.StepFailures.Add(1, new KeyValuePair<string, object?>("step", failure.Step?.ToString()), new KeyValuePair<string, object?>("transient", failure.IsTransient));
        if (cancelled)
        {
            Log.Cancelled(_logger, run.Record.TenantId, failure.Step);
        }
        else
        {
            Log.StepFailed(_logger, run.Record.TenantId, failure.Step, error.HttpStatus, error.ErrorName, error.CorrelationId, failure.IsTransient, failure.Message);
        }

        try
        {
            await run.ReleaseAsync(
                r => keepState
                    ? r with { LastError = error }
                    : (afterFailure?.Invoke(r) ?? r) with
                    {
                        State = ProvisioningState.Failed,
                        CurrentStep = failure.Step ?? r.CurrentStep,
                        LastError = error,
                        RequiresStartFresh = failure.RequiresStartFresh || requireStartFresh,
                    },
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (LeaseLostException)
        {
            Log.LeaseLost(_logger, run.Record.TenantId, run.RunId);
        }

        if (cancelled)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception).Throw();
        }

        var outcome = failure.RequiresStartFresh ? ProvisioningOutcome.UseStartFresh : ProvisioningOutcome.Failed;
        return Result(run.Record.TenantId, outcome, run.Record) with { Error = failure.ToOperationError(), TtsRequestCount = run.RequestCount };
    }

    private async Task<(TenantRun? Run, LeaseRefusal Refusal, TenantRecord? Current)> AcquireAsync(
        ProvisioningCaller caller,
        ProvisioningOperation operation,
        Func<TenantRecord?, (TenantRecord? ToLease, LeaseRefusal Refusal)> decide,
        CancellationToken cancellationToken)
    {
        var acquired = await TenantRun.AcquireAsync(
            _store,
            _time,
            _options.LeaseDuration,
            caller.TenantId,
            current => current is not null && !string.Equals(current.TenantId, caller.TenantId, StringComparison.Ordinal)
                ? throw new InvalidOperationException("The credential store returned a record for another tenant.")
                : decide(current),
            cancellationToken).ConfigureAwait(false);
        if (acquired.Refusal == LeaseRefusal.AlreadyInProgress)
        {
            Log.AlreadyInProgress(_logger, caller.TenantId, operation);
        }

        return acquired;
    }

    private PolicyDecision? Deny(ProvisioningCaller caller, ProvisioningOperation operation)
    {
        var decision = _policy.Evaluate(caller.Role, operation);
        if (decision.IsAllowed)
        {
            return null;
        }

        Log.Denied(_logger, caller.TenantId, operation, caller.Role, decision.Reason);
        return decision;
    }

    private async Task<TenantRecord?> ReadAsync(ProvisioningCaller caller, CancellationToken cancellationToken)
    {
        var record = await _store.GetAsync(caller.TenantId, cancellationToken).ConfigureAwait(false);
        return record is not null && !string.Equals(record.TenantId, caller.TenantId, StringComparison.Ordinal)
            ? throw new InvalidOperationException("The credential store returned a record for another tenant.")
            : record;
    }

    private async Task<PermissionReport> CheckRightsAsync(string apiKey, string applicationId, CancellationToken cancellationToken)
    {
        var rights = await _client.ListApplicationRightsAsync(apiKey, applicationId, cancellationToken).ConfigureAwait(false);
        return PermissionReport.FromRights(rights);
    }

    private static readonly ThingsStackRightsGroup[] RequiredGroups =
        [ThingsStackRightsGroup.Core, ThingsStackRightsGroup.Webhook, ThingsStackRightsGroup.Devices, ThingsStackRightsGroup.Downlink];

    private static bool IsSufficient(PermissionReport report) => RequiredGroups.All(report.Satisfies);

    /// <summary>The key that manages the tenant's application: the organization key, or the tenant's own key for a brought application.</summary>
    private string OpenManagementKey(TenantRecord record)
    {
        var (field, token) = record.IsExistingApplication
            ? (SecretField.ApplicationApiKey, record.ApplicationApiKeySealed)
            : (SecretField.OrganizationApiKey, record.OrganizationApiKeySealed);
        var opened = _protector.Unprotect(token, ProvisioningPipeline.Context(record.TenantId, field));
        return opened.TryGetValue(out var key)
            ? key
            : throw new StepFailedException(null, $"The stored {field} could not be opened ({opened}).", isTransient: false);
    }

    private StoredCredential Open(TenantRecord record, SecretField field, string? token, string? lastFour, string? keyId)
    {
        var opened = _protector.Unprotect(token, ProvisioningPipeline.Context(record.TenantId, field));
        if (opened.Status == SafeDecryptStatus.Failed)
        {
            Log.SecretUnreadable(_logger, record.TenantId, field.ToString(), opened.FailureReason.ToString());
        }

        return new StoredCredential(opened, lastFour ?? opened.LastFour, keyId);
    }

    private static void AddIfOpened(List<string> fields, string name, StoredCredential credential)
    {
        if (credential.Secret.IsDecrypted)
        {
            fields.Add(name);
        }
    }

    private TenantRecord Promoted(TenantRecord record) => _pipeline.PromoteWebhookSecret(record);

    /// <summary>
    /// The record after a deep clean, complete or not. Every credential is forgotten (the keys were revoked, or will be
    /// by the next deep clean, which deletes every key of the tenant's entities) and no step counts as done, so nothing
    /// can mark the tenant Ready on keys that no longer work; keys of ours left on TTS are revoked by name if the tenant is
    /// provisioned again. Ids of what remains are kept, so running deep clean again finishes the job. Ids of what was
    /// deleted but not purged stay reserved by TTS, so the next provisioning gets new collision-safe ones.
    /// </summary>
    private TenantRecord AfterDeepClean(TenantRecord record, CleanupReport report, TenantCleaner.Gone gone, DateTimeOffset now)
    {
        bool Purged(string kind, string? id) => report.Resources.Any(r => r.Kind == kind && r.Id == id && r.Purged);
        var applicationId = !gone.Application ? record.ApplicationId
            : record.ApplicationId is null || record.IsExistingApplication || Purged("application", record.ApplicationId) ? null
            : ThingsStackIds.CreateUnique(_pipeline.ApplicationPrefix, record.TenantId);
        var organizationId = !gone.Organization ? record.OrganizationId
            : record.OrganizationId is null || Purged("organization", record.OrganizationId) ? null
            : ThingsStackIds.CreateUnique(_options.IdPrefix, record.TenantId);
        var remaining = report.Failures.Count();
        return Cleared(record) with
        {
            State = remaining == 0 && gone.Application && gone.Organization ? ProvisioningState.Idle : ProvisioningState.Failed,
            OrganizationId = organizationId,
            OrganizationIdRotations = 0,
            ApplicationId = applicationId,
            Checkpoints = ProvisioningCheckpoints.None,
            PendingSteps = gone.Organization ? ProvisioningCheckpoints.None : ProvisioningCheckpoints.OrganizationApiKey | ProvisioningCheckpoints.ApplicationApiKey | ProvisioningCheckpoints.GatewayApiKey,
            LastError = remaining == 0 && gone.Application && gone.Organization
                ? null
                : new TenantError(null, $"Deep clean incomplete: {remaining} resource(s) remain on The Things Stack; run it again to finish.", null, null, null, null, now, IsTransient: true),
        };
    }

    private TenantRecord StartAttempt(TenantRecord record) => record with
    {
        State = ProvisioningState.Provisioning,
        CurrentStep = ProvisioningStep.Preflight,
        AttemptCount = record.AttemptCount + 1,
        StartedAt = _time.GetUtcNow(),
        LastError = null,
        RequiresStartFresh = false,
    };

    /// <summary>The record with every credential, resource id but the organization's, and error cleared; Idle.</summary>
    private static TenantRecord Cleared(TenantRecord record) => record with
    {
        State = ProvisioningState.Idle,
        CurrentStep = null,
        LastError = null,
        RequiresStartFresh = false,
        ApplicationId = null,
        IsExistingApplication = false,
        WebhookId = null,
        WebhookUrl = null,
        OrganizationApiKeySealed = null,
        OrganizationApiKeyLastFour = null,
        OrganizationApiKeyId = null,
        ApplicationApiKeySealed = null,
        ApplicationApiKeyLastFour = null,
        ApplicationApiKeyId = null,
        GatewayApiKeySealed = null,
        GatewayApiKeyLastFour = null,
        GatewayApiKeyId = null,
        WebhookSecretSealed = null,
        WebhookSecretLastFour = null,
        PendingWebhookSecretSealed = null,
        CompletedAt = null,
    };

    private TenantStatus ToStatus(string tenantId, TenantRecord? record)
    {
        if (record is null)
        {
            return new TenantStatus { TenantId = tenantId, State = ProvisioningState.Idle, NextAction = NextAction.Provision };
        }

        var now = _time.GetUtcNow();
        var stalled = record.State == ProvisioningState.Provisioning && !TenantRun.IsLeaseLive(record, now);
        var next = record switch
        {
            { State: ProvisioningState.Ready } => NextAction.None,
            { RequiresStartFresh: true } => NextAction.StartFresh,
            { State: ProvisioningState.Provisioning } when !stalled => NextAction.Wait,
            { State: ProvisioningState.Failed } => NextAction.Retry,
            _ when stalled => NextAction.Retry,
            _ => NextAction.Provision,
        };

        return new TenantStatus
        {
            TenantId = record.TenantId,
            State = record.State,
            CurrentStep = record.CurrentStep,
            Checkpoints = record.Checkpoints,
            AttemptCount = record.AttemptCount,
            IsStalled = stalled,
            NextAction = next,
            LastError = record.LastError is { } error ? OperationError.From(error) : null,
            OrganizationId = record.OrganizationId,
            ApplicationId = record.ApplicationId,
            IsExistingApplication = record.IsExistingApplication,
            WebhookUrl = record.WebhookUrl,
            OrganizationApiKeyLastFour = record.OrganizationApiKeyLastFour,
            ApplicationApiKeyLastFour = record.ApplicationApiKeyLastFour,
            GatewayApiKeyLastFour = record.GatewayApiKeyLastFour,
            WebhookSecretLastFour = record.WebhookSecretLastFour,
            StartedAt = record.StartedAt,
            CompletedAt = record.CompletedAt,
            UpdatedAt = record.UpdatedAt,
        };
    }

    private static ProvisioningResult Result(string tenantId, ProvisioningOutcome outcome, TenantRecord? record) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        State = record?.State ?? ProvisioningState.Idle,
        OrganizationId = record?.OrganizationId,
        ApplicationId = record?.ApplicationId,
        Checkpoints = record?.Checkpoints ?? ProvisioningCheckpoints.None,
    };

    private static ProvisioningOutcome ToOutcome(LeaseRefusal refusal) => refusal switch
    {
        LeaseRefusal.AlreadyInProgress => ProvisioningOutcome.AlreadyInProgress,
        LeaseRefusal.NotConfigured => ProvisioningOutcome.NotConfigured,
        LeaseRefusal.UseStartFresh => ProvisioningOutcome.UseStartFresh,
        LeaseRefusal.Ready => ProvisioningOutcome.Succeeded,
        _ => ProvisioningOutcome.NotApplicable,
    };

    private static string? ApiKeyIdOf(string apiKey)
    {
        var parts = apiKey.Split('.');
        return parts.Length == 3 && parts[0] == "NNSXS" ? parts[1] : null;
    }

    private static void ValidateApiKeyArgument(string apiKey, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey, paramName);
        foreach (var c in apiKey)
        {
            if (c <= ' ' || c > '~')
            {
                throw new ArgumentException("The API key contains a character that cannot be part of a TTS API key.", paramName);
            }
        }
    }

    private static void ValidateTenantId(string tenantId, string paramName)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId, paramName);
        if (!SecretContext.IsValidTenantId(tenantId))
        {
            throw new ArgumentException($"A tenant id is 1 to {SecretContext.MaxTenantIdLength} characters without control characters.", paramName);
        }
    }

    private OperationScope Begin(ProvisioningCaller caller, ProvisioningOperation operation)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ValidateTenantId(caller.TenantId, nameof(caller));
        ArgumentNullException.ThrowIfNull(caller.UserId, nameof(caller));
        return new OperationScope(this, caller.TenantId, operation);
    }

    /// <summary>The trace span, duration metric and closing log of one operation.</summary>
    private sealed class OperationScope : IDisposable
    {
        private readonly ProvisioningService _service;
        private readonly string _tenantId;
        private readonly ProvisioningOperation _operation;
        private readonly Activity? _activity;
        private readonly long _started;
        private bool _finished;

        public OperationScope(ProvisioningService service, string tenantId, ProvisioningOperation operation)
        {
            _service = service;
            _tenantId = tenantId;
            _operation = operation;
            _started = service._time.GetTimestamp();
            _activity = ProvisioningDiagnostics.ActivitySource.StartActivity($"Ttn.Provisioning {operation}");
            _activity?.SetTag("ttn_provisioning.tenant_id", tenantId);
            _activity?.SetTag("ttn_provisioning.operation", operation.ToString());
        }

        public T Finish<T>(T result, Func<T, ProvisioningOutcome> outcomeOf)
        {
            _finished = true;
            var outcome = outcomeOf(result);
            _activity?.SetTag("ttn_provisioning.outcome", outcome.ToString());
            if (outcome is ProvisioningOutcome.Failed or ProvisioningOutcome.UseStartFresh)
            {
                _activity?.SetStatus(ActivityStatusCode.Error, outcome.ToString());
            }

            Record(outcome.ToString());
            Log.OperationFinished(_service._logger, _tenantId, _operation, outcome);
            return result;
        }

        public void Dispose()
        {
            if (!_finished)
            {
                // An exception escaped (misuse, a store failure, the caller's cancellation): say so on the span and the metric.
                _activity?.SetStatus(ActivityStatusCode.Error, "exception");
                Record("exception");
            }

            _activity?.Dispose();
        }

        private void Record(string outcome) =>
            ProvisioningDiagnostics.OperationDuration.Record(
                _service._time.GetElapsedTime(_started).TotalSeconds,
                new KeyValuePair<string, object?>("operation", _operation.ToString()),
                new KeyValuePair<string, object?>("outcome", outcome));
    }
}

/// <summary>Facts derived from a tenant record.</summary>
internal static class TenantRecordFacts
{
    /// <summary>Whether the record needs a start fresh because of its organization (its id could not be made ours).</summary>
    public static bool RequiresStartFreshForOrganization(this TenantRecord record) =>
        record.RequiresStartFresh && record.CurrentStep == ProvisioningStep.Organization;

    /// <summary>Whether the record's application id was found to belong to another account (so it must never be deleted).</summary>
    public static bool ApplicationIsNotOurs(this TenantRecord record) =>
        record.RequiresStartFresh && record.CurrentStep == ProvisioningStep.Application && !record.Checkpoints.HasFlag(ProvisioningCheckpoints.Application);
}
