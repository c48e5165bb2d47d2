using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Ttn.Provisioning.ThingsStack;

/// <summary>The kind of identifier, which decides the minimum length.</summary>
internal enum ThingsStackIdKind
{
    /// <summary>Application, organization, device, gateway, webhook and client IDs: 3 to 36 characters.</summary>
    Entity = 0,

    /// <summary>User IDs: 2 to 36 characters.</summary>
    User = 1,
}

/// <summary>
/// Checks identifiers against The Things Stack rules before any request is sent, and derives valid IDs from a
/// tenant id.
/// </summary>
/// <remarks>
/// Rules: lower-case letters and digits, single hyphens between them (no leading, trailing or double hyphen),
/// 3–36 characters (users 2–36), and not a reserved word. The server's blocklist has several hundred entries and
/// deployments may add more; the few checked here are the common ones, so a <c>forbidden_id</c> answer is still
/// possible (see <see cref="ThingsStackException.IsForbiddenId"/>).
/// </remarks>
internal static partial class ThingsStackIds
{
    /// <summary>The longest identifier The Things Stack accepts.</summary>
    public const int MaxLength = 36;

    private const string Base32Alphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private const int SuffixLength = 8;

    /// <summary>UTF-8 that throws on an unpaired surrogate (<see cref="Encoding.UTF8"/> would turn it into U+FFFD).</summary>
    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly FrozenSet<string> _reserved = new[]
    {
        "admin", "administrator", "api", "app", "application", "applications", "default", "demo", "device",
        "devices", "gateway", "gateways", "organization", "organizations", "root", "test", "test1", "test2",
        "ttn", "tti", "tts", "user", "users", "webhook", "webhooks", "www",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="id"/> is a valid identifier of the given kind.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="kind">The kind of identifier.</param>
    /// <returns><see langword="true"/> when every rule holds.</returns>
    public static bool IsValid(string? id, ThingsStackIdKind kind = ThingsStackIdKind.Entity) => GetViolation(id, kind) is null;

    /// <summary>Whether <paramref name="id"/> is one of the reserved words this library knows.</summary>
    /// <param name="id">The identifier.</param>
    /// <returns><see langword="true"/> when reserved.</returns>
    public static bool IsReserved(string id) => _reserved.Contains(id);

    /// <summary>Throws when <paramref name="id"/> breaks a rule; the message names the rule.</summary>
    /// <param name="id">The identifier.</param>
    /// <param name="paramName">The name of the parameter that held it.</param>
    /// <param name="kind">The kind of identifier.</param>
    /// <exception cref="ArgumentException">The identifier is empty, too short or long, malformed or reserved.</exception>
    public static void Validate(string? id, string paramName, ThingsStackIdKind kind = ThingsStackIdKind.Entity)
    {
        if (GetViolation(id, kind) is { } violation)
        {
            throw new ArgumentException(violation, paramName);
        }
    }

    /// <summary>
    /// Derives a stable identifier from a tenant id: <c>{prefix}-{tenant}</c> when the tenant id is already a clean
    /// lower-case ID and fits, otherwise <c>{prefix}-{sanitised tenant, shortened}-{8-character hash}</c>. The same
    /// input always gives the same valid ID, and tenant ids that sanitise alike (<c>Acme</c>, <c>acme</c>) still differ.
    /// </summary>
    /// <param name="prefix">A short valid prefix, for example <c>t</c> or <c>acme-app</c> (at most 18 characters).</param>
    /// <param name="tenantId">The tenant id, any non-empty string of well-formed UTF-16.</param>
    /// <returns>A valid entity ID.</returns>
    /// <exception cref="ArgumentException">
    /// The prefix is invalid, or the tenant id is empty, white space or holds an unpaired surrogate (which would hash like
    /// U+FFFD, so two tenant ids would derive the same ID).
    /// </exception>
    public static string Derive(string prefix, string tenantId)
    {
        ValidatePrefix(prefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        byte[] utf8;
        try
        {
            utf8 = _strictUtf8.GetBytes(tenantId);
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException("The tenant id is not well-formed UTF-16: it holds an unpaired surrogate.", nameof(tenantId));
        }

        var sanitised = Sanitise(tenantId);
        var simple = $"{prefix}-{sanitised}";
        if (sanitised.Length > 0 && string.Equals(sanitised, tenantId, StringComparison.Ordinal) && IsValid(simple))
        {
            return simple;
        }

        var hash = Hash(utf8);
        var room = MaxLength - prefix.Length - 1 - SuffixLength - 1;
        var body = sanitised.Length > room ? sanitised[..room].TrimEnd('-') : sanitised;
        return body.Length == 0 ? $"{prefix}-{hash}" : $"{prefix}-{body}-{hash}";
    }

    /// <summary>
    /// Creates a new, collision-safe identifier for a tenant: the derived ID (shortened if needed) followed by
    /// 8 random characters from <see cref="RandomNumberGenerator"/> (40 bits). Use it when a previous ID cannot be
    /// reused (a deleted application keeps its ID until an admin purges it).
    /// </summary>
    /// <param name="prefix">A short valid prefix (at most 18 characters).</param>
    /// <param name="tenantId">The tenant id.</param>
    /// <returns>A valid entity ID, different on every call.</returns>
    /// <exception cref="ArgumentException">As for <see cref="Derive"/>.</exception>
    public static string CreateUnique(string prefix, string tenantId)
    {
        var derived = Derive(prefix, tenantId);
        var room = MaxLength - SuffixLength - 1;
        var stem = derived.Length > room ? derived[..room].TrimEnd('-') : derived;
        return $"{stem}-{RandomNumberGenerator.GetString(Base32Alphabet, SuffixLength)}";
    }

    /// <summary>
    /// Checks an EUI (DevEUI, JoinEUI, gateway EUI: 8 bytes) and returns it as 16 upper-case hex characters.
    /// </summary>
    /// <param name="eui">The EUI as 16 hex characters, in either case, without separators.</param>
    /// <param name="paramName">The name of the parameter that held it.</param>
    /// <returns>The EUI in upper case.</returns>
    /// <exception cref="ArgumentException">The EUI is not 16 hex characters.</exception>
    public static string NormalizeEui(string? eui, string paramName)
    {
        if (eui is null || eui.Length != 16 || !eui.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("An EUI must be exactly 16 hexadecimal characters (8 bytes), without separators.", paramName);
        }

        return eui.ToUpperInvariant();
    }

    private static string? GetViolation(string? id, ThingsStackIdKind kind)
    {
        var min = kind == ThingsStackIdKind.User ? 2 : 3;
        if (string.IsNullOrEmpty(id))
        {
            return "A The Things Stack identifier must not be empty.";
        }

        if (id.Length < min || id.Length > MaxLength)
        {
            return $"The Things Stack identifier '{Shorten(id)}' must be {min} to {MaxLength} characters long.";
        }

        if (!(kind == ThingsStackIdKind.User ? UserIdPattern() : EntityIdPattern()).IsMatch(id))
        {
            return $"The Things Stack identifier '{Shorten(id)}' may hold only lower-case letters, digits and single hyphens "
                + "between them (no leading, trailing or double hyphen).";
        }

        if (IsReserved(id))
        {
            return $"The Things Stack identifier '{id}' is a reserved word.";
        }

        return null;
    }

    private static string Shorten(string id) => id.Length <= 48 ? id : id[..48] + "…";

    private static void ValidatePrefix(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        if (prefix.Length > 18 || !PrefixPattern().IsMatch(prefix))
        {
            throw new ArgumentException(
                "An ID prefix must be 1 to 18 lower-case letters or digits, with single hyphens between them.", nameof(prefix));
        }
    }

    private static string Sanitise(string tenantId)
    {
        var builder = new StringBuilder(tenantId.Length);
        foreach (var c in tenantId.ToLowerInvariant())
        {
            var keep = c is >= 'a' and <= 'z' or >= '0' and <= '9';
            if (keep)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-');
    }

    private static string Hash(byte[] tenantIdUtf8)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(tenantIdUtf8, digest);

        // 40 bits → 8 base32 characters.
        ulong bits = 0;
        for (var i = 0; i < 5; i++)
        {
            bits = (bits << 8) | digest[i];
        }

        Span<char> chars = stackalloc char[SuffixLength];
        for (var i = SuffixLength - 1; i >= 0; i--)
        {
            chars[i] = Base32Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }

        return new string(chars);
    }

    [GeneratedRegex("^[a-z0-9](?:-?[a-z0-9]){2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex EntityIdPattern();

    [GeneratedRegex("^[a-z0-9](?:-?[a-z0-9]){1,}$", RegexOptions.CultureInvariant)]
    private static partial Regex UserIdPattern();

    [GeneratedRegex("^[a-z0-9](?:-?[a-z0-9])*$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
