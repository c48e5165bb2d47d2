using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning;

/// <summary>The result of provisioning, retrying, or bringing an existing application.</summary>
public sealed class ProvisioningResult : OperationResult
{
    internal ProvisioningResult()
    {
    }

    /// <summary>The tenant's state after the operation (Idle when nothing is stored).</summary>
    public ProvisioningState State { get; internal init; }

    /// <summary>The tenant's organization id on TTS, if it has one.</summary>
    public string? OrganizationId { get; internal init; }

    /// <summary>The tenant's application id on TTS, if it has one.</summary>
    public string? ApplicationId { get; internal init; }

    /// <summary>The cluster the tenant is provisioned on (its Application, Network and Join Servers), once the record names one.</summary>
    public string? Cluster { get; internal init; }

    /// <summary>The steps completed so far.</summary>
    public ProvisioningStep Checkpoints { get; internal init; }

    /// <summary>Optional steps that failed without failing the run (the gateway key), in words.</summary>
    public IReadOnlyList<string> Warnings { get; internal init; } = [];

    /// <summary>Whether the tenant is Ready.</summary>
    public bool IsReady => State == ProvisioningState.Ready && Outcome == ProvisioningOutcome.Succeeded;
}
