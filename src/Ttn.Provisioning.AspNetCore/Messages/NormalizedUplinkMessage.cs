using System.Text.Json;

namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>
/// One item of an uplink's normalized payload (<c>uplink_normalized</c>): TTS sends one such message per item,
/// each with the frame's metadata, so several may share one <see cref="UplinkMessageBase.FCnt"/>.
/// </summary>
public sealed record NormalizedUplinkMessage : UplinkMessageBase
{
    /// <inheritdoc />
    public override TtnMessageKind Kind => TtnMessageKind.NormalizedUplink;

    /// <summary>The normalized measurement (an object such as <c>{"air":{"temperature":21.5}}</c>), or null.</summary>
    public JsonElement? NormalizedPayload { get; init; }

    /// <summary>Warnings of the normalizer; empty when none.</summary>
    public IReadOnlyList<string> NormalizedPayloadWarnings { get; init; } = [];
}
