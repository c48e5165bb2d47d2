using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Provisioning;

/// <summary>The result of <see cref="IProvisioningService.CheckApiKeyAsync"/>.</summary>
public sealed record ApiKeyCheckResult
{
    /// <summary>Succeeded (the key was checked: see <see cref="Permissions"/>), Denied, or Failed (TTS refused the key or could not be reached).</summary>
    public required ProvisioningOutcome Outcome { get; init; }

    /// <summary>The application the key was checked against.</summary>
    public string? ApplicationId { get; init; }

    /// <summary>What the key may do on the application, when Succeeded.</summary>
    public PermissionReport? Permissions { get; init; }

    /// <summary>Whether the key has every right a provisioned tenant needs (core, webhook, devices, downlink).</summary>
    public bool IsSufficient { get; init; }

    /// <summary>The error, when Failed.</summary>
    public OperationError? Error { get; init; }

    /// <summary>The policy decision, when Denied.</summary>
    public PolicyDecision? Denial { get; init; }
}

/// <summary>The result of <see cref="IProvisioningService.RotateWebhookSecretAsync"/>.</summary>
public sealed record WebhookSecretRotationResult
{
    /// <summary>Succeeded, Denied, AlreadyInProgress, NotConfigured, or Failed (the old secret stays in force).</summary>
    public required ProvisioningOutcome Outcome { get; init; }

    /// <summary>The last four characters of the secret now in force.</summary>
    public string? SecretLastFour { get; init; }

    /// <summary>The error, when Failed.</summary>
    public OperationError? Error { get; init; }

    /// <summary>The policy decision, when Denied.</summary>
    public PolicyDecision? Denial { get; init; }
}
