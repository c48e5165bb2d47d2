namespace Ttn.Provisioning.Secrets;

/// <summary>
/// Re-protects one stored value through any <see cref="ISecretProtector"/>, as ASP.NET Core DataProtection callers do:
/// <see cref="ISecretProtector.Unprotect"/>, and when the value <see cref="SafeDecrypt.RequiresReprotect"/>,
/// <see cref="ISecretProtector.Protect"/> it again.
/// </summary>
/// <remarks>
/// The format names of the result are read from the stored text, not asked of the protector, so a host's own protector
/// needs no more than its two methods: <c>ttn1.&lt;keyId&gt;.</c> tokens by their key id, <c>b64:</c> and <c>v2:</c> by
/// their prefix, and other text (not <c>ttnN.</c>) as <c>v1</c> only when the protector read it as a legacy value or refused
/// it for a reason the built-in v1 reader gives (<see cref="SafeDecryptFailureReason.Malformed"/>,
/// <see cref="SafeDecryptFailureReason.LegacyValueImplausible"/>, <see cref="SafeDecryptFailureReason.LegacyFormatNotAllowed"/>;
/// without a legacy salt it gives <see cref="SafeDecryptFailureReason.UnsupportedFormat"/> instead). For
/// <see cref="AesGcmSecretProtector"/> these are exactly the formats it opens the text in; a host protector's own text that it
/// reports as <see cref="SafeDecryptFailureReason.Malformed"/> is therefore counted as a <c>v1</c> value.
/// </remarks>
internal static class SecretReprotection
{
    /// <summary>Opens <paramref name="token"/> and, when it requires re-protection, seals its value again.</summary>
    /// <param name="protector">The protector whose primary key the value is to be sealed with.</param>
    /// <param name="token">The stored text, or <see langword="null"/> when nothing is stored.</param>
    /// <param name="context">The tenant and field the secret belongs to.</param>
    /// <returns>What was found and what changed; <see cref="ReprotectResult.Token"/> is the text to store.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="context"/> is the default value, or the opened value cannot be sealed (see <see cref="ISecretProtector.Protect"/>).
    /// </exception>
    public static ReprotectResult Reprotect(this ISecretProtector protector, string? token, SecretContext context)
    {
        ArgumentNullException.ThrowIfNull(protector);
        var opened = protector.Unprotect(token, context);
        switch (opened.Status)
        {
            case SafeDecryptStatus.Empty:
                return new ReprotectResult(ReprotectOutcome.Empty, token, previousFormat: null, currentFormat: null);
            case SafeDecryptStatus.Failed:
                return new ReprotectResult(
                    ReprotectOutcome.Failed, token, FormatOf(token, opened), currentFormat: null, opened.FailureReason);
        }

        var previous = FormatOf(token, opened);
        if (!opened.RequiresReprotect)
        {
            return new ReprotectResult(ReprotectOutcome.AlreadyCurrent, token, previous, previous);
        }

        var sealedToken = protector.Protect(opened.Value!, context);
        return new ReprotectResult(ReprotectOutcome.Reprotected, sealedToken, previous, FormatOf(sealedToken, opened: default));
    }

    /// <summary>
    /// The format <paramref name="text"/> is in: <c>ttn1:&lt;keyId&gt;</c>, <c>b64</c>, <c>v2</c>, <c>v1</c>, or null when
    /// unrecognised (another <c>ttnN.</c> version, a host protector's own format, or text no legacy reader took).
    /// </summary>
    private static string? FormatOf(string? text, SafeDecrypt opened)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (SecretToken.TrySplit(text, out var keyId, out _))
        {
            return $"{SecretToken.FormatName}:{keyId}";
        }

        if (SecretToken.HasVersionPrefix(text))
        {
            return null;
        }

        var legacy = LegacySecretFormats.Detect(text);
        return legacy != LegacyFormat.V1 || ReadAsLegacy(opened) ? LegacySecretFormats.Name(legacy) : null;
    }

    private static bool ReadAsLegacy(SafeDecrypt opened) =>
        opened.IsLegacyFormat
        || opened.FailureReason is SafeDecryptFailureReason.Malformed
            or SafeDecryptFailureReason.LegacyValueImplausible
            or SafeDecryptFailureReason.LegacyFormatNotAllowed;
}
