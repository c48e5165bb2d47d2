using System.Diagnostics;

namespace Ttn.Provisioning.Secrets;

/// <summary>
/// A stored secret after an attempt to open it: <see cref="SafeDecryptStatus.Empty"/>,
/// <see cref="SafeDecryptStatus.Decrypted"/> or <see cref="SafeDecryptStatus.Failed"/>.
/// Creating, reading and printing a <see cref="SafeDecrypt"/> never throws.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> and the debugger display show at most the last four characters of the secret,
/// and only when the secret is long enough for four characters not to give it away (see <see cref="LastFour"/>).
/// </remarks>
[DebuggerDisplay("{ToString(),nq}")]
public readonly struct SafeDecrypt : IEquatable<SafeDecrypt>
{
    /// <summary>The shortest secret whose last four characters are shown; shorter secrets show none.</summary>
    internal const int MinimumLengthForLastFour = 8;

    private readonly string? _value;

    private SafeDecrypt(
        SafeDecryptStatus status,
        string? value,
        SafeDecryptFailureReason failureReason,
        bool requiresReprotect,
        bool isLegacyFormat = false)
    {
        Status = status;
        _value = value;
        FailureReason = failureReason;
        RequiresReprotect = requiresReprotect;
        IsLegacyFormat = isLegacyFormat;
    }

    /// <summary>A result for a secret of which nothing is stored.</summary>
    public static SafeDecrypt Empty => default;

    /// <summary>Whether the secret was opened, is empty, or failed to open.</summary>
    public SafeDecryptStatus Status { get; }

    /// <summary>The secret in plain text; non-null only when <see cref="Status"/> is <see cref="SafeDecryptStatus.Decrypted"/>.</summary>
    public string? Value => Status == SafeDecryptStatus.Decrypted ? _value : null;

    /// <summary>
    /// Why the secret failed to open; <see cref="SafeDecryptFailureReason.None"/> unless <see cref="Status"/> is
    /// <see cref="SafeDecryptStatus.Failed"/>.
    /// </summary>
    public SafeDecryptFailureReason FailureReason { get; }

    /// <summary>
    /// <see langword="true"/> when the secret opened but was sealed under a key that is no longer primary,
    /// or stored in a legacy format: it should be sealed again with the primary key.
    /// </summary>
    public bool RequiresReprotect { get; }

    /// <summary>
    /// <see langword="true"/> when the secret was read from a legacy format of the replaced system (<c>b64:</c>, <c>v2:</c>,
    /// v1). Such a value is neither authenticated nor bound to a tenant (anyone who can write the store can plant one),
    /// so never accept it as proof, for example when verifying a presented webhook secret.
    /// </summary>
    public bool IsLegacyFormat { get; }

    /// <summary><see langword="true"/> when <see cref="Status"/> is <see cref="SafeDecryptStatus.Decrypted"/>.</summary>
    public bool IsDecrypted => Status == SafeDecryptStatus.Decrypted;

    /// <summary>
    /// The last four characters of the secret, or <see langword="null"/> when it did not open
    /// or is shorter than 8 characters (four characters of a short secret give too much away).
    /// </summary>
    public string? LastFour => Status == SafeDecryptStatus.Decrypted ? GetLastFour(_value) : null;

    /// <summary>Creates a result for an opened secret.</summary>
    /// <param name="value">The secret in plain text. A null or empty value gives <see cref="Empty"/>.</param>
    /// <param name="requiresReprotect">Whether the secret should be sealed again with the primary key.</param>
    public static SafeDecrypt Decrypted(string? value, bool requiresReprotect = false) =>
        string.IsNullOrEmpty(value)
            ? Empty
            : new SafeDecrypt(SafeDecryptStatus.Decrypted, value, SafeDecryptFailureReason.None, requiresReprotect);

    /// <summary>
    /// Creates a result for a secret read from a legacy, unauthenticated format: <see cref="RequiresReprotect"/> and
    /// <see cref="IsLegacyFormat"/> are set.
    /// </summary>
    /// <param name="value">The secret in plain text. A null or empty value gives <see cref="Empty"/>.</param>
    public static SafeDecrypt DecryptedFromLegacyFormat(string? value) =>
        string.IsNullOrEmpty(value)
            ? Empty
            : new SafeDecrypt(SafeDecryptStatus.Decrypted, value, SafeDecryptFailureReason.None, requiresReprotect: true,
                isLegacyFormat: true);

    /// <summary>Creates a result for a secret that could not be opened.</summary>
    /// <param name="reason">Why it failed. <see cref="SafeDecryptFailureReason.None"/> is recorded as
    /// <see cref="SafeDecryptFailureReason.Malformed"/>.</param>
    public static SafeDecrypt Failed(SafeDecryptFailureReason reason) =>
        new(
            SafeDecryptStatus.Failed,
            null,
            reason == SafeDecryptFailureReason.None ? SafeDecryptFailureReason.Malformed : reason,
            requiresReprotect: false);

    /// <summary>Gets the secret when it was opened.</summary>
    /// <param name="value">The secret, or <see langword="null"/> when <see cref="Status"/> is not
    /// <see cref="SafeDecryptStatus.Decrypted"/>.</param>
    /// <returns><see langword="true"/> when the secret was opened.</returns>
    public bool TryGetValue([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = Value;
        return value is not null;
    }

    /// <summary>
    /// The last four characters of <paramref name="secret"/>, or <see langword="null"/> when it is null or
    /// shorter than <see cref="MinimumLengthForLastFour"/> characters (four characters of a short secret give too much away).
    /// </summary>
    /// <param name="secret">A secret in plain text.</param>
    internal static string? GetLastFour(string? secret) =>
        secret is null || secret.Length < MinimumLengthForLastFour ? null : secret[^4..];

    /// <summary>A description that never shows more than the last four characters of the secret.</summary>
    public override string ToString() => Status switch
    {
        SafeDecryptStatus.Decrypted => $"Decrypted({(LastFour is { } lastFour ? "…" + lastFour : "****")}{Flags()})",
        SafeDecryptStatus.Failed => $"Failed({FailureReason})",
        _ => "Empty",
    };

    /// <inheritdoc />
    public bool Equals(SafeDecrypt other) =>
        Status == other.Status
        && FailureReason == other.FailureReason
        && RequiresReprotect == other.RequiresReprotect
        && IsLegacyFormat == other.IsLegacyFormat
        && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SafeDecrypt other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() =>
        HashCode.Combine(
            Status, FailureReason, RequiresReprotect, IsLegacyFormat, Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value));

    /// <summary>Compares two results by status, reason, flags and value.</summary>
    public static bool operator ==(SafeDecrypt left, SafeDecrypt right) => left.Equals(right);

    /// <summary>Compares two results by status, reason, flags and value.</summary>
    public static bool operator !=(SafeDecrypt left, SafeDecrypt right) => !left.Equals(right);

    private string Flags() => (IsLegacyFormat, RequiresReprotect) switch
    {
        (true, _) => ", legacy format, requires reprotect",
        (false, true) => ", requires reprotect",
        _ => string.Empty,
    };
}
