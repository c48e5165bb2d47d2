using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Webhooks;

/// <summary>
/// Whether an authentic webhook delivery for a tenant is to be dropped rather than handled: the seam for tenant settings.
/// </summary>
/// <remarks>
/// The verifier asks this once per store read, never per request; its answer is part of what the verifier compares to
/// notice a change (so switching a tenant off or on reaches every host within the verifier's bound, like a rotation).
/// Today no tenant is disabled. Tenant settings with an <c>enabled</c> flag (issue 11) are read here: when they live on
/// <see cref="TenantRecord"/>, this method returns the negation of that flag; nothing else in the verifier changes.
/// </remarks>
internal static class WebhookDeliveryPolicy
{
    /// <summary>Whether the tenant's deliveries are dropped (answered <see cref="WebhookVerificationOutcome.TenantDisabled"/>).</summary>
    /// <param name="record">The tenant's record, as just read from the store.</param>
    public static bool IsDisabled(TenantRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return false;
    }
}
