using System.Collections.ObjectModel;

namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>
/// The device joined (<c>join_accept</c>): a new session. The session key itself is never read into the message.
/// </summary>
public sealed record JoinAcceptMessage : TtnMessage
{
    /// <inheritdoc />
    public override TtnMessageKind Kind => TtnMessageKind.JoinAccept;

    /// <summary>The Join Server's identifier of the new session keys; empty when absent.</summary>
    public ReadOnlyMemory<byte> SessionKeyId { get; init; }

    /// <summary>True when the accept answers a rejoin and the session is still pending.</summary>
    public bool PendingSession { get; init; }

    /// <summary>When the Network Server received the join request, or null.</summary>
    public DateTimeOffset? NetworkReceivedAt { get; init; }

    /// <summary>Queued downlinks that the session change invalidated; empty when none.</summary>
    public IReadOnlyList<ApplicationDownlink> InvalidatedDownlinks { get; init; } = [];

    /// <summary>The device's attributes (TTS 3.34 and later); empty when none.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = ReadOnlyDictionary<string, string>.Empty;
}
