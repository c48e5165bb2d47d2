namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>
/// What a <see cref="TtnMessage"/> carries: the member of The Things Stack's <c>ApplicationUp</c> that was set.
/// </summary>
public enum TtnMessageKind
{
    /// <summary>A kind this version does not know (<see cref="UnknownMessage"/>): delivered, not refused.</summary>
    Unknown = 0,

    /// <summary><c>uplink_message</c>: a data uplink (<see cref="UplinkMessage"/>).</summary>
    Uplink,

    /// <summary><c>uplink_normalized</c>: one item of an uplink's normalized payload (<see cref="NormalizedUplinkMessage"/>).</summary>
    NormalizedUplink,

    /// <summary><c>join_accept</c>: the device joined (<see cref="JoinAcceptMessage"/>).</summary>
    JoinAccept,

    /// <summary><c>downlink_ack</c>: the device acknowledged a confirmed downlink (<see cref="DownlinkAckMessage"/>).</summary>
    DownlinkAck,

    /// <summary><c>downlink_nack</c>: a confirmed downlink was not acknowledged (<see cref="DownlinkNackMessage"/>).</summary>
    DownlinkNack,

    /// <summary><c>downlink_sent</c>: a downlink was sent to a gateway (<see cref="DownlinkSentMessage"/>).</summary>
    DownlinkSent,

    /// <summary><c>downlink_failed</c>: a downlink could not be sent (<see cref="DownlinkFailedMessage"/>).</summary>
    DownlinkFailed,

    /// <summary><c>downlink_queued</c>: a downlink was added to the queue (<see cref="DownlinkQueuedMessage"/>).</summary>
    DownlinkQueued,

    /// <summary><c>downlink_queue_invalidated</c>: queued downlinks were dropped (<see cref="DownlinkQueueInvalidatedMessage"/>).</summary>
    DownlinkQueueInvalidated,

    /// <summary><c>location_solved</c>: a location service solved the device's position (<see cref="LocationSolvedMessage"/>).</summary>
    LocationSolved,

    /// <summary><c>service_data</c>: data from an application package (<see cref="ServiceDataMessage"/>).</summary>
    ServiceData,
}
