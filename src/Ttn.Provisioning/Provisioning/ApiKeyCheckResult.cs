using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning;

/// <summary>
/// The result of <see cref="IProvisioningService.CheckApiKeyAsync"/>: Succeeded (the key was checked: see
/// <see cref="Permissions"/>), Denied, or Failed (TTS refused the key or could not be reached).
/// </summary>
public sealed class ApiKeyCheckResult : OperationResult
{
    internal ApiKeyCheckResult()
    {
    }

    /// <summary>What the key may do on the application, when Succeeded.</summary>
    public PermissionReport? Permissions { get; internal init; }

    /// <summary>Whether the key has every right a provisioned tenant needs (core, webhook, devices, downlink).</summary>
    public bool IsSufficient { get; internal init; }
}
