using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

/// <summary>The answer of provision, retry and existing application: the tenant's state and the steps completed.</summary>
internal sealed class ProvisioningResponse : OperationResponse
{
    private ProvisioningResponse(ProvisioningResult result)
        : base(result)
    {
        State = result.State.ToString();
        IsReady = result.IsReady;
        Cluster = result.Cluster;
        OrganizationId = result.OrganizationId;
        ApplicationId = result.ApplicationId;
        Checkpoints = Enum.GetValues<ProvisioningStep>()
            .Where(step => step != ProvisioningStep.None && result.Checkpoints.HasFlag(step))
            .Select(step => step.ToString())
            .ToArray();
        Warnings = result.Warnings;
    }

    public string State { get; }

    public bool IsReady { get; }

    /// <summary>The tenant's cluster.</summary>
    public string? Cluster { get; }

    public string? OrganizationId { get; }

    public string? ApplicationId { get; }

    /// <summary>The steps completed, in pipeline order.</summary>
    public IReadOnlyList<string> Checkpoints { get; }

    /// <summary>Optional steps that failed without failing the run.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public static ProvisioningResponse From(ProvisioningResult result) => new(result);
}
