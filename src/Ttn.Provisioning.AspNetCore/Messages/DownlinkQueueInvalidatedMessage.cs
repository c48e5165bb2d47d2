namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>
/// Queued downlinks were invalidated (<c>downlink_queue_invalidated</c>), for example because their frame counters
/// no longer fit the session; the application may schedule them again.
/// </summary>
public sealed record DownlinkQueueInvalidatedMessage : TtnMessage
{
    /// <inheritdoc />
    public override TtnMessageKind Kind => TtnMessageKind.DownlinkQueueInvalidated;

    /// <summary>The downlinks that were dropped from the queue; empty when the body listed none.</summary>
    public IReadOnlyList<ApplicationDownlink> Downlinks { get; init; } = [];

    /// <summary>The last downlink frame counter of the session.</summary>
    public long LastFCntDown { get; init; }
}
