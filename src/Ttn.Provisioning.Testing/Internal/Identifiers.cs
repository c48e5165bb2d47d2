using System.Globalization;
using System.Text.RegularExpressions;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>Identifier rules of TTS: regex, length, built-in blocklist, EUI format.</summary>
internal static partial class Identifiers
{
    public const string IdPattern = "^[a-z0-9](?:[-]?[a-z0-9]){2,}$";

    public const string UserIdPattern = "^[a-z0-9](?:[-]?[a-z0-9]){1,}$";

    /// <summary>A subset of the 731 built-in reserved IDs (pkg/identityserver/blocklist), the common words among them.</summary>
    private static readonly HashSet<string> Blocklist = new(
        ["admin", "api", "app", "application", "default", "demo", "device", "test", "test1", "ttn", "tts", "webhook", "www"],
        StringComparer.Ordinal);

    [GeneratedRegex(IdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();

    [GeneratedRegex(UserIdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex UserIdRegex();

    [GeneratedRegex("^[0-9A-Fa-f]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HexRegex();

    /// <summary>Checks an entity ID; throws the TTS validation error otherwise.</summary>
    /// <param name="id">The ID (null when absent).</param>
    /// <param name="field">The field name TTS reports, e.g. <c>application_id</c>.</param>
    /// <param name="messageName">The validated message, e.g. <c>ApplicationIdentifiers</c>.</param>
    /// <param name="user">Whether the user-ID rule (2–36 characters) applies.</param>
    public static string Require(string? id, string field, string messageName, bool user = false)
    {
        id ??= "";
        if (id.Length > 36)
        {
            throw new TtsException(Errors.Validation(field, "value length must be at most 36 runes", messageName + "ValidationError"));
        }
        var regex = user ? UserIdRegex() : IdRegex();
        if (!regex.IsMatch(id))
        {
            var pattern = user ? UserIdPattern : IdPattern;
            throw new TtsException(
                Errors.Validation(field, $"value does not match regex pattern \"{pattern}\"", messageName + "ValidationError"));
        }
        return id;
    }

    /// <summary>Refuses reserved IDs for IS entities.</summary>
    public static void CheckBlocklist(string id)
    {
        if (Blocklist.Contains(id))
        {
            throw new TtsException(Errors.ForbiddenId(id));
        }
    }

    /// <summary>Reads an 8-byte EUI written as hex (either case); returns upper-case hex, or null when absent.</summary>
    public static string? Eui(string? value, string field, string messageName)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (value.Length != 16 || !HexRegex().IsMatch(value))
        {
            throw new TtsException(
                Errors.Validation(field, "invalid EUI: expected 16 hexadecimal characters", messageName + "ValidationError"));
        }
        return value.ToUpper(CultureInfo.InvariantCulture);
    }

    /// <summary>Reads a 4-byte DevAddr written as hex; returns upper-case hex, or null when absent.</summary>
    public static string? DevAddr(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        return value.Length == 8 && HexRegex().IsMatch(value)
            ? value.ToUpper(CultureInfo.InvariantCulture)
            : throw new TtsException(Errors.Validation("dev_addr", "invalid DevAddr: expected 8 hexadecimal characters",
                "EndDeviceIdentifiersValidationError"));
    }

    /// <summary>Whether a value is a 16-byte AES key in hex that is not all zeros.</summary>
    public static bool IsNonZeroKey(string? value) =>
        value is { Length: 32 } && HexRegex().IsMatch(value) && value.Any(c => c != '0');
}
