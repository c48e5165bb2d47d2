using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Provisioning;

/// <summary>The result of provisioning, retrying, or bringing an existing application.</summary>
public sealed record ProvisioningResult
{
    /// <summary>How the operation ended.</summary>
    public required ProvisioningOutcome Outcome { get; init; }

    /// <summary>The tenant acted on.</summary>
    public required string TenantId { get; init; }

    /// <summary>The tenant's state after the operation (Idle when nothing is stored).</summary>
    public ProvisioningState State { get; init; }

    /// <summary>The tenant's organization id on TTS, if it has one.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The tenant's application id on TTS, if it has one.</summary>
    public string? ApplicationId { get; init; }

    /// <summary>The steps completed so far.</summary>
    public ProvisioningCheckpoints Checkpoints { get; init; }

    /// <summary>The error, when <see cref="Outcome"/> is Failed or UseStartFresh.</summary>
    public OperationError? Error { get; init; }

    /// <summary>The policy decision, when <see cref="Outcome"/> is Denied.</summary>
    public PolicyDecision? Denial { get; init; }

    /// <summary>Optional steps that failed without failing the run (the gateway key), in words.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>How many TTS requests the call made (as counted by the service).</summary>
    public int TtsRequestCount { get; init; }

    /// <summary>Whether the tenant is Ready.</summary>
    public bool IsReady => State == ProvisioningState.Ready && Outcome == ProvisioningOutcome.Succeeded;
}
