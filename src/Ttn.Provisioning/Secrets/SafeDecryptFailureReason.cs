namespace Ttn.Provisioning.Secrets;

/// <summary>Why a stored secret could not be opened.</summary>
public enum SafeDecryptFailureReason
{
    /// <summary>
    /// The secret did not fail (it is <see cref="SafeDecryptStatus.Empty"/> or <see cref="SafeDecryptStatus.Decrypted"/>).
    /// </summary>
    None = 0,

    /// <summary>The stored text is not a well-formed token of any known format (bad prefix, separator, base64 or length).</summary>
    Malformed = 1,

    /// <summary>The token names a key id that is not in the key ring.</summary>
    UnknownKey = 2,

    /// <summary>
    /// The token did not authenticate: it was altered, sealed under another key with the same id,
    /// or sealed for another tenant or field.
    /// </summary>
    AuthenticationFailed = 3,

    /// <summary>The token is in a format this protector does not read (for example a legacy format while legacy readers are off).</summary>
    UnsupportedFormat = 4,

    /// <summary>
    /// A legacy format decoded to something that cannot be the secret (invalid UTF-8, control characters, or the wrong shape for its
    /// field).
    /// </summary>
    LegacyValueImplausible = 5,

    /// <summary>
    /// The text is in a legacy format (<c>b64:</c>, <c>v2:</c>, or unprefixed v1 while
    /// <see cref="SecretProtectionOptions.LegacySalt"/> is set) and legacy formats are not read now: the migration window
    /// is not open (<see cref="SecretProtectionOptions.AllowLegacyFormatsUntil"/> is not set) or has ended.
    /// </summary>
    LegacyFormatNotAllowed = 6,
}
