namespace Ttn.Provisioning.Webhooks;

/// <summary>What the <see cref="WebhookVerifier"/> made of a secret presented for a tenant.</summary>
internal enum WebhookVerificationOutcome
{
    /// <summary>
    /// The secret is not the tenant's, or there is no such tenant, or either input is malformed: the same answer for
    /// each, so a caller cannot tell them apart.
    /// </summary>
    Rejected = 0,

    /// <summary>The secret is the tenant's secret in force, the one being rotated in, or the one rotated out within its grace.</summary>
    Accepted,

    /// <summary>
    /// The secret is the tenant's, but the tenant is disabled: the delivery is authentic and is to be dropped, not handled.
    /// Produced only where <see cref="WebhookDeliveryPolicy.IsDisabled"/> says so.
    /// </summary>
    TenantDisabled,
}

/// <summary>The verifier's answer: the outcome, and for an authentic delivery the tenant's application on The Things Stack.</summary>
/// <param name="Outcome">What the secret is.</param>
/// <param name="ApplicationId">
/// The tenant's application id when the secret is the tenant's (a receiver may refuse a message about another application);
/// null when rejected, or when the tenant has no application.
/// </param>
internal readonly record struct WebhookVerification(WebhookVerificationOutcome Outcome, string? ApplicationId)
{
    /// <summary>The answer to every secret that is not the tenant's.</summary>
    public static WebhookVerification Rejected => default;

    /// <summary>Whether the secret is the tenant's (whether or not the tenant is disabled).</summary>
    public bool IsAuthentic => Outcome != WebhookVerificationOutcome.Rejected;
}
