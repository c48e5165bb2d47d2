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

    /// <summary>How the operation ended.</summary>
    public required ProvisioningOutcome Outcome { get; init; }

    /// <summary>The tenant acted on.</summary>
    public required string TenantId { get; init; }

    /// <summary>The error, when <see cref="Outcome"/> is Failed or UseStartFresh (and for some refusals, why).</summary>
    public TenantError? Error { get; init; }

    /// <summary>The policy decision, when <see cref="Outcome"/> is Denied.</summary>
    public PolicyDecision? Denial { get; init; }

    /// <summary>How many requests the operation sent to The Things Stack.</summary>
    public int TtsRequestCount { get; init; }

    /// <summary>The result's type, outcome and tenant, and the error's message when there is one; never a secret.</summary>
    public override string ToString() =>
        Error is { } error
            ? $"{GetType().Name} {Outcome} for tenant {TenantId}: {error.Message}"
            : $"{GetType().Name} {Outcome} for tenant {TenantId}";
}
