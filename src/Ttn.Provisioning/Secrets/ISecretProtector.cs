namespace Ttn.Provisioning.Secrets;

/// <summary>
/// Seals secrets for storage and opens them again. Implementations are thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// To re-protect a stored value (after a new primary key, or for a value read from a legacy format), <see cref="Unprotect"/> it;
/// when the result says <see cref="SafeDecrypt.RequiresReprotect"/>, <see cref="Protect"/> its value again with the same context
/// and store the new token in place of the old one. <see cref="Storage.CredentialStoreReprotector"/> does this for every
/// tenant secret in a credential store.
/// </para>
/// <para>
/// A host may implement this interface itself (for example over a key management service): the library, including the
/// re-protect sweep, calls only these two methods.
/// </para>
/// </remarks>
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
}
