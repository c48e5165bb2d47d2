namespace Ttn.Provisioning.Secrets;

/// <summary>Checks that a value read from a legacy format can be the secret of its field.</summary>
internal static class SecretPlausibility
{
    /// <summary>Length of a TTS API key: <c>NNSXS</c> + <c>.</c> + 39 + <c>.</c> + 52.</summary>
    internal const int ApiKeyLength = 98;
    private const string ApiKeyPrefix = "NNSXS.";

    public static bool IsPlausible(ReadOnlySpan<char> value, SecretField field)
    {
        if (value.IsEmpty)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return !field.HoldsApiKey() || IsTtsApiKey(value);
    }

    /// <summary><c>NNSXS.</c> + 39 base32 characters (the key id) + <c>.</c> + 52 base32 characters (the secret).</summary>
    public static bool IsTtsApiKey(ReadOnlySpan<char> value) =>
        value.Length == ApiKeyLength
        && value.StartsWith(ApiKeyPrefix, StringComparison.Ordinal)
        && value[45] == '.'
        && IsBase32(value[6..45])
        && IsBase32(value[46..]);

    private static bool IsBase32(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (!(char.IsAsciiLetterUpper(c) || c is >= '2' and <= '7'))
            {
                return false;
            }
        }

        return true;
    }
}
