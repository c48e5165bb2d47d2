using System.Security.Cryptography;

namespace Ttn.Provisioning.Secrets;

/// <summary>
/// The key ring that seals tenant secrets, and the legacy formats it may read.
/// </summary>
/// <example>
/// <code>
/// options.Keys.Add(new SecretKeyOptions { Id = "2026-11", Key = "&lt;32 random bytes in base64&gt;" });
/// options.PrimaryKeyId = "2026-11";
/// </code>
/// </example>
public sealed class SecretProtectionOptions
{
    /// <summary>The length, in bytes, of every key in the ring (AES-256).</summary>
    internal const int KeySizeInBytes = 32;

    /// <summary>The longest key id allowed.</summary>
    internal const int MaxKeyIdLength = 32;

    /// <summary>
    /// The keys that can open secrets. Add a new key and make it primary to rotate; keep the old one until a
    /// re-protect sweep has upgraded every value sealed with it.
    /// </summary>
    public IList<SecretKeyOptions> Keys { get; } = new List<SecretKeyOptions>();

    /// <summary>The id of the key in <see cref="Keys"/> that seals new secrets.</summary>
    public string? PrimaryKeyId { get; set; }

    /// <summary>
    /// The salt of the system being replaced (the empty string when it had none), for its legacy formats <c>b64:</c>,
    /// <c>v2:</c> and unprefixed v1. They are read only while <see cref="AllowLegacyFormatsUntil"/> lies ahead: set both
    /// or neither. When <see langword="null"/> (the default), only <c>ttn1</c> tokens are read.
    /// </summary>
    public string? LegacySalt { get; set; }

    /// <summary>
    /// The end of the legacy migration window. Before this instant (by the protector's <see cref="TimeProvider"/>), values
    /// in a legacy format are read, each with <see cref="SafeDecrypt.RequiresReprotect"/> and
    /// <see cref="SafeDecrypt.IsLegacyFormat"/> set; from then on they read as
    /// <see cref="SafeDecryptFailureReason.LegacyFormatNotAllowed"/>. <see langword="null"/> (the default): never read.
    /// </summary>
    /// <remarks>
    /// Legacy values are neither authenticated nor bound to a tenant: anyone who can write the database can plant one.
    /// Keep the window short, run <c>CredentialStoreReprotector</c> until its report shows no legacy values left, then
    /// remove this setting and <see cref="LegacySalt"/>.
    /// </remarks>
    public DateTimeOffset? AllowLegacyFormatsUntil { get; set; }

    /// <summary>Creates a new random key, as base64 text, for <see cref="SecretKeyOptions.Key"/>.</summary>
    public static string GenerateKey()
    {
        Span<byte> key = stackalloc byte[KeySizeInBytes];
        RandomNumberGenerator.Fill(key);
        try
        {
            return Convert.ToBase64String(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }
}

/// <summary>One key of the ring.</summary>
/// <remarks><see cref="ToString"/> shows the id only.</remarks>
public sealed class SecretKeyOptions
{
    /// <summary>The key's id, written into every token it seals: 1 to 32 characters from <c>A–Z a–z 0–9 - _</c>.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The key: 32 random bytes in base64 (see <see cref="SecretProtectionOptions.GenerateKey"/>).</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>Shows the id, never the key.</summary>
    public override string ToString() => $"SecretKey({Id})";
}
