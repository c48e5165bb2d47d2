using System.Collections.ObjectModel;
using Ttn.Provisioning.AspNetCore.Messages.Parsing;

namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>
/// What a data uplink and each of its normalized items share: the frame, how and where it was received, and what
/// the Application Server knows about the device. Match <see cref="UplinkMessage"/> or
/// <see cref="NormalizedUplinkMessage"/>; this base only spares handlers that read both a second switch arm.
/// </summary>
public abstract record UplinkMessageBase : TtnMessage
{
    private UplinkFrame _frame;

    private protected UplinkMessageBase()
    {
    }

    /// <summary>The LoRaWAN FPort (0 when absent: proto3 omits defaults).</summary>
    public int FPort { get => _frame.FPort; init => _frame.FPort = value; }

    /// <summary>The LoRaWAN FCntUp.</summary>
    public long FCnt { get => _frame.FCnt; init => _frame.FCnt = value; }

    /// <summary>The frame payload (decrypted by TTS unless the device skips payload crypto); empty when absent.</summary>
    public ReadOnlyMemory<byte> FrmPayload { get => _frame.FrmPayload; init => _frame.FrmPayload = value; }

    /// <summary>
    /// The Join Server's identifier of the session keys; it changes when the device joins again, so together with
    /// <see cref="FCnt"/> it identifies a frame. Empty when absent (simulated uplinks have none).
    /// </summary>
    public ReadOnlyMemory<byte> SessionKeyId { get => _frame.SessionKeyId; init => _frame.SessionKeyId = value; }

    /// <summary>One entry per gateway antenna that received the frame, in TTS's order; empty when absent.</summary>
    public IReadOnlyList<RxMetadata> RxMetadata { get => _frame.RxMetadata ?? []; init => _frame.RxMetadata = value; }

    /// <summary>How the device transmitted (data rate, frequency), or null when absent.</summary>
    public TxSettings? Settings { get => _frame.Settings; init => _frame.Settings = value; }

    /// <summary>When the Network Server received the frame (the uplink's own <c>received_at</c>), or null.</summary>
    public DateTimeOffset? NetworkReceivedAt { get => _frame.NetworkReceivedAt; init => _frame.NetworkReceivedAt = value; }

    /// <summary>True when the device sent a confirmed uplink.</summary>
    public bool Confirmed { get => _frame.Confirmed; init => _frame.Confirmed = value; }

    /// <summary>Time on air computed by the Network Server (<c>consumed_airtime</c>), or null when absent.</summary>
    public TimeSpan? ConsumedAirtime { get => _frame.ConsumedAirtime; init => _frame.ConsumedAirtime = value; }

    /// <summary>The device's locations known to the Application Server, by service name (<c>user</c>, …).</summary>
    public IReadOnlyDictionary<string, Location> Locations
    {
        get => _frame.Locations ?? ReadOnlyDictionary<string, Location>.Empty;
        init => _frame.Locations = value;
    }

    /// <summary>The device's brand, model and band (<c>version_ids</c>), or null when absent.</summary>
    public VersionIds? VersionIds { get => _frame.VersionIds; init => _frame.VersionIds = value; }

    /// <summary>The network that handled the frame (<c>network_ids</c>), or null when absent.</summary>
    public NetworkIds? NetworkIds { get => _frame.NetworkIds; init => _frame.NetworkIds = value; }

    /// <summary>Sets the shared fields, read before the kind-specific record could be created.</summary>
    internal void SetFrame(in UplinkFrame frame) => _frame = frame;
}
