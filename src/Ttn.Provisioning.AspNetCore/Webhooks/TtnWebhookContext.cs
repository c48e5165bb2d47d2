using Ttn.Provisioning.AspNetCore.Messages;

namespace Ttn.Provisioning.AspNetCore.Webhooks;

/// <summary>
/// One message pushed by The Things Stack for a tenant: the tenant (authenticated by its webhook secret), the parsed message,
/// and, when the webhook has a downlink API key, what The Things Stack sends to schedule downlinks back.
/// </summary>
public sealed class TtnWebhookContext
{
    /// <summary>A context (for hosts' tests of their handlers).</summary>
    /// <param name="tenantId">The tenant whose webhook secret the delivery carried.</param>
    /// <param name="message">The message.</param>
    /// <param name="downlinkApiKey">The <c>X-Downlink-Apikey</c> header, when sent.</param>
    /// <param name="downlinkPushUrl">The <c>X-Downlink-Push</c> header, when sent.</param>
    /// <param name="downlinkReplaceUrl">The <c>X-Downlink-Replace</c> header, when sent.</param>
    /// <exception cref="ArgumentException">The tenant id is null or empty.</exception>
    /// <exception cref="ArgumentNullException">The message is null.</exception>
    public TtnWebhookContext(
        string tenantId,
        TtnMessage message,
        TtnDownlinkApiKey? downlinkApiKey = null,
        Uri? downlinkPushUrl = null,
        Uri? downlinkReplaceUrl = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentNullException.ThrowIfNull(message);
        TenantId = tenantId;
        Message = message;
        DownlinkApiKey = downlinkApiKey;
        DownlinkPushUrl = downlinkPushUrl;
        DownlinkReplaceUrl = downlinkReplaceUrl;
    }

    /// <summary>
    /// The tenant, from the URL and authenticated by the tenant's webhook secret. Trust it, not ids inside the message: the
    /// receiver refuses a message about another application than the tenant's, but only this id is authenticated.
    /// </summary>
    public string TenantId { get; }

    /// <summary>The message (an <see cref="UnknownMessage"/> for a kind this version does not know).</summary>
    public TtnMessage Message { get; }

    /// <summary>
    /// The API key The Things Stack sends for scheduling downlinks through this webhook (<c>X-Downlink-Apikey</c>), or null.
    /// A secret: it prints as its last four characters at most.
    /// </summary>
    public TtnDownlinkApiKey? DownlinkApiKey { get; }

    /// <summary>Where to push downlinks for this device (<c>X-Downlink-Push</c>), or null.</summary>
    public Uri? DownlinkPushUrl { get; }

    /// <summary>Where to replace this device's downlink queue (<c>X-Downlink-Replace</c>), or null.</summary>
    public Uri? DownlinkReplaceUrl { get; }

    /// <summary>The message kind and the tenant; never the downlink key.</summary>
    public override string ToString() => $"{Message.Kind} for tenant {TenantId}";
}
