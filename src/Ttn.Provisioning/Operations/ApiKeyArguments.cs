namespace Ttn.Provisioning.Operations;

/// <summary>Checks API keys that callers hand to the service (never stored unchecked, never echoed in an error).</summary>
internal static class ApiKeyArguments
{
    /// <summary>Throws when the key is empty or holds a character no TTS API key holds.</summary>
    public static void Validate(string apiKey, string paramName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey, paramName);
        foreach (var c in apiKey)
        {
            if (c <= ' ' || c > '~')
            {
                throw new ArgumentException("The API key contains a character that cannot be part of a TTS API key.", paramName);
            }
        }
    }

    /// <summary>
    /// The key's id on TTS: the middle part of <c>NNSXS.&lt;id&gt;.&lt;secret&gt;</c> (not secret); null for another shape.
    /// </summary>
    public static string? KeyIdOf(string apiKey)
    {
        var parts = apiKey.Split('.');
        return parts.Length == 3 && parts[0] == "NNSXS" ? parts[1] : null;
    }
}
