using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace Ttn.Provisioning.Secrets;

/// <summary>Opening tokens: the current format and, inside the migration window, the legacy ones.</summary>
public sealed partial class AesGcmSecretProtector
{
    private SafeDecrypt Open(string? token, SecretContext context)
    {
        if (string.IsNullOrEmpty(token))
        {
            return SafeDecrypt.Empty;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        if (SecretToken.TrySplit(token, out var keyIdSpan, out var payload))
        {
            // Most tokens are sealed with the primary key: compare before hashing.
            var key = _primary;
            if (!keyIdSpan.SequenceEqual(_primary.Id) && !_keysBySpan.TryGetValue(keyIdSpan, out key))
            {
                return SafeDecrypt.Failed(SafeDecryptFailureReason.UnknownKey);
            }

            return OpenTtn1(key, payload, context);
        }

        if (SecretToken.HasVersionPrefix(token))
        {
            return SafeDecrypt.Failed(token.StartsWith(SecretToken.Prefix, StringComparison.Ordinal)
                ? SafeDecryptFailureReason.Malformed
                : SafeDecryptFailureReason.UnsupportedFormat);
        }

        // Unprefixed text is a v1 value only for a host that knows the replaced system's salt; otherwise it is unknown.
        var legacy = LegacySecretFormats.Detect(token);
        if (legacy == LegacyFormat.V1 && _legacySalt is null)
        {
            return SafeDecrypt.Failed(SafeDecryptFailureReason.UnsupportedFormat);
        }

        return _legacySalt is not null && _legacyUntil is { } until && _timeProvider.GetUtcNow() < until
            ? LegacySecretFormats.Read(token, _legacySalt, context.Field, legacy)
            : SafeDecrypt.Failed(SafeDecryptFailureReason.LegacyFormatNotAllowed);
    }

    private SafeDecrypt OpenTtn1(AesGcmKey key, ReadOnlySpan<char> encoded, SecretContext context)
    {
        var maxLength = SecretToken.GetMaxDecodedLength(encoded.Length);
        byte[]? rented = null;
        var buffer = maxLength <= StackLimit
            ? stackalloc byte[maxLength]
            : (rented = ArrayPool<byte>.Shared.Rent(maxLength));
        try
        {
            if (!SecretToken.TryDecodePayload(encoded, buffer, out var length)
                || length <= SecretToken.NonceSize + SecretToken.TagSize)
            {
                return SafeDecrypt.Failed(SafeDecryptFailureReason.Malformed);
            }

            var payload = buffer[..length];
            var nonce = payload[..SecretToken.NonceSize];
            var cipher = payload[SecretToken.NonceSize..^SecretToken.TagSize];
            var tag = payload[^SecretToken.TagSize..];
            var prefix = key.AssociatedDataPrefix(context.Field);
            Span<byte> aad = stackalloc byte[AssociatedData.MaxLength(prefix, context)];
            aad = aad[..AssociatedData.Write(prefix, context, aad)];
            var aes = key.Rent();
            try
            {
                // Decrypt in place: the ciphertext is replaced by the plaintext, wiped in the finally block.
                aes.Decrypt(nonce, cipher, tag, cipher, aad);
            }
            catch (CryptographicException)
            {
                return SafeDecrypt.Failed(SafeDecryptFailureReason.AuthenticationFailed);
            }
            finally
            {
                key.Return(aes);
            }

            if (!Utf8.IsValid(cipher))
            {
                return SafeDecrypt.Failed(SafeDecryptFailureReason.Malformed);
            }

            return SafeDecrypt.Decrypted(Encoding.UTF8.GetString(cipher), requiresReprotect: !ReferenceEquals(key, _primary));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(buffer);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
