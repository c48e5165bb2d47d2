namespace Ttn.Provisioning;

/// <summary>
/// The result of <see cref="IProvisioningService.RotateOrganizationKeyAsync"/>: Succeeded (a new key is in force and the
/// old one revoked), Failed (see the error: when the new key is in force but an old one could not be revoked, rotating
/// again finishes), Denied, AlreadyInProgress or NotConfigured.
/// </summary>
public sealed class OrganizationKeyRotationResult : OperationResult
{
    internal OrganizationKeyRotationResult()
    {
    }

    /// <summary>The last four characters of the organization key now in force.</summary>
    public string? KeyLastFour { get; internal init; }

    /// <summary>The TTS id of the organization key now in force (not secret).</summary>
    public string? KeyId { get; internal init; }

    /// <summary>The TTS ids of the keys revoked (the one replaced, and any left by an interrupted rotation).</summary>
    public IReadOnlyList<string> RevokedKeyIds { get; internal init; } = [];
}
