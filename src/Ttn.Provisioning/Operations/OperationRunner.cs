using Microsoft.Extensions.Logging;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Runs an operation with what every operation shares: caller validation → policy decision → admin key → lease (or a
/// plain read) → the operation's work → the lease given up, however the work ended → logs, trace and metrics → the
/// tenant's history entry (for an operation that changes, tests or reveals the tenant and was not denied). Expected
/// outcomes come back as results; misuse, the caller's cancellation and unexpected failures throw.
/// </summary>
internal sealed class OperationRunner
{
    private readonly ICredentialStore _store;
    private readonly IRolePolicyEvaluator _policy;
    private readonly IAdminApiKeyProvider _adminKeys;
    private readonly TimeProvider _time;
    private readonly LeasePolicy _lease;
    private readonly OperationHistory _history;
    private readonly ILogger _logger;

    public OperationRunner(
        ICredentialStore store,
        IRolePolicyEvaluator policy,
        IAdminApiKeyProvider adminKeys,
        TimeProvider time,
        LeasePolicy lease,
        OperationHistory history,
        ILogger logger)
    {
        _store = store;
        _policy = policy;
        _adminKeys = adminKeys;
        _time = time;
        _lease = lease;
        _history = history;
        _logger = logger;
    }

    /// <summary>
    /// A runner whose lease outlasts the longest one request can take with <paramref name="calls"/>, keeping the tenant's
    /// history in <paramref name="store"/> (at most <see cref="TtnProvisioningOptions.HistoryLimit"/> entries).
    /// </summary>
    public static OperationRunner Create(
        ICredentialStore store,
        IRolePolicyEvaluator policy,
        IAdminApiKeyProvider adminKeys,
        TimeProvider time,
        TtnProvisioningOptions settings,
        ThingsStackOptions calls,
        ILogger logger)
    {
        var lease = new LeasePolicy(settings.LeaseDuration, calls.TotalTimeout + calls.AttemptTimeout);
        return new(store, policy, adminKeys, time, lease, new OperationHistory(store, settings.HistoryLimit, logger), logger);
    }

    /// <summary>Runs <paramref name="operation"/> for <paramref name="caller"/>.</summary>
    /// <exception cref="ArgumentException">The caller is null or names an invalid tenant id.</exception>
    public async Task<TResult> RunAsync<TResult>(
        TenantOperation<TResult> operation, ProvisioningCaller caller, CancellationToken cancellationToken)
        where TResult : OperationResult
    {
        ValidateCaller(caller);
        var (startedAt, started) = (_time.GetUtcNow(), _time.GetTimestamp());
        var requests = TtsRequestCounter.Start();
        using var telemetry = OperationTelemetry.Start(operation.Kind, caller.TenantId, requests, _time, _logger);
        var result = await RunCoreAsync(operation, caller, requests, cancellationToken).ConfigureAwait(false);
        if (!result.HasOutcome)
        {
            throw new InvalidOperationException(
                $"{operation.GetType().Name} answered a {result.GetType().Name} without an outcome: a bug in the library.");
        }

        result.TenantId = caller.TenantId;
        result.TtsRequestCount = requests.Count;
        telemetry.Finish(result);
        if (operation.IsRecorded && result.Outcome != ProvisioningOutcome.Denied)
        {
            await _history.RecordAsync(operation.Kind, caller, result, startedAt, _time.GetElapsedTime(started)).ConfigureAwait(false);
        }

        return result;
    }

    /// <summary>Checks the caller: misuse throws before anything else happens.</summary>
    public static void ValidateCaller(ProvisioningCaller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentException.ThrowIfNullOrEmpty(caller.TenantId, nameof(caller));
        if (!SecretContext.IsValidTenantId(caller.TenantId))
        {
            throw new ArgumentException(
                $"A tenant id is 1 to {SecretContext.MaxTenantIdLength} characters without control characters.", nameof(caller));
        }

        ArgumentNullException.ThrowIfNull(caller.UserId, nameof(caller));
    }

    private async Task<TResult> RunCoreAsync<TResult>(
        TenantOperation<TResult> operation, ProvisioningCaller caller, TtsRequestCounter requests, CancellationToken cancellationToken)
        where TResult : OperationResult
    {
        var tenantId = caller.TenantId;
        var decision = _policy.Evaluate(caller.Role, operation.Kind);
        if (!decision.IsAllowed)
        {
            Log.Denied(_logger, tenantId, operation.Kind, caller.Role, decision.Reason);
            return operation.Answer(new OperationAnswer(tenantId, ProvisioningOutcome.Denied, null, null, decision, 0));
        }

        string? adminKey = null;
        if (operation.NeedsAdminKey)
        {
            adminKey = await _adminKeys.GetAdminApiKeyAsync(cancellationToken).ConfigureAwait(false);
            if (string.IsNullOrEmpty(adminKey))
            {
                var error = TenantError.Local(null, NoAdminKey, _time.GetUtcNow());
                return operation.Answer(new OperationAnswer(tenantId, ProvisioningOutcome.Failed, null, error, null, 0));
            }
        }

        if (!operation.TakesLease)
        {
            var record = await ReadAsync(tenantId, cancellationToken).ConfigureAwait(false);
            return await operation.ExecuteAsync(new OperationContext(caller, _time, requests, null, record, adminKey), cancellationToken)
                .ConfigureAwait(false);
        }

        var admission = default(Admission);
        var (run, busy, current) = await TenantRun.AcquireAsync(
            _store,
            _time,
            _lease,
            tenantId,
            stored =>
            {
                EnsureSameTenant(stored, tenantId);
                var now = _time.GetUtcNow();
                admission = stored is { Settings.Enabled: false } && operation.WouldCreateResources(stored)
                    ? Admission.Disabled(tenantId, now)
                    : operation.Admit(tenantId, stored, now);
                return admission.ToLease;
            },
            cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            if (busy)
            {
                Log.AlreadyInProgress(_logger, tenantId, operation.Kind);
            }

            var outcome = busy ? ProvisioningOutcome.AlreadyInProgress : admission.Refusal;
            return operation.Answer(new OperationAnswer(tenantId, outcome, current, busy ? null : admission.Reason, null, 0));
        }

        if (operation.Kind == ProvisioningOperation.Retry)
        {
            ProvisioningDiagnostics.Retries.Add(1, new KeyValuePair<string, object?>("operation", operation.Kind.ToString()));
        }

        try
        {
            return await operation.ExecuteAsync(new OperationContext(caller, _time, requests, run, null, adminKey), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (LeaseLostException)
        {
            Log.LeaseLost(_logger, tenantId, run.RunId);
            return operation.Answer(new OperationAnswer(tenantId, ProvisioningOutcome.AlreadyInProgress, null, null, null, requests.Count));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            var step = run.Record.CurrentStep;
            Log.Cancelled(_logger, tenantId, step);
            var error = TenantError.Local(
                step, "The run was cancelled by the caller; retry to resume it.", _time.GetUtcNow(), isTransient: true);
            await ReleaseBestEffortAsync(run, r => operation.AfterInterruption(r, error)).ConfigureAwait(false);
            throw;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A store or configuration failure: mark the run and give the lease up while the store still answers, so the
            // tenant does not look busy until the lease expires. The caller gets the exception.
            var message = $"The run stopped on an unexpected {exception.GetType().Name}; retry once the cause is fixed.";
            var error = TenantError.Local(run.Record.CurrentStep, message, _time.GetUtcNow(), isTransient: true);
            Log.StepFailed(_logger, tenantId, error.Step, null, null, null, isTransient: true, error.Message);
            await ReleaseBestEffortAsync(run, r => TenantTransitions.AfterUnexpected(r, error)).ConfigureAwait(false);
            throw;
        }
    }

    private const string NoAdminKey =
        "No admin API key is configured: set TtnProvisioningOptions.AdminApiKey or register an IAdminApiKeyProvider that returns one.";

    private async Task ReleaseBestEffortAsync(TenantRun run, Func<TenantRecord, TenantRecord> change)
    {
        try
        {
            await run.ReleaseAsync(change, CancellationToken.None).ConfigureAwait(false);
        }
        catch (LeaseLostException)
        {
            Log.LeaseLost(_logger, run.Record.TenantId, run.RunId);
        }
        catch (Exception releaseFailure) when (releaseFailure is not OutOfMemoryException)
        {
            // The store is what failed: the lease expires and the run can be taken over then.
        }
    }

    private async Task<TenantRecord?> ReadAsync(string tenantId, CancellationToken cancellationToken)
    {
        var record = await _store.GetAsync(tenantId, cancellationToken).ConfigureAwait(false);
        EnsureSameTenant(record, tenantId);
        return record;
    }

    private static void EnsureSameTenant(TenantRecord? record, string tenantId)
    {
        if (record is not null && !string.Equals(record.TenantId, tenantId, StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The credential store returned a record for another tenant.");
        }
    }
}
