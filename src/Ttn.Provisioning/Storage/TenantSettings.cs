namespace Ttn.Provisioning.Storage;

/// <summary>
/// A tenant's settings: whether it is enabled, and which messages The Things Stack sends to its webhook. The webhook's
/// address is not a setting: it stays host configuration (<c>WebhookBaseUrl</c>/tenant id), so a tenant admin cannot
/// point TTS at another host.
/// </summary>
public sealed record TenantSettings
{
    /// <summary>The settings of a tenant that never changed them: enabled, uplinks and join accepts.</summary>
    public static TenantSettings Default { get; } = new();

    /// <summary>
    /// Whether the tenant is enabled. A disabled tenant's webhook is paused on TTS (no message is delivered), and
    /// operations that would create or replace resources answer <see cref="ProvisioningOutcome.TenantDisabled"/>. A
    /// webhook receiver refuses a disabled tenant's messages by reading this from the tenant's record.
    /// </summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Which messages TTS sends to the webhook. Defaults to uplinks and join accepts.</summary>
    public WebhookMessageTypes Messages { get; init; } = WebhookMessageTypes.Uplink | WebhookMessageTypes.JoinAccept;

    /// <summary>Whether <paramref name="messages"/> is a selection a tenant may have: at least one defined kind, nothing else.</summary>
    /// <param name="messages">The selection.</param>
    /// <returns><see langword="true"/> when valid.</returns>
    public static bool IsValidSelection(WebhookMessageTypes messages) =>
        messages != WebhookMessageTypes.None && (messages & ~WebhookMessageTypes.All) == WebhookMessageTypes.None;
}
