namespace Ttn.Provisioning.Storage;

/// <summary>
/// A tenant's settings: whether it is enabled, and which messages The Things Stack sends to its webhook. The webhook's
/// address is not a setting: it stays host configuration (<c>WebhookBaseUrl</c>/tenant id), so a tenant admin cannot
/// point TTS at another host.
/// </summary>
public sealed class TenantSettings
{
    /// <summary>Creates a <see cref="TenantSettings"/>.</summary>
    /// <param name="enabled">Whether the tenant is enabled.</param>
    /// <param name="messages">Which messages TTS sends to the webhook.</param>
    public TenantSettings(bool enabled, WebhookMessageTypes messages)
    {
        Enabled = enabled;
        Messages = messages;
    }

    /// <summary>The settings of a tenant that never changed them: enabled, uplinks and join accepts.</summary>
    public static TenantSettings Default { get; } =
        new(enabled: true, messages: WebhookMessageTypes.Uplink | WebhookMessageTypes.JoinAccept);

    /// <summary>
    /// Whether the tenant is enabled. A disabled tenant's webhook is paused on TTS (no message is delivered), and
    /// operations that would create or replace resources answer <see cref="ProvisioningOutcome.TenantDisabled"/>. A
    /// webhook receiver refuses a disabled tenant's messages by reading this from the tenant's record.
    /// </summary>
    public bool Enabled { get; }

    /// <summary>Which messages TTS sends to the webhook (<see cref="Default"/> has uplinks and join accepts).</summary>
    public WebhookMessageTypes Messages { get; }

    /// <summary>
    /// Whether the tenant is enabled and which messages TTS sends:
    /// <c>TenantSettings { Enabled = True, Messages = Uplink }</c>.
    /// </summary>
    public override string ToString() => $"TenantSettings {{ Enabled = {Enabled}, Messages = {Messages} }}";

    /// <summary>Whether <paramref name="messages"/> is a selection a tenant may have: at least one defined kind, nothing else.</summary>
    internal static bool IsValidSelection(WebhookMessageTypes messages) =>
        messages != WebhookMessageTypes.None && (messages & ~WebhookMessageTypes.All) == WebhookMessageTypes.None;

    /// <summary>Whether <paramref name="other"/> holds the same settings (this type compares by reference otherwise).</summary>
    internal bool SameAs(TenantSettings other) => Enabled == other.Enabled && Messages == other.Messages;
}
