namespace Ttn.Provisioning.Secrets;

/// <summary>
/// Seals secrets for storage and opens them again. Implementations are thread-safe.
/// </summary>
public interface ISecretProtector
{
    /// <summary>Seals <paramref name="plaintext"/> with the primary key into a text token bound to <paramref name="context"/>.</summary>
    /// <param name="plaintext">The secret; not null or empty.</param>
    /// <param name="context">The tenant and field the secret belongs to.</param>
    /// <returns>A text token safe to store, for example <c>ttn1.&lt;keyId&gt;.&lt;base64url&gt;</c>.</returns>
    /// <exception cref="ArgumentException">
    /// <paramref name="plaintext"/> is null or empty, not well-formed UTF-16, or too long for a token a reader accepts; or
    /// <paramref name="context"/> is the default value. The message never holds the plaintext.
    /// </exception>
    string Protect(string plaintext, SecretContext context);

    /// <summary>
    /// Opens a stored token. Never throws for any stored text: bad input comes back as <see cref="SafeDecryptStatus.Failed"/>.
    /// </summary>
    /// <param name="token">The stored text, or <see langword="null"/> when nothing is stored.</param>
    /// <param name="context">The tenant and field the secret belongs to.</param>
    /// <returns>
    /// Empty, Decrypted (possibly with <see cref="SafeDecrypt.RequiresReprotect"/>, and with <see cref="SafeDecrypt.IsLegacyFormat"/>
    /// for a value read from an unauthenticated legacy format, which a caller that needs proof must refuse) or Failed with a reason.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="context"/> is the default value (a programming error, not bad data).</exception>
    SafeDecrypt Unprotect(string? token, SecretContext context);

    /// <summary>
    /// Opens a stored token in any format this protector reads and, when it is not sealed with the primary key,
    /// seals it again with the primary key.
    /// </summary>
    /// <param name="token">The stored text, or <see langword="null"/> when nothing is stored.</param>
    /// <param name="context">The tenant and field the secret belongs to.</param>
    /// <returns>What was found and what changed; <see cref="ReprotectResult.Token"/> is the text to store.</returns>
    /// <exception cref="ArgumentException"><paramref name="context"/> is the default value.</exception>
    ReprotectResult Reprotect(string? token, SecretContext context);
}
