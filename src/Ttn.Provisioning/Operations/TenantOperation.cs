using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// One operation of the provisioning service. It says what it is (for the policy and telemetry), whether it changes the
/// tenant (and so takes the lease) and whether it needs the admin key, and does its work; the
/// <see cref="OperationRunner"/> does everything operations share around it.
/// </summary>
/// <typeparam name="TResult">The operation's result.</typeparam>
internal abstract class TenantOperation<TResult>
    where TResult : OperationResult
{
    /// <summary>The operation, as the role policy and telemetry know it.</summary>
    public abstract ProvisioningOperation Kind { get; }

    /// <summary>Whether the operation changes the tenant: it then runs under the tenant's lease. Reads do not.</summary>
    public virtual bool TakesLease => true;

    /// <summary>Whether the operation needs the admin API key (fetched before the lease is taken).</summary>
    public virtual bool NeedsAdminKey => false;

    /// <summary>
    /// Whether the operation, run on <paramref name="record"/>, would create or replace resources on The Things Stack: a
    /// disabled tenant is then refused with <see cref="ProvisioningOutcome.TenantDisabled"/> before anything happens.
    /// </summary>
    public virtual bool WouldCreateResources(TenantRecord record) => false;

    /// <summary>
    /// Whether the operation is written to the tenant's history (it changes, tests or reveals the tenant). Denied calls
    /// never are: they did nothing.
    /// </summary>
    public virtual bool IsRecorded => TakesLease;

    /// <summary>
    /// For an operation that takes the lease: whether it may run on the tenant's current record, and with which record
    /// (the start of the change, e.g. a new attempt). The default needs a record.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="current">The stored record; null when the tenant has none.</param>
    /// <param name="now">The current time.</param>
    public virtual Admission Admit(string tenantId, TenantRecord? current, DateTimeOffset now) =>
        current is null ? Admission.Refuse(ProvisioningOutcome.NotConfigured) : Admission.Lease(current);

    /// <summary>Does the work. Expected failures are results; only the caller's cancellation and bugs throw.</summary>
    public abstract Task<TResult> ExecuteAsync(OperationContext context, CancellationToken cancellationToken);

    /// <summary>The result for an outcome the runner decided (denied, in progress, refused, interrupted).</summary>
    public TResult Answer(OperationAnswer answer)
    {
        var result = CreateResult(answer.Record);
        result.Fill(answer);
        return result;
    }

    /// <summary>
    /// The operation's result before the fields every result shares (outcome, tenant, error, denial, request count) are
    /// filled in: what the operation knows beyond them, from its arguments or the tenant's <paramref name="record"/>.
    /// </summary>
    /// <param name="record">The tenant's record, when one was read; null otherwise.</param>
    protected abstract TResult CreateResult(TenantRecord? record);

    /// <summary>How a run interrupted by the caller's cancellation leaves the record (by default: Failed, resumable).</summary>
    public virtual TenantRecord AfterInterruption(TenantRecord record, TenantError error) =>
        TenantTransitions.MarkFailed(record, error, requiresStartFresh: false);
}

/// <summary>Whether an operation may take the lease on a tenant's record, and with which record; or why not.</summary>
/// <param name="ToLease">The record to lease; null when refused.</param>
/// <param name="Refusal">The outcome when refused.</param>
/// <param name="Reason">Why it was refused, when the outcome alone does not say it.</param>
internal readonly record struct Admission(TenantRecord? ToLease, ProvisioningOutcome Refusal, TenantError? Reason = null)
{
    public static Admission Lease(TenantRecord record) => new(record, ProvisioningOutcome.Succeeded);

    public static Admission Refuse(ProvisioningOutcome outcome, TenantError? reason = null) => new(null, outcome, reason);

    /// <summary>The refusal of an operation that would create resources for a disabled tenant.</summary>
    public static Admission Disabled(string tenantId, DateTimeOffset now) => Refuse(
        ProvisioningOutcome.TenantDisabled,
        TenantError.Local(
            null,
            $"Tenant '{tenantId}' is disabled: enable it (UpdateSettingsAsync) before provisioning, retrying, starting fresh, "
                + "bringing an application or rotating keys.",
            now));
}

/// <summary>An outcome the runner decided, for the operation to turn into its result.</summary>
/// <remarks>
/// The runner sets the tenant and the request count of every result it returns again; they matter here only for a result
/// that does not go back through the runner (start fresh nests its provisioning result, see ProvisioningRun.Result).
/// </remarks>
/// <param name="TenantId">The tenant.</param>
/// <param name="Outcome">The outcome.</param>
/// <param name="Record">The tenant's record, when one was read.</param>
/// <param name="Error">The error or refusal reason, if any.</param>
/// <param name="Denial">The policy decision, when denied.</param>
/// <param name="TtsRequestCount">The requests sent so far.</param>
internal readonly record struct OperationAnswer(
    string TenantId, ProvisioningOutcome Outcome, TenantRecord? Record, TenantError? Error, PolicyDecision? Denial, int TtsRequestCount);
