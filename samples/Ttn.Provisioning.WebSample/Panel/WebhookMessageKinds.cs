using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.WebSample.Panel;

/// <summary>The message kinds a tenant's webhook can receive, as the settings form lists them.</summary>
public static class WebhookMessageKinds
{
    /// <summary>Every single kind, in the order TTS's console lists them.</summary>
    public static IReadOnlyList<WebhookMessageTypes> All { get; } =
        [.. Enum.GetValues<WebhookMessageTypes>().Where(k => k is not WebhookMessageTypes.None and not WebhookMessageTypes.All)];

    /// <summary>The kind in words.</summary>
    public static string Describe(WebhookMessageTypes kind) => kind switch
    {
        WebhookMessageTypes.Uplink => "Uplink message",
        WebhookMessageTypes.NormalizedUplink => "Normalized uplink",
        WebhookMessageTypes.JoinAccept => "Join accept",
        WebhookMessageTypes.DownlinkAck => "Downlink ack",
        WebhookMessageTypes.DownlinkNack => "Downlink nack",
        WebhookMessageTypes.DownlinkSent => "Downlink sent",
        WebhookMessageTypes.DownlinkFailed => "Downlink failed",
        WebhookMessageTypes.DownlinkQueued => "Downlink queued",
        WebhookMessageTypes.DownlinkQueueInvalidated => "Downlink queue invalidated",
        WebhookMessageTypes.LocationSolved => "Location solved",
        WebhookMessageTypes.ServiceData => "Service data",
        _ => kind.ToString(),
    };
}
