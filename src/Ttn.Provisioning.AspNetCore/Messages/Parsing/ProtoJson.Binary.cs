using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Ttn.Provisioning.AspNetCore.Messages.Parsing;

internal static partial class ProtoJson
{
    private const int StackLimit = 256;

    private static readonly SearchValues<byte> HexDigits = SearchValues.Create("0123456789ABCDEFabcdef"u8);

    /// <summary>
    /// A <c>bytes</c> field: standard base64 as TTS writes it; the URL-safe alphabet and missing padding are accepted
    /// too, as proto3 parsers do. Empty when absent.
    /// </summary>
    public static ReadOnlyMemory<byte> ReadBytes(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            throw Fail(ref reader, field, "expected a base64 string");
        }

        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length == 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (length > int.MaxValue / 2)
        {
            throw Fail(ref reader, field, "the value is too long");
        }

        // Text and decoded bytes share one scratch buffer: text first, room for the bytes after it.
        var size = (int)length + Base64.GetMaxDecodedFromUtf8Length((int)length) + 3;
        byte[]? rented = null;
        var scratch = size <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(size));
        try
        {
            var decoded = scratch[(int)length..];
            return TryGetUtf8(reader, scratch[..(int)length], out var text) &&
                TryDecodeBase64(text, decoded, scratch[..(int)length], out var written)
                ? decoded[..written].ToArray()
                : throw Fail(ref reader, field, "expected base64");
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// An EUI or DevAddr (<paramref name="digits"/> hex digits) as upper-case hex; null when absent or empty.
    /// </summary>
    public static string? ReadHex(ref Utf8JsonReader reader, string field, int digits)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        Span<byte> scratch = stackalloc byte[MaxScalarLength];
        if (reader.TokenType != JsonTokenType.String || !TryGetUtf8(reader, scratch, out var text))
        {
            throw Fail(ref reader, field, $"expected {digits} hex digits");
        }

        if (text.IsEmpty)
        {
            return null;
        }

        if (text.Length != digits || text.ContainsAnyExcept(HexDigits))
        {
            throw Fail(ref reader, field, $"expected {digits} hex digits");
        }

        Span<char> hex = stackalloc char[MaxScalarLength];
        for (var i = 0; i < digits; i++)
        {
            hex[i] = char.ToUpperInvariant((char)text[i]);
        }

        return new string(hex[..digits]);
    }

    /// <summary>
    /// Standard base64 first; else the text with <c>-</c>/<c>_</c> for <c>+</c>/<c>/</c> as base64url, which takes
    /// padding or none. <paramref name="work"/> (as long as the text) holds the translated copy.
    /// </summary>
    private static bool TryDecodeBase64(ReadOnlySpan<byte> text, Span<byte> decoded, Span<byte> work, out int written)
    {
        if (Base64.DecodeFromUtf8(text, decoded, out _, out written) == OperationStatus.Done)
        {
            return true;
        }

        var translated = work[..text.Length];
        text.CopyTo(translated);
        translated.Replace((byte)'+', (byte)'-');
        translated.Replace((byte)'/', (byte)'_');
        return Base64Url.DecodeFromUtf8(translated, decoded, out _, out written) == OperationStatus.Done;
    }
}
