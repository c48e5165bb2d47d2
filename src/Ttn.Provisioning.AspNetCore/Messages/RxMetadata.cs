namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>How one gateway antenna received an uplink (an item of <c>rx_metadata</c>).</summary>
public sealed record RxMetadata
{
    /// <summary>The gateway id (<c>gateway_ids.gateway_id</c>; <c>packetbroker</c> for frames from Packet Broker).</summary>
    public string GatewayId { get; init; } = "";

    /// <summary>The gateway EUI, 16 upper-case hex digits, or null when TTS did not send it.</summary>
    public string? GatewayEui { get; init; }

    /// <summary>The antenna of the gateway.</summary>
    public int AntennaIndex { get; init; }

    /// <summary>The gateway channel that received the frame.</summary>
    public int ChannelIndex { get; init; }

    /// <summary>Received signal strength (dBm).</summary>
    public float Rssi { get; init; }

    /// <summary>Received signal strength of the channel (dBm).</summary>
    public float ChannelRssi { get; init; }

    /// <summary>Signal-to-noise ratio (dB).</summary>
    public float Snr { get; init; }

    /// <summary>The gateway's concentrator timestamp at the end of reception (microseconds, wraps at 2^32).</summary>
    public long Timestamp { get; init; }

    /// <summary>The gateway's time at the end of reception (accuracy undefined), or null.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>The gateway's GPS time at the end of reception (1 ms accuracy), or null.</summary>
    public DateTimeOffset? GpsTime { get; init; }

    /// <summary>When the Gateway Server received the frame, or null.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>The antenna's location (only for gateways whose location is public), or null.</summary>
    public Location? Location { get; init; }
}
