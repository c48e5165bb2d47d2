using System.Text.Json;

namespace Ttn.Provisioning.AspNetCore.Messages.Parsing;

/// <summary>
/// Reads property names in their proto field-name form: proto3 JSON parsers accept both <c>f_port</c> (what TTS
/// writes) and the lowerCamelCase <c>fPort</c>, so a camelCase name is turned into snake_case before the switch.
/// </summary>
internal static class PropertyName
{
    /// <summary>Longer names match no field: they are skipped as unknown.</summary>
    public const int MaxLength = 64;

    /// <summary>
    /// Moves to the next property of the current object and then to its value. Returns false at the end of the
    /// object. The property's snake_case name is the first <paramref name="length"/> characters of
    /// <paramref name="buffer"/>; the length is 0 when the name is too long or not ASCII (no field has such a name).
    /// </summary>
    public static bool Next(ref Utf8JsonReader reader, scoped Span<char> buffer, out int length)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.EndObject)
        {
            length = 0;
            return false;
        }

        length = Normalize(reader, buffer);
        reader.Read();
        return true;
    }

    private static int Normalize(in Utf8JsonReader reader, scoped Span<char> buffer)
    {
        Span<byte> scratch = stackalloc byte[MaxLength];
        if (!ProtoJson.TryGetUtf8(reader, scratch, out var raw))
        {
            return 0;
        }

        var written = 0;
        foreach (var b in raw)
        {
            var upper = b is >= (byte)'A' and <= (byte)'Z';
            var needed = upper && written > 0 ? 2 : 1;
            if (b >= 0x80 || written + needed > buffer.Length)
            {
                return 0;
            }

            if (upper && written > 0)
            {
                buffer[written++] = '_';
            }

            buffer[written++] = (char)(upper ? b | 0x20 : b);
        }

        return written;
    }
}
