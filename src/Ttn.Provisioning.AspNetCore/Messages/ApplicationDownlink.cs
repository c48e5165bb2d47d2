using System.Text.Json;

namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>A downlink as TTS reports it in downlink events (<c>ApplicationDownlink</c>).</summary>
public sealed record ApplicationDownlink
{
    /// <summary>The LoRaWAN FPort.</summary>
    public int FPort { get; init; }

    /// <summary>The downlink frame counter (set once the Network Server has assigned it).</summary>
    public long FCnt { get; init; }

    /// <summary>The frame payload; empty when absent.</summary>
    public ReadOnlyMemory<byte> FrmPayload { get; init; }

    /// <summary>The payload as the downlink formatter decoded (or was given) it, or null.</summary>
    public JsonElement? DecodedPayload { get; init; }

    /// <summary>True for a confirmed downlink.</summary>
    public bool Confirmed { get; init; }

    /// <summary>The scheduling priority (absent means <see cref="DownlinkPriority.Lowest"/>, proto3's default).</summary>
    public DownlinkPriority Priority { get; init; }

    /// <summary>The downlink's own correlation ids (those given when it was scheduled, plus TTS's); empty when none.</summary>
    public IReadOnlyList<string> CorrelationIds { get; init; } = [];
}
