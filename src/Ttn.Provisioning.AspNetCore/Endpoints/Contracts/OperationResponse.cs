namespace Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

/// <summary>What every operation's answer carries: the tenant, how the operation ended, and how many TTS requests it sent.</summary>
internal abstract class OperationResponse
{
    protected OperationResponse(OperationResult result)
    {
        TenantId = result.TenantId;
        Outcome = result.Outcome.ToString();
        TtsRequestCount = result.TtsRequestCount;
    }

    /// <summary>The tenant acted on.</summary>
    public string TenantId { get; }

    /// <summary>How the operation ended (a <see cref="ProvisioningOutcome"/> name).</summary>
    public string Outcome { get; }

    /// <summary>How many requests the operation sent to The Things Stack.</summary>
    public int TtsRequestCount { get; }
}
