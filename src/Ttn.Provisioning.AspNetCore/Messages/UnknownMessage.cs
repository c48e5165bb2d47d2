using System.Text;
using System.Text.Json;

namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>
/// A message of a kind this version does not know (a newer TTS): delivered with its raw JSON rather than refused,
/// so a handler can log it, store it, or read it itself.
/// </summary>
public sealed record UnknownMessage : TtnMessage
{
    /// <inheritdoc />
    public override TtnMessageKind Kind => TtnMessageKind.Unknown;

    /// <summary>
    /// The name of the body's field that holds the message (the first object-valued field the parser does not
    /// know, in proto field-name form such as <c>uplink_something</c>).
    /// </summary>
    public string KindName { get; init; } = "";

    /// <summary>The whole body (the <c>ApplicationUp</c> object), valid after parsing.</summary>
    public JsonElement Body { get; init; }

    /// <summary>
    /// Prints the envelope and the kind's name but not the body: a kind this version does not know may carry a key
    /// (as <c>join_accept</c> and <c>uplink_message</c> can), and <see cref="object.ToString"/> reaches logs.
    /// </summary>
    /// <param name="builder">Where the members are written.</param>
    protected override bool PrintMembers(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.PrintMembers(builder);
        builder.Append(", KindName = ").Append(KindName).Append(", Body = (not printed)");
        return true;
    }
}
