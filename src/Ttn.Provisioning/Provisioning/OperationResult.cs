using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning;

/// <summary>
/// What every operation of <see cref="IProvisioningService"/> answers: how it ended, for which tenant, and, when it did
/// not succeed, why (the policy decision of a denial, or the error of a failure). Each operation's result adds what it
/// produced.
/// </summary>
public abstract class OperationResult
{
    private protected OperationResult()
    {
    }

    // Results are read-only to hosts (hosts' tests build them with Ttn.Provisioning.Testing's ProvisioningModelFactory).
    // The operation runner fills the fields below, which every result shares, for every operation: the tenant and the
    // request count of every result, and all five for an outcome the runner decided (see TenantOperation.Answer).

    /// <summary>How the operation ended.</summary>
    public ProvisioningOutcome Outcome
    {
        get;
        internal set
        {
            field = value;
            HasOutcome = true;
        }
    }

    /// <summary>The tenant acted on.</summary>
    public string TenantId { get; internal set; } = string.Empty;

    /// <summary>The error, when <see cref="Outcome"/> is Failed or UseStartFresh (and for some refusals, why).</summary>
    public TenantError? Error { get; internal set; }

    /// <summary>The policy decision, when <see cref="Outcome"/> is Denied.</summary>
    public PolicyDecision? Denial { get; internal set; }

    /// <summary>How many requests the operation sent to The Things Stack.</summary>
    public int TtsRequestCount { get; internal set; }

    /// <summary>The result's type, outcome and tenant, and the error's message when there is one; never a secret.</summary>
    public override string ToString() =>
        Error is { } error
            ? $"{GetType().Name} {Outcome} for tenant {TenantId}: {error.Message}"
            : $"{GetType().Name} {Outcome} for tenant {TenantId}";

    /// <summary>
    /// Whether <see cref="Outcome"/> was set. Its default is <see cref="ProvisioningOutcome.Succeeded"/>, so the runner
    /// refuses a result whose operation forgot to say how it ended rather than report it as a success.
    /// </summary>
    internal bool HasOutcome { get; private set; }

    /// <summary>Fills the shared fields with an outcome decided outside the operation's own work.</summary>
    internal void Fill(Operations.OperationAnswer answer)
    {
        Outcome = answer.Outcome;
        TenantId = answer.TenantId;
        Error = answer.Error;
        Denial = answer.Denial;
        TtsRequestCount = answer.TtsRequestCount;
    }
}
