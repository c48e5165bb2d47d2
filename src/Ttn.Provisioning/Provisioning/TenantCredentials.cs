using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.Provisioning;

/// <summary>
/// One stored credential: the result of opening it, and the last four characters recorded when it was stored.
/// <see cref="ToString"/> shows no more than the last four characters.
/// </summary>
/// <param name="Secret">Empty, Decrypted (with the value) or Failed (with the reason).</param>
/// <param name="LastFour">The last four characters recorded at write time.</param>
/// <param name="TtsKeyId">The API key's id on TTS (not secret), for keys.</param>
public sealed record StoredCredential(SafeDecrypt Secret, string? LastFour, string? TtsKeyId = null);

/// <summary>A tenant's credentials in plain text, for callers allowed to see them. Every read is audited.</summary>
public sealed record TenantCredentials
{
    /// <summary>The tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The organization id on TTS.</summary>
    public string? OrganizationId { get; init; }

    /// <summary>The application id on TTS.</summary>
    public string? ApplicationId { get; init; }

    /// <summary>The organization API key.</summary>
    public StoredCredential OrganizationApiKey { get; init; } = new(SafeDecrypt.Empty, null);

    /// <summary>The application API key.</summary>
    public StoredCredential ApplicationApiKey { get; init; } = new(SafeDecrypt.Empty, null);

    /// <summary>The gateway API key.</summary>
    public StoredCredential GatewayApiKey { get; init; } = new(SafeDecrypt.Empty, null);

    /// <summary>The webhook secret.</summary>
    public StoredCredential WebhookSecret { get; init; } = new(SafeDecrypt.Empty, null);

    /// <summary>The webhook URL.</summary>
    public string? WebhookUrl { get; init; }
}

/// <summary>The result of <see cref="IProvisioningService.GetCredentialsAsync"/>.</summary>
public sealed record TenantCredentialsResult
{
    /// <summary>Succeeded (with <see cref="Credentials"/>), Denied or NotConfigured.</summary>
    public required ProvisioningOutcome Outcome { get; init; }

    /// <summary>The credentials, when Succeeded.</summary>
    public TenantCredentials? Credentials { get; init; }

    /// <summary>The policy decision, when Denied.</summary>
    public PolicyDecision? Denial { get; init; }
}
