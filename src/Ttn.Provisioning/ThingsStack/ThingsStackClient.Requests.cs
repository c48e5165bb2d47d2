using System.Diagnostics.CodeAnalysis;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Ttn.Provisioning.ThingsStack;

/// <summary>Request bodies, field masks and argument checks shared by every call.</summary>
internal sealed partial class ThingsStackClient
{
    private static ByteArrayContent Content<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>The read form of a field mask: <c>field_mask=a,b</c>, after <paramref name="separator"/> if given.</summary>
    private static string ReadMask(IReadOnlyCollection<string>? fieldMask, char? separator)
    {
        if (fieldMask is null || fieldMask.Count == 0)
        {
            return string.Empty;
        }

        var joined = JoinMask(fieldMask);
        return separator is { } s ? $"{s}field_mask={joined}" : $"field_mask={joined}";
    }

    /// <summary>The write form of a field mask: the string <c>"a,b"</c> (the form the swagger declares).</summary>
    private static string WriteMask(IReadOnlyCollection<string> fieldMask)
    {
        ArgumentNullException.ThrowIfNull(fieldMask);
        if (fieldMask.Count == 0)
        {
            throw new ArgumentException("A write needs a non-empty field mask; an empty mask changes nothing.", nameof(fieldMask));
        }

        return JoinMask(fieldMask);
    }

    private static string JoinMask(IReadOnlyCollection<string> fieldMask)
    {
        foreach (var path in fieldMask)
        {
            if (path is null || !FieldMaskPathPattern().IsMatch(path))
            {
                throw new ArgumentException(
                    $"'{path}' is not a field mask path (lower-case snake_case names joined by dots).", nameof(fieldMask));
            }
        }

        return string.Join(',', fieldMask.Distinct(StringComparer.Ordinal));
    }

    private static void ValidateApiKey([NotNull] string? apiKey)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ArgumentException("An API key is required.", nameof(apiKey));
        }

        foreach (var c in apiKey)
        {
            if (c <= ' ' || c > '~')
            {
                // The key itself is never echoed.
                throw new ArgumentException("The API key holds characters that cannot be sent in an HTTP header.", nameof(apiKey));
            }
        }
    }

    private static void ValidateKeyId(string keyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        if (keyId.Length > 64 || !keyId.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException(
                "An API key ID holds only letters and digits (it is the middle part of the key, not the key).", nameof(keyId));
        }
    }

    [GeneratedRegex("^[a-z0-9_]+(?:\\.[a-z0-9_]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldMaskPathPattern();
}
