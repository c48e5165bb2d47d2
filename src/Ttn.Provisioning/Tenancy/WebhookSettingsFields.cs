using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Tenancy;

/// <summary>
/// How a tenant's settings look on its webhook: <c>paused</c> for a disabled tenant, and one message field per kind of
/// message selected (a field absent from the body but named in the mask is cleared, so TTS stops sending that kind).
/// </summary>
internal static class WebhookSettingsFields
{
    /// <summary>Each kind of message and its field on the webhook.</summary>
    public static IReadOnlyList<(WebhookMessageTypes Type, string Field)> Messages { get; } =
    [
        (WebhookMessageTypes.Uplink, "uplink_message"),
        (WebhookMessageTypes.NormalizedUplink, "uplink_normalized"),
        (WebhookMessageTypes.JoinAccept, "join_accept"),
        (WebhookMessageTypes.DownlinkAck, "downlink_ack"),
        (WebhookMessageTypes.DownlinkNack, "downlink_nack"),
        (WebhookMessageTypes.DownlinkSent, "downlink_sent"),
        (WebhookMessageTypes.DownlinkFailed, "downlink_failed"),
        (WebhookMessageTypes.DownlinkQueued, "downlink_queued"),
        (WebhookMessageTypes.DownlinkQueueInvalidated, "downlink_queue_invalidated"),
        (WebhookMessageTypes.LocationSolved, "location_solved"),
        (WebhookMessageTypes.ServiceData, "service_data"),
    ];

    /// <summary>The field mask that sets every setting: <c>paused</c> and every message field.</summary>
    public static IReadOnlyCollection<string> Mask { get; } = ["paused", .. Messages.Select(m => m.Field)];

    /// <summary>The webhook with the settings' <c>paused</c> and message fields (each selected kind posts to the base URL).</summary>
    public static Webhook Apply(Webhook webhook, TenantSettings settings)
    {
        WebhookMessage? Selected(WebhookMessageTypes type) =>
            settings.Messages.HasFlag(type) ? new WebhookMessage(string.Empty) : null;

        return webhook with
        {
            Paused = !settings.Enabled,
            UplinkMessage = Selected(WebhookMessageTypes.Uplink),
            UplinkNormalized = Selected(WebhookMessageTypes.NormalizedUplink),
            JoinAccept = Selected(WebhookMessageTypes.JoinAccept),
            DownlinkAck = Selected(WebhookMessageTypes.DownlinkAck),
            DownlinkNack = Selected(WebhookMessageTypes.DownlinkNack),
            DownlinkSent = Selected(WebhookMessageTypes.DownlinkSent),
            DownlinkFailed = Selected(WebhookMessageTypes.DownlinkFailed),
            DownlinkQueued = Selected(WebhookMessageTypes.DownlinkQueued),
            DownlinkQueueInvalidated = Selected(WebhookMessageTypes.DownlinkQueueInvalidated),
            LocationSolved = Selected(WebhookMessageTypes.LocationSolved),
            ServiceData = Selected(WebhookMessageTypes.ServiceData),
        };
    }

    /// <summary>The kinds of message a webhook (as TTS returned it, with the message fields in its mask) sends.</summary>
    public static WebhookMessageTypes Of(Webhook webhook)
    {
        var fields = new (WebhookMessageTypes Type, WebhookMessage? Message)[]
        {
            (WebhookMessageTypes.Uplink, webhook.UplinkMessage),
            (WebhookMessageTypes.NormalizedUplink, webhook.UplinkNormalized),
            (WebhookMessageTypes.JoinAccept, webhook.JoinAccept),
            (WebhookMessageTypes.DownlinkAck, webhook.DownlinkAck),
            (WebhookMessageTypes.DownlinkNack, webhook.DownlinkNack),
            (WebhookMessageTypes.DownlinkSent, webhook.DownlinkSent),
            (WebhookMessageTypes.DownlinkFailed, webhook.DownlinkFailed),
            (WebhookMessageTypes.DownlinkQueued, webhook.DownlinkQueued),
            (WebhookMessageTypes.DownlinkQueueInvalidated, webhook.DownlinkQueueInvalidated),
            (WebhookMessageTypes.LocationSolved, webhook.LocationSolved),
            (WebhookMessageTypes.ServiceData, webhook.ServiceData),
        };
        return fields.Where(f => f.Message is not null).Aggregate(WebhookMessageTypes.None, (all, f) => all | f.Type);
    }
}
