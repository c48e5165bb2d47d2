using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Ttn.Provisioning.Secrets;

/// <summary>The formats the replaced system stored secrets in. Read-only: nothing is ever written in them.</summary>
internal enum LegacyFormat
{
    /// <summary><c>b64:</c> + standard base64 of the UTF-8 bytes (no salt).</summary>
    Base64,

    /// <summary><c>v2:</c> + standard base64 of the UTF-8 bytes XORed byte by byte with the UTF-8 salt.</summary>
    V2,

    /// <summary>No prefix: standard base64 of the characters XORed one by one with the salt's characters, each kept to one byte.</summary>
    V1,
}

/// <summary>
/// Readers for the formats of the system this library replaces (the README's "Legacy values"). Every value they return
/// requires re-protection and is marked <see cref="SafeDecrypt.IsLegacyFormat"/>, and a value that cannot be the field's
/// secret is reported as <see cref="SafeDecryptFailureReason.LegacyValueImplausible"/>.
/// </summary>
internal static class LegacySecretFormats
{
    internal const string Base64Prefix = "b64:";
    internal const string V2Prefix = "v2:";

    public static LegacyFormat Detect(string token) =>
        token.StartsWith(Base64Prefix, StringComparison.Ordinal) ? LegacyFormat.Base64
        : token.StartsWith(V2Prefix, StringComparison.Ordinal) ? LegacyFormat.V2
        : LegacyFormat.V1;

    public static string Name(LegacyFormat format) => format switch
    {
        LegacyFormat.Base64 => "b64",
        LegacyFormat.V2 => "v2",
        _ => "v1",
    };

    /// <summary>Whether a <see cref="ReprotectResult.PreviousFormat"/> names a legacy format (<c>b64</c>, <c>v2</c>, <c>v1</c>).</summary>
    public static bool IsLegacyName(string? formatName) => formatName is "b64" or "v2" or "v1";

    public static SafeDecrypt Read(string token, string salt, SecretField field, LegacyFormat format)
    {
        var payload = format switch
        {
            LegacyFormat.Base64 => token.AsSpan(Base64Prefix.Length),
            LegacyFormat.V2 => token.AsSpan(V2Prefix.Length),
            _ => token.AsSpan(),
        };

        var rented = ArrayPool<byte>.Shared.Rent(Math.Max(1, payload.Length));
        try
        {
            if (!Convert.TryFromBase64Chars(payload, rented, out var length) || length == 0)
            {
                return SafeDecrypt.Failed(SafeDecryptFailureReason.Malformed);
            }

            var bytes = rented.AsSpan(0, length);
            var value = format switch
            {
                LegacyFormat.Base64 => DecodeUtf8(bytes),
                LegacyFormat.V2 => DecodeV2(bytes, salt),
                _ => DecodeV1(bytes, salt),
            };

            return value is not null && SecretPlausibility.IsPlausible(value, field)
                ? SafeDecrypt.DecryptedFromLegacyFormat(value)
                : SafeDecrypt.Failed(SafeDecryptFailureReason.LegacyValueImplausible);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(rented);
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Encodes like the replaced system did; used by tests and tooling to build known vectors.</summary>
    internal static string Encode(string value, string salt, LegacyFormat format)
    {
        switch (format)
        {
            case LegacyFormat.Base64:
                return Base64Prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(value));
            case LegacyFormat.V2:
                {
                    var bytes = Encoding.UTF8.GetBytes(value);
                    XorWithSalt(bytes, Encoding.UTF8.GetBytes(salt));
                    return V2Prefix + Convert.ToBase64String(bytes);
                }

            default:
                {
                    var bytes = new byte[value.Length];
                    for (var i = 0; i < value.Length; i++)
                    {
                        var saltChar = salt.Length == 0 ? 0 : salt[i % salt.Length];
                        bytes[i] = (byte)(value[i] ^ saltChar);
                    }

                    return Convert.ToBase64String(bytes);
                }
        }
    }

    private static string? DecodeV2(Span<byte> bytes, string salt)
    {
        var saltBytes = Encoding.UTF8.GetBytes(salt);
        XorWithSalt(bytes, saltBytes);
        return DecodeUtf8(bytes);
    }

    private static string DecodeV1(ReadOnlySpan<byte> bytes, string salt)
    {
        var chars = new char[bytes.Length];
        try
        {
            for (var i = 0; i < chars.Length; i++)
            {
                var saltChar = salt.Length == 0 ? 0 : salt[i % salt.Length] & 0xFF;
                chars[i] = (char)(bytes[i] ^ saltChar);
            }

            return new string(chars);
        }
        finally
        {
            Array.Clear(chars);
        }
    }

    private static void XorWithSalt(Span<byte> bytes, ReadOnlySpan<byte> salt)
    {
        if (salt.IsEmpty)
        {
            return;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] ^= salt[i % salt.Length];
        }
    }

    private static string? DecodeUtf8(ReadOnlySpan<byte> bytes) =>
        Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : null;
}
