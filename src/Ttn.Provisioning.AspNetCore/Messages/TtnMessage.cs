using Ttn.Provisioning.AspNetCore.Messages.Parsing;

namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>
/// One message The Things Stack pushes to an application (its <c>ApplicationUp</c>): the envelope every kind shares,
/// and one subclass per kind to pattern-match on (<see cref="UplinkMessage"/>, <see cref="JoinAcceptMessage"/>,
/// <see cref="DownlinkEventMessage"/> and its subclasses, ..., <see cref="UnknownMessage"/>).
/// </summary>
/// <remarks>
/// Proto3 JSON omits fields at their default value, so a number that is absent reads as 0 and a flag as false;
/// timestamps and nested objects that are absent read as null. Timestamps keep 100 ns precision (TTS sends up to
/// nanoseconds; the rest is truncated).
/// </remarks>
public abstract record TtnMessage
{
    private EndDeviceIds _endDevice = new();
    private IReadOnlyList<string> _correlationIds = [];
    private DateTimeOffset? _receivedAt;
    private bool _simulated;

    private protected TtnMessage()
    {
    }

    /// <summary>Which kind of message this is; each kind has its own subclass.</summary>
    public abstract TtnMessageKind Kind { get; }

    /// <summary>The device the message is about.</summary>
    public EndDeviceIds EndDevice { get => _endDevice; init => _endDevice = value; }

    /// <summary>
    /// TTS's correlation ids of the message (<c>as:up:…</c>, <c>ns:uplink:…</c>, …): the same delivery carries the
    /// same ids, so a handler can de-duplicate on them (see <see cref="TtnMessageDeduplicator"/>).
    /// </summary>
    public IReadOnlyList<string> CorrelationIds { get => _correlationIds; init => _correlationIds = value; }

    /// <summary>When the Application Server received the message (<c>received_at</c>), or null when absent.</summary>
    public DateTimeOffset? ReceivedAt { get => _receivedAt; init => _receivedAt = value; }

    /// <summary>True when the message was simulated (console or <c>up/simulate</c>), not received from a device.</summary>
    public bool Simulated { get => _simulated; init => _simulated = value; }

    /// <summary>Sets the envelope once the whole body is read (its fields may follow the message kind's field).</summary>
    internal void SetEnvelope(in Envelope envelope)
    {
        _endDevice = envelope.EndDevice;
        _correlationIds = envelope.CorrelationIds;
        _receivedAt = envelope.ReceivedAt;
        _simulated = envelope.Simulated;
    }
}
