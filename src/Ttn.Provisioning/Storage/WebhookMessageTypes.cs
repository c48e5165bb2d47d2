namespace Ttn.Provisioning.Storage;

/// <summary>
/// The kinds of message The Things Stack sends to a tenant's webhook (each is a message field of the webhook; TTS
/// delivers an event only when its field is set). A combination is a selection.
/// </summary>
/// <remarks>Stores keep a selection by the names of its values (<c>Uplink, JoinAccept</c>), never by number.</remarks>
[Flags]
public enum WebhookMessageTypes
{
    /// <summary>No message (an empty selection; not a valid setting).</summary>
    None = 0,

    /// <summary>Uplink messages (<c>uplink_message</c>).</summary>
    Uplink = 1 << 0,

    /// <summary>Normalized uplink payloads (<c>uplink_normalized</c>).</summary>
    NormalizedUplink = 1 << 1,

    /// <summary>Join accepts (<c>join_accept</c>).</summary>
    JoinAccept = 1 << 2,

    /// <summary>Downlink acknowledgements (<c>downlink_ack</c>).</summary>
    DownlinkAck = 1 << 3,

    /// <summary>Downlink negative acknowledgements (<c>downlink_nack</c>).</summary>
    DownlinkNack = 1 << 4,

    /// <summary>Downlinks sent (<c>downlink_sent</c>).</summary>
    DownlinkSent = 1 << 5,

    /// <summary>Downlinks that failed (<c>downlink_failed</c>).</summary>
    DownlinkFailed = 1 << 6,

    /// <summary>Downlinks queued (<c>downlink_queued</c>).</summary>
    DownlinkQueued = 1 << 7,

    /// <summary>Downlink queues invalidated (<c>downlink_queue_invalidated</c>).</summary>
    DownlinkQueueInvalidated = 1 << 8,

    /// <summary>Locations solved (<c>location_solved</c>).</summary>
    LocationSolved = 1 << 9,

    /// <summary>Service data (<c>service_data</c>).</summary>
    ServiceData = 1 << 10,

    /// <summary>Every kind of message.</summary>
    All = (1 << 11) - 1,
}
