using System.Collections.ObjectModel;
using System.Text.Json;

namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>A data uplink (<c>uplink_message</c>): the frame, its decoded payload and its radio metadata.</summary>
public sealed record UplinkMessage : UplinkMessageBase
{
    /// <inheritdoc />
    public override TtnMessageKind Kind => TtnMessageKind.Uplink;

    /// <summary>
    /// What the payload formatter made of <see cref="UplinkMessageBase.FrmPayload"/> (usually an object), or null
    /// when no formatter ran or the webhook's field mask removed it. The element stays valid after parsing.
    /// </summary>
    public JsonElement? DecodedPayload { get; init; }

    /// <summary>Warnings of the payload formatter; empty when none.</summary>
    public IReadOnlyList<string> DecodedPayloadWarnings { get; init; } = [];

    /// <summary>The normalized payload (a JSON array of measurement objects), or null when not normalized.</summary>
    public JsonElement? NormalizedPayload { get; init; }

    /// <summary>The device's attributes (key-value pairs set on the device, TTS 3.34 and later); empty when none.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = ReadOnlyDictionary<string, string>.Empty;
}
