namespace Ttn.Provisioning;

/// <summary>
/// The result of <see cref="IProvisioningService.RotateWebhookSecretAsync"/>: Succeeded, Denied, AlreadyInProgress,
/// NotConfigured, or Failed (the old secret stays in force).
/// </summary>
public sealed class WebhookSecretRotationResult : OperationResult
{
    internal WebhookSecretRotationResult()
    {
    }

    /// <summary>The last four characters of the secret now in force.</summary>
    public string? SecretLastFour { get; internal init; }
}
