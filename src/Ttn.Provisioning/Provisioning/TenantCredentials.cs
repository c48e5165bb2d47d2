using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning;

/// <summary>
/// One stored credential: the result of opening it, and the last four characters recorded when it was stored.
/// <see cref="ToString"/> shows no more than the last four characters.
/// </summary>
public sealed class StoredCredential
{
    /// <param name="secret">Empty, Decrypted (with the value) or Failed (with the reason).</param>
    /// <param name="lastFour">The last four characters recorded at write time.</param>
    /// <param name="ttsKeyId">The API key's id on TTS (not secret), for keys.</param>
    /// <param name="isWithheld">Whether the caller's role may not see the secret (it is then Empty, with its last four).</param>
    internal StoredCredential(SafeDecrypt secret, string? lastFour, string? ttsKeyId = null, bool isWithheld = false)
    {
        Secret = secret;
        LastFour = lastFour;
        TtsKeyId = ttsKeyId;
        IsWithheld = isWithheld;
    }

    /// <summary>Empty, Decrypted (with the value) or Failed (with the reason).</summary>
    public SafeDecrypt Secret { get; }

    /// <summary>The last four characters recorded at write time.</summary>
    public string? LastFour { get; }

    /// <summary>The API key's id on TTS (not secret), for keys.</summary>
    public string? TtsKeyId { get; }

    /// <summary>
    /// Whether the secret is stored but the caller's role may not see it (the role policy's secret readers): only its last
    /// four characters are given.
    /// </summary>
    public bool IsWithheld { get; }

    /// <summary>Shows the status and at most the last four characters.</summary>
    public override string ToString()
    {
        var secret = IsWithheld ? $"Withheld(…{LastFour})" : Secret.ToString();
        return TtsKeyId is null ? secret : $"{secret} (key id {TtsKeyId})";
    }
}

/// <summary>A tenant's credentials in plain text, for callers allowed to see them. Every read is audited.</summary>
public sealed class TenantCredentials
{
    internal TenantCredentials(string tenantId)
    {
        TenantId = tenantId;
    }

    /// <summary>The tenant.</summary>
    public string TenantId { get; }

    /// <summary>The organization id on TTS.</summary>
    public string? OrganizationId { get; internal init; }

    /// <summary>The application id on TTS.</summary>
    public string? ApplicationId { get; internal init; }

    /// <summary>The organization API key.</summary>
    public StoredCredential OrganizationApiKey { get; internal init; } = new(SafeDecrypt.Empty, null);

    /// <summary>The application API key.</summary>
    public StoredCredential ApplicationApiKey { get; internal init; } = new(SafeDecrypt.Empty, null);

    /// <summary>The gateway API key.</summary>
    public StoredCredential GatewayApiKey { get; internal init; } = new(SafeDecrypt.Empty, null);

    /// <summary>The webhook secret.</summary>
    public StoredCredential WebhookSecret { get; internal init; } = new(SafeDecrypt.Empty, null);

    /// <summary>The webhook URL.</summary>
    public string? WebhookUrl { get; internal init; }
}

/// <summary>
/// The result of <see cref="IProvisioningService.GetCredentialsAsync"/>: Succeeded (with <see cref="Credentials"/>), Denied or
/// NotConfigured (with a message in <see cref="OperationResult.Error"/>). It also carries where the tenant's provisioning
/// stands, so that one call renders a credentials panel.
/// </summary>
public sealed class TenantCredentialsResult : OperationResult
{
    internal TenantCredentialsResult()
    {
    }

    /// <summary>The credentials, when Succeeded.</summary>
    public TenantCredentials? Credentials { get; internal init; }

    /// <summary>
    /// Where the tenant's provisioning stands (state, failed step, last error, attempts, next action), the same view
    /// <see cref="IProvisioningService.GetStatusAsync"/> returns; Idle when nothing is stored. Null only when Denied. A
    /// role allowed to read credentials thus sees the status too, whatever the policy says of GetStatus.
    /// </summary>
    public TenantStatus? Status { get; internal init; }
}
