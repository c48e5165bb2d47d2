using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

/// <summary>
/// The answer of <c>GET …/credentials</c> (masked: last four characters only, nothing opened, nothing audited) and of
/// <c>POST …/credentials/reveal</c> (the secrets the caller's role may see in plain text, audited; the others masked).
/// </summary>
internal sealed class CredentialsResponse
{
    public required string TenantId { get; init; }

    /// <summary>Whether this answer came from a reveal (secrets the role may see are in <see cref="CredentialView.Value"/>).</summary>
    public bool Revealed { get; init; }

    public string? OrganizationId { get; init; }

    public string? ApplicationId { get; init; }

    public string? WebhookUrl { get; init; }

    /// <summary>The tenant's provisioning state, so that one call renders the panel.</summary>
    public required string State { get; init; }

    /// <summary>The step that failed, when the tenant is Failed.</summary>
    public string? FailedStep { get; init; }

    public ErrorView? LastError { get; init; }

    public int AttemptCount { get; init; }

    public required CredentialView OrganizationApiKey { get; init; }

    public required CredentialView ApplicationApiKey { get; init; }

    public required CredentialView GatewayApiKey { get; init; }

    public required CredentialView WebhookSecret { get; init; }

    /// <summary>The masked view, from the status (which holds only last fours) and what the role may reveal.</summary>
    public static CredentialsResponse Masked(TenantStatus status, TenantRole role, IRolePolicyEvaluator policy) => new()
    {
        TenantId = status.TenantId,
        OrganizationId = status.OrganizationId,
        ApplicationId = status.ApplicationId,
        WebhookUrl = status.WebhookUrl,
        State = status.State.ToString(),
        FailedStep = FailedStepOf(status),
        LastError = ErrorView.From(status.LastError),
        AttemptCount = status.AttemptCount,
        OrganizationApiKey = Mask(status.OrganizationApiKeyLastFour, SecretField.OrganizationApiKey, role, policy),
        ApplicationApiKey = Mask(status.ApplicationApiKeyLastFour, SecretField.ApplicationApiKey, role, policy),
        GatewayApiKey = Mask(status.GatewayApiKeyLastFour, SecretField.GatewayApiKey, role, policy),
        WebhookSecret = Mask(status.WebhookSecretLastFour, SecretField.WebhookSecret, role, policy),
    };

    private static CredentialView Mask(string? lastFour, SecretField secret, TenantRole role, IRolePolicyEvaluator policy) =>
        CredentialView.Masked(lastFour, policy.MayReveal(role, secret));

    /// <summary>The revealed view: each secret as the core opened it for the caller (withheld ones keep their last four only).</summary>
    public static CredentialsResponse Reveal(TenantCredentialsResult result)
    {
        var credentials = result.Credentials!;
        return Reveal(credentials, result.Status!);
    }

    private static string? FailedStepOf(TenantStatus status) =>
        status.State == ProvisioningState.Failed ? status.CurrentStep?.ToString() : null;

    private static CredentialsResponse Reveal(TenantCredentials credentials, TenantStatus status) => new()
    {
        TenantId = credentials.TenantId,
        State = status.State.ToString(),
        FailedStep = FailedStepOf(status),
        LastError = ErrorView.From(status.LastError),
        AttemptCount = status.AttemptCount,
        Revealed = true,
        OrganizationId = credentials.OrganizationId,
        ApplicationId = credentials.ApplicationId,
        WebhookUrl = credentials.WebhookUrl,
        OrganizationApiKey = CredentialView.Opened(credentials.OrganizationApiKey),
        ApplicationApiKey = CredentialView.Opened(credentials.ApplicationApiKey),
        GatewayApiKey = CredentialView.Opened(credentials.GatewayApiKey),
        WebhookSecret = CredentialView.Opened(credentials.WebhookSecret),
    };
}

/// <summary>
/// One credential: <see cref="State"/> is <c>stored</c> (masked), <c>empty</c>, <c>revealed</c> (with <see cref="Value"/>),
/// <c>withheld</c> (the role may not see it) or <c>unreadable</c> (it did not open; see <see cref="FailureReason"/>).
/// </summary>
internal sealed class CredentialView
{
    public required string State { get; init; }

    public string? LastFour { get; init; }

    /// <summary>The API key's id on TTS (not secret), in a reveal.</summary>
    public string? KeyId { get; init; }

    /// <summary>In a masked view: whether the caller's role may reveal it.</summary>
    public bool? MayReveal { get; init; }

    /// <summary>The secret in plain text: only in a reveal, only when the role may see it.</summary>
    public string? Value { get; init; }

    public string? FailureReason { get; init; }

    public static CredentialView Masked(string? lastFour, bool mayReveal) =>
        new() { State = lastFour is null ? "empty" : "stored", LastFour = lastFour, MayReveal = mayReveal };

    public static CredentialView Opened(StoredCredential credential) => credential switch
    {
        { IsWithheld: true } => new() { State = "withheld", LastFour = credential.LastFour, KeyId = credential.TtsKeyId },
        { Secret.Status: SafeDecryptStatus.Decrypted } => new()
        {
            State = "revealed", LastFour = credential.LastFour, KeyId = credential.TtsKeyId, Value = credential.Secret.Value,
        },
        { Secret.Status: SafeDecryptStatus.Failed } => new()
        {
            State = "unreadable", LastFour = credential.LastFour, KeyId = credential.TtsKeyId,
            FailureReason = credential.Secret.FailureReason.ToString(),
        },
        _ => new() { State = "empty", KeyId = credential.TtsKeyId },
    };
}
