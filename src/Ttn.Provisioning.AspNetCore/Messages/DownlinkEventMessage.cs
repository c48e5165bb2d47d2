namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>
/// Something happened to one downlink: match <see cref="DownlinkQueuedMessage"/>, <see cref="DownlinkSentMessage"/>,
/// <see cref="DownlinkAckMessage"/>, <see cref="DownlinkNackMessage"/> or <see cref="DownlinkFailedMessage"/>, or this
/// base for all of them.
/// </summary>
public abstract record DownlinkEventMessage : TtnMessage
{
    private protected DownlinkEventMessage()
    {
    }

    /// <summary>The downlink the event is about.</summary>
    public ApplicationDownlink Downlink { get; init; } = new();
}

/// <summary>The device acknowledged a confirmed downlink (<c>downlink_ack</c>).</summary>
public sealed record DownlinkAckMessage : DownlinkEventMessage
{
    /// <inheritdoc />
    public override TtnMessageKind Kind => TtnMessageKind.DownlinkAck;
}

/// <summary>A confirmed downlink was not acknowledged (<c>downlink_nack</c>); TTS may queue it again.</summary>
public sealed record DownlinkNackMessage : DownlinkEventMessage
{
    /// <inheritdoc />
    public override TtnMessageKind Kind => TtnMessageKind.DownlinkNack;
}

/// <summary>A downlink was handed to a gateway for transmission (<c>downlink_sent</c>).</summary>
public sealed record DownlinkSentMessage : DownlinkEventMessage
{
    /// <inheritdoc />
    public override TtnMessageKind Kind => TtnMessageKind.DownlinkSent;
}

/// <summary>A downlink was added to the device's queue (<c>downlink_queued</c>).</summary>
public sealed record DownlinkQueuedMessage : DownlinkEventMessage
{
    /// <inheritdoc />
    public override TtnMessageKind Kind => TtnMessageKind.DownlinkQueued;
}

/// <summary>A downlink could not be sent (<c>downlink_failed</c>), with TTS's error.</summary>
public sealed record DownlinkFailedMessage : DownlinkEventMessage
{
    /// <inheritdoc />
    public override TtnMessageKind Kind => TtnMessageKind.DownlinkFailed;

    /// <summary>Why the downlink failed, or null when the body did not say.</summary>
    public DownlinkError? Error { get; init; }
}
