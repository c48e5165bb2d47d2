using System.Buffers;
using System.Buffers.Text;

namespace Ttn.Provisioning.Secrets;

/// <summary>
/// The text form of a sealed secret: <c>ttn1.&lt;keyId&gt;.&lt;base64url(nonce | ciphertext | tag)&gt;</c>,
/// unpadded base64url, AES-256-GCM with a 96-bit nonce and a 128-bit tag.
/// </summary>
internal static class SecretToken
{
    public const string Prefix = "ttn1.";
    public const string FormatName = "ttn1";
    public const int NonceSize = 12;
    public const int TagSize = 16;

    /// <summary>Tokens longer than this are refused unread (a TTS API key seals to about 190 characters).</summary>
    public const int MaxTokenLength = 16 * 1024;

    /// <summary>Splits a <c>ttn1</c> token into key id and payload; false when the shape is wrong.</summary>
    public static bool TrySplit(ReadOnlySpan<char> token, out ReadOnlySpan<char> keyId, out ReadOnlySpan<char> payload)
    {
        keyId = default;
        payload = default;
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > MaxTokenLength)
        {
            return false;
        }

        var rest = token[Prefix.Length..];
        var dot = rest.IndexOf('.');
        if (dot <= 0)
        {
            return false;
        }

        keyId = rest[..dot];
        payload = rest[(dot + 1)..];
        return SecretProtectionOptionsValidator.IsValidKeyId(keyId) && payload.Length > 0;
    }

    /// <summary>
    /// Whether the text looks like a token of some <c>ttnN.</c> version (so that a future version is reported as
    /// unsupported rather than read as a legacy value).
    /// </summary>
    public static bool HasVersionPrefix(ReadOnlySpan<char> token)
    {
        if (!token.StartsWith("ttn", StringComparison.Ordinal))
        {
            return false;
        }

        var i = 3;
        while (i < token.Length && char.IsAsciiDigit(token[i]))
        {
            i++;
        }

        return i > 3 && i < token.Length && token[i] == '.';
    }

    /// <summary>
    /// Decodes canonical unpadded base64url: only alphabet characters, no padding or white space, and the unused low bits
    /// of the last character zero, so that each payload has exactly one text form.
    /// </summary>
    public static bool TryDecodePayload(ReadOnlySpan<char> payload, Span<byte> destination, out int written)
    {
        written = 0;
        if (payload.Length % 4 == 1 || !HasCanonicalTail(payload))
        {
            return false;
        }

        // The decoder skips white space and accepts padding; an exact length proves neither was there.
        return Base64Url.DecodeFromChars(payload, destination, out _, out written) == OperationStatus.Done
            && written == payload.Length * 3 / 4;
    }

    /// <summary>
    /// The most payload bytes (nonce, ciphertext, tag) a token under <paramref name="keyId"/> can carry within
    /// <see cref="MaxTokenLength"/>.
    /// </summary>
    public static int GetMaxPayloadLength(string keyId) => (MaxTokenLength - Prefix.Length - keyId.Length - 1) * 3 / 4;

    public static int GetMaxDecodedLength(int payloadLength) => Base64Url.GetMaxDecodedLength(payloadLength);

    public static int GetEncodedLength(int byteCount) => Base64Url.GetEncodedLength(byteCount);

    /// <summary>Formats <c>ttn1.&lt;keyId&gt;.&lt;base64url(payload)&gt;</c>; the only allocation is the token string.</summary>
    public static string Format(string keyId, ReadOnlySpan<byte> payload)
    {
        const int StackChars = 1024;
        var length = Prefix.Length + keyId.Length + 1 + GetEncodedLength(payload.Length);
        char[]? rented = null;
        var chars = length <= StackChars
            ? stackalloc char[StackChars]
            : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            Prefix.CopyTo(chars);
            keyId.CopyTo(chars[Prefix.Length..]);
            chars[Prefix.Length + keyId.Length] = '.';
            Base64Url.EncodeToChars(payload, chars[(Prefix.Length + keyId.Length + 1)..]);
            return new string(chars[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    private static bool HasCanonicalTail(ReadOnlySpan<char> payload)
    {
        var unusedBits = (payload.Length % 4) switch
        {
            2 => 4,
            3 => 2,
            _ => 0,
        };

        if (unusedBits == 0)
        {
            return true;
        }

        var value = SextetOf(payload[^1]);
        return value >= 0 && (value & ((1 << unusedBits) - 1)) == 0;
    }

    private static int SextetOf(char c) => c switch
    {
        >= 'A' and <= 'Z' => c - 'A',
        >= 'a' and <= 'z' => c - 'a' + 26,
        >= '0' and <= '9' => c - '0' + 52,
        '-' => 62,
        '_' => 63,
        _ => -1,
    };
}
