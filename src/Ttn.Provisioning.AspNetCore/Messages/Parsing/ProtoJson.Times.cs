using System.Globalization;
using System.Text.Json;

namespace Ttn.Provisioning.AspNetCore.Messages.Parsing;

internal static partial class ProtoJson
{
    /// <summary>Digits of a fraction of a second that a tick (100 ns) can hold.</summary>
    private const int TickDigits = 7;

    /// <summary>proto3's Duration range: ±315,576,000,000 seconds (10,000 years), 12 digits.</summary>
    private const long MaxDurationSeconds = 315_576_000_000;

    /// <summary>
    /// An RFC 3339 timestamp with <c>Z</c> or an offset and up to nanoseconds (kept to 100 ns). Lower-case
    /// <c>t</c>/<c>z</c> and a missing offset (read as UTC) are accepted too; null when absent.
    /// </summary>
    public static DateTimeOffset? ReadTimestamp(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Span<byte> scratch = stackalloc byte[MaxScalarLength];
        if (reader.TokenType != JsonTokenType.String || !TryGetUtf8(reader, scratch, out var text))
        {
            throw Fail(ref reader, field, "expected an RFC 3339 timestamp");
        }

        if (HasOffset(text) && reader.TryGetDateTimeOffset(out var value))
        {
            return value;
        }

        return TryParseLenient(text, out value) ? value : throw Fail(ref reader, field, "expected an RFC 3339 timestamp");
    }

    /// <summary>
    /// A proto3 Duration: a string of seconds with up to 9 fraction digits and an <c>s</c> suffix
    /// (<c>"0.370688s"</c>), kept to 100 ns; a plain number of seconds is accepted too. Null when absent.
    /// </summary>
    public static TimeSpan? ReadDuration(ref Utf8JsonReader reader, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                var seconds = ReadDouble(ref reader, field);
                return Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds
                    ? TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond))
                    : throw Fail(ref reader, field, "the duration is out of range");
            case JsonTokenType.String:
                Span<byte> scratch = stackalloc byte[MaxScalarLength];
                return TryGetUtf8(reader, scratch, out var text) && TryParseDuration(text, out var duration)
                    ? duration
                    : throw Fail(ref reader, field, "expected a duration such as \"0.370688s\"");
            default:
                throw Fail(ref reader, field, "expected a duration such as \"0.370688s\"");
        }
    }

    private static bool HasOffset(ReadOnlySpan<byte> text) =>
        text.EndsWith("Z"u8) || (text.Length > 6 && text[^6] is (byte)'+' or (byte)'-' && text[^3] == (byte)':');

    /// <summary>Upper-cases the text, cuts the fraction to 7 digits and parses it, reading no offset as UTC.</summary>
    private static bool TryParseLenient(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        Span<char> chars = stackalloc char[MaxScalarLength];
        var written = 0;
        var fractionDigits = -1;
        foreach (var b in text)
        {
            var c = char.ToUpperInvariant((char)b);
            fractionDigits = c == '.' ? 0 : char.IsAsciiDigit(c) && fractionDigits >= 0 ? fractionDigits + 1 : -1;
            if (fractionDigits <= TickDigits && written < chars.Length)
            {
                chars[written++] = c;
            }
        }

        return DateTimeOffset.TryParse(
            chars[..written], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }

    private static bool TryParseDuration(ReadOnlySpan<byte> text, out TimeSpan duration)
    {
        duration = default;
        if (text.Length < 2 || text[^1] != (byte)'s')
        {
            return false;
        }

        var negative = text[0] == (byte)'-';
        var number = text[(negative ? 1 : 0)..^1];
        var dot = number.IndexOf((byte)'.');
        var whole = dot < 0 ? number : number[..dot];
        var fraction = dot < 0 ? [] : number[(dot + 1)..];
        if (whole.IsEmpty || whole.Length > 12 || fraction.Length > 9 || (dot >= 0 && fraction.IsEmpty) ||
            whole.ContainsAnyExceptInRange((byte)'0', (byte)'9') || fraction.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }

        var seconds = 0L;
        foreach (var digit in whole)
        {
            seconds = (seconds * 10) + (digit - '0');
        }

        if (seconds > MaxDurationSeconds)
        {
            return false;
        }

        var ticks = seconds * TimeSpan.TicksPerSecond;
        var scale = TimeSpan.TicksPerSecond;
        foreach (var digit in fraction[..Math.Min(fraction.Length, TickDigits)])
        {
            scale /= 10;
            ticks += (digit - '0') * scale;
        }

        duration = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }
}
