namespace Ttn.Provisioning.AspNetCore.Messages.Parsing;

/// <summary>
/// A well-formed JSON body that is not a usable <c>ApplicationUp</c>. Thrown inside the parser only and turned into
/// a failed <see cref="TtnParseResult"/>; its message names the field and the byte offset, never a value.
/// </summary>
internal sealed class MessageFormatException(string message) : Exception(message)
{
    public static MessageFormatException At(long position, string field, string problem) =>
        new($"{field}: {problem} (at byte {position}).");
}
