using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Webhooks;

/// <summary>
/// Whether an authentic webhook delivery for a tenant is to be dropped rather than handled: the seam for tenant settings.
/// </summary>
/// <remarks>
/// The verifier asks this once per store read, never per request; its answer is part of what the verifier compares to
/// notice a change (so switching a tenant off or on reaches every host within the verifier's bound, like a rotation).
/// A tenant is disabled by its settings (<see cref="TenantRecord.Settings"/>, <see cref="TenantSettings.Enabled"/> false,
/// set by <c>UpdateSettingsAsync</c>); TTS has paused its webhook by then, so deliveries that still arrive are ones sent
/// before the pause, or retried.
/// </remarks>
internal static class WebhookDeliveryPolicy
{
    /// <summary>Whether the tenant's deliveries are dropped (answered <see cref="WebhookVerificationOutcome.TenantDisabled"/>).</summary>
    /// <param name="record">The tenant's record, as just read from the store.</param>
    public static bool IsDisabled(TenantRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return !record.Settings.Enabled;
    }
}
