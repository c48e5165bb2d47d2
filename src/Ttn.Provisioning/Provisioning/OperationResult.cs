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

    // Outcome and TenantId stay required (every result the library builds must say how it ended and for which tenant),
    // and C# lets a required member's setter be no less visible than its type (CS9032): their init setters stay public,
    // but no host can reach them, since no constructor of a result is public (hosts' tests build results with
    // Ttn.Provisioning.Testing's ProvisioningModelFactory).

    /// <summary>How the operation ended.</summary>
    public required ProvisioningOutcome Outcome { get; init; }

    /// <summary>The tenant acted on.</summary>
    public required string TenantId { get; init; }

    /// <summary>The error, when <see cref="Outcome"/> is Failed or UseStartFresh (and for some refusals, why).</summary>
    public TenantError? Error { get; internal init; }

    /// <summary>The policy decision, when <see cref="Outcome"/> is Denied.</summary>
    public PolicyDecision? Denial { get; internal init; }

    /// <summary>How many requests the operation sent to The Things Stack.</summary>
    public int TtsRequestCount { get; internal init; }

    /// <summary>The result's type, outcome and tenant, and the error's message when there is one; never a secret.</summary>
    public override string ToString() =>
        Error is { } error
            ? $"{GetType().Name} {Outcome} for tenant {TenantId}: {error.Message}"
            : $"{GetType().Name} {Outcome} for tenant {TenantId}";
}
