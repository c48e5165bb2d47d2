using System.Security.Cryptography;
using System.Text;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>API key tokens as TTS makes them: <c>NNSXS.&lt;39 base32&gt;.&lt;52 base32&gt;</c>.</summary>
internal static class ApiKeyTokens
{
    public const string Prefix = "NNSXS";

    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Returns a new key id (24 random bytes) and secret (32 random bytes).</summary>
    public static (string Id, string Secret) Generate() =>
        (Base32(RandomNumberGenerator.GetBytes(24)), Base32(RandomNumberGenerator.GetBytes(32)));

    public static string Token(string id, string secret) => $"{Prefix}.{id}.{secret}";

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool SecretMatches(ApiKeyEntity key, string secret) =>
        CryptographicOperations.FixedTimeEquals(key.SecretHash, Hash(secret));

    /// <summary>Splits <c>type.id.secret</c>; false when the token does not have that form.</summary>
    public static bool TryParse(string token, out string type, out string id, out string secret)
    {
        var parts = token.Split('.');
        if (parts.Length == 3 && parts.All(p => p.Length > 0))
        {
            (type, id, secret) = (parts[0], parts[1], parts[2]);
            return true;
        }
        (type, id, secret) = ("", "", "");
        return false;
    }

    /// <summary>The key id of an <c>Authorization</c> header value, if it looks like an API key (for the journal and rate limit).</summary>
    public static string? KeyIdOf(string? authorization)
    {
        if (authorization is null)
        {
            return null;
        }
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        var token = space < 0 ? authorization : authorization[(space + 1)..].Trim();
        return TryParse(token, out var type, out var id, out _) && type == Prefix ? id : null;
    }

    private static string Base32(byte[] data)
    {
        var builder = new StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                builder.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0)
        {
            builder.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }
        return builder.ToString();
    }
}
