using System.Globalization;
using System.Text.Json;

namespace Ttn.Provisioning.AspNetCore.Messages.Parsing;

/// <summary>A name an enum value may be written as, in UTF-8.</summary>
internal readonly record struct EnumName(byte[] Utf8, int Value);

internal static partial class ProtoJson
{
    private const NumberStyles IntegerStyle = NumberStyles.AllowLeadingSign;
    private const NumberStyles RealStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint |
        NumberStyles.AllowExponent;

    /// <summary>2^63: the first double above <see cref="long.MaxValue"/>.</summary>
    private const double TwoPow63 = 9223372036854775808d;

    /// <summary>
    /// A 32- or 64-bit integer: a JSON number or, as proto3 writes 64-bit values, a string; an integral value written
    /// with a fraction or an exponent (<c>1e3</c>, <c>2.0</c>) is accepted as proto3 parsers do.
    /// </summary>
    public static long ReadInt64(ref Utf8JsonReader reader, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return 0;
            case JsonTokenType.Number when reader.TryGetInt64(out var number):
                return number;
            case JsonTokenType.Number or JsonTokenType.String:
                break;
            default:
                throw Fail(ref reader, field, "expected an integer");
        }

        Span<byte> scratch = stackalloc byte[MaxScalarLength];
        if (TryGetUtf8(reader, scratch, out var text))
        {
            if (long.TryParse(text, IntegerStyle, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            if (double.TryParse(text, RealStyle, CultureInfo.InvariantCulture, out var real) &&
                real == Math.Floor(real) && real >= -TwoPow63 && real < TwoPow63)
            {
                return (long)real;
            }
        }

        throw Fail(ref reader, field, "expected an integer within 64 bits");
    }

    public static int ReadInt32(ref Utf8JsonReader reader, string field)
    {
        var value = ReadInt64(ref reader, field);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw Fail(ref reader, field, "expected an integer within 32 bits");
    }

    /// <summary>A double: a JSON number, or a string holding one or <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return 0;
            case JsonTokenType.Number:
                return reader.TryGetDouble(out var number)
                    ? number
                    : throw Fail(ref reader, field, "the number is out of range");
            case JsonTokenType.String:
                Span<byte> scratch = stackalloc byte[MaxScalarLength];
                return TryGetUtf8(reader, scratch, out var text) &&
                    double.TryParse(text, RealStyle, CultureInfo.InvariantCulture, out var value)
                        ? value
                        : throw Fail(ref reader, field, "expected a number");
            default:
                throw Fail(ref reader, field, "expected a number");
        }
    }

    public static float ReadSingle(ref Utf8JsonReader reader, string field)
    {
        var value = ReadDouble(ref reader, field);
        var single = (float)value;
        return float.IsInfinity(single) && double.IsFinite(value)
            ? throw Fail(ref reader, field, "the number is out of range")
            : single;
    }

    /// <summary>
    /// An enum: its name as a string, or its number. A name not in <paramref name="names"/> reads as 0 (a newer TTS
    /// may add values); a number is kept as it is.
    /// </summary>
    public static int ReadEnum(ref Utf8JsonReader reader, string field, ReadOnlySpan<EnumName> names)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return reader.TokenType is JsonTokenType.Number or JsonTokenType.Null
                ? ReadInt32(ref reader, field)
                : throw Fail(ref reader, field, "expected an enum name or number");
        }

        Span<byte> scratch = stackalloc byte[MaxScalarLength];
        if (!TryGetUtf8(reader, scratch, out var text))
        {
            return 0; // longer than any name, or not valid text: not a name this version knows
        }

        foreach (var name in names)
        {
            if (text.SequenceEqual(name.Utf8))
            {
                return name.Value;
            }
        }

        return 0;
    }
}
