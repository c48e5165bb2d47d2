using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using Microsoft.Extensions.Options;

namespace Ttn.Provisioning.Secrets;

/// <summary>
/// Seals secrets with AES-256-GCM under a rotatable key ring and opens them again, reading the legacy formats
/// of the replaced system when <see cref="SecretProtectionOptions.LegacySalt"/> is set.
/// </summary>
/// <remarks>
/// <para>
/// Token format: <c>ttn1.&lt;keyId&gt;.&lt;base64url(nonce | ciphertext | tag)&gt;</c> with a random 96-bit nonce and a
/// 128-bit tag. The associated data binds the format version, the key id, the field and the tenant id, so a
/// token copied to another tenant or field fails to open.
/// </para>
/// <para>
/// Thread-safe. Opening allocates only the resulting string: cipher instances are kept per thread and per key,
/// and working buffers live on the stack or come from the shared pool and are zeroed after use.
/// </para>
/// </remarks>
public sealed class AesGcmSecretProtector : ISecretProtector, IDisposable
{
    private const int StackLimit = 512;

    private readonly Dictionary<string, KeyEntry> _keys;
    private readonly Dictionary<string, KeyEntry>.AlternateLookup<ReadOnlySpan<char>> _keysBySpan;
    private readonly KeyEntry _primary;
    private readonly string? _legacySalt;
    private bool _disposed;

    /// <summary>Creates a protector from validated options.</summary>
    /// <param name="options">The key ring.</param>
    /// <exception cref="OptionsValidationException">The key ring is invalid (see <see cref="SecretProtectionOptionsValidator"/>).</exception>
    public AesGcmSecretProtector(IOptions<SecretProtectionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        var validation = new SecretProtectionOptionsValidator().Validate(Options.DefaultName, value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SecretProtectionOptions), validation.Failures);
        }

        _keys = new Dictionary<string, KeyEntry>(StringComparer.Ordinal);
        foreach (var key in value.Keys)
        {
            _keys.Add(key.Id, new KeyEntry(key.Id, Convert.FromBase64String(key.Key)));
        }

        _keysBySpan = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
        _primary = _keys[value.PrimaryKeyId!];
        _legacySalt = value.LegacySalt;
    }

    /// <summary>The id of the key that seals new secrets.</summary>
    public string PrimaryKeyId => _primary.Id;

    /// <inheritdoc />
    public string Protect(string plaintext, SecretContext context)
    {
        ArgumentException.ThrowIfNullOrEmpty(plaintext);
        EnsureContext(context);
        ObjectDisposedException.ThrowIf(_disposed, this);

        var plainLength = Encoding.UTF8.GetByteCount(plaintext);
        var payloadLength = SecretToken.NonceSize + plainLength + SecretToken.TagSize;
        byte[]? rented = null;
        var payload = payloadLength <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(payloadLength));
        payload = payload[..payloadLength];
        try
        {
            var nonce = payload[..SecretToken.NonceSize];
            var cipher = payload.Slice(SecretToken.NonceSize, plainLength);
            var tag = payload[^SecretToken.TagSize..];
            RandomNumberGenerator.Fill(nonce);

            // Encrypt in place: the UTF-8 plaintext is written where the ciphertext goes, then overwritten.
            Encoding.UTF8.GetBytes(plaintext, cipher);
            Span<byte> aad = stackalloc byte[AssociatedData.MaxLength];
            aad = aad[..AssociatedData.Write(_primary.Id, context, aad)];
            _primary.Cipher.Encrypt(nonce, cipher, cipher, tag, aad);

            return FormatToken(_primary.Id, payload);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(payload);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static string FormatToken(string keyId, ReadOnlySpan<byte> payload)
    {
        var length = SecretToken.Prefix.Length + keyId.Length + 1 + SecretToken.GetEncodedLength(payload.Length);
        char[]? rented = null;
        var chars = length <= StackLimit * 2
            ? stackalloc char[StackLimit * 2]
            : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            SecretToken.Prefix.CopyTo(chars);
            keyId.CopyTo(chars[SecretToken.Prefix.Length..]);
            chars[SecretToken.Prefix.Length + keyId.Length] = '.';
            SecretToken.EncodePayload(payload, chars[(SecretToken.Prefix.Length + keyId.Length + 1)..]);
            return new string(chars[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <inheritdoc />
    public SafeDecrypt Unprotect(string? token, SecretContext context)
    {
        EnsureContext(context);
        return Open(token, context, out _, out _);
    }

    /// <inheritdoc />
    public ReprotectResult Reprotect(string? token, SecretContext context)
    {
        EnsureContext(context);
        var opened = Open(token, context, out var format, out var keyId);
        var previous = format switch
        {
            null => null,
            SecretToken.FormatName => $"{SecretToken.FormatName}:{keyId}",
            _ => format,
        };

        switch (opened.Status)
        {
            case SafeDecryptStatus.Empty:
                return new ReprotectResult(ReprotectOutcome.Empty, token, previous, currentFormat: null);
            case SafeDecryptStatus.Failed:
                return new ReprotectResult(ReprotectOutcome.Failed, token, previous, currentFormat: null, opened.FailureReason);
        }

        if (!opened.RequiresReprotect)
        {
            return new ReprotectResult(ReprotectOutcome.AlreadyCurrent, token, previous, previous);
        }

        var sealedToken = Protect(opened.Value!, context);
        return new ReprotectResult(ReprotectOutcome.Reprotected, sealedToken, previous, $"{SecretToken.FormatName}:{_primary.Id}");
    }

    /// <summary>
    /// A key for another purpose, derived from the primary key with HKDF-SHA256 (<paramref name="purpose"/> is its info):
    /// the primary key itself never leaves the protector, and keys for different purposes are independent.
    /// </summary>
    /// <param name="purpose">What the key is for; a constant of the caller.</param>
    /// <param name="length">The key's length in bytes.</param>
    internal byte[] DeriveKey(ReadOnlySpan<byte> purpose, int length)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var key = new byte[length];
        _primary.Derive(purpose, key);
        return key;
    }

    /// <summary>Releases the cipher instances and wipes the key material.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }

    private SafeDecrypt Open(string? token, SecretContext context, out string? format, out string? keyId)
    {
        format = null;
        keyId = null;
        if (string.IsNullOrEmpty(token))
        {
            return SafeDecrypt.Empty;
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        if (SecretToken.TrySplit(token, out var keyIdSpan, out var payload))
        {
            format = SecretToken.FormatName;
            if (!_keysBySpan.TryGetValue(keyIdSpan, out var key))
            {
                return SafeDecrypt.Failed(SafeDecryptFailureReason.UnknownKey);
            }

            keyId = key.Id;
            return OpenTtn1(key, payload, context);
        }

        if (SecretToken.HasVersionPrefix(token))
        {
            return SafeDecrypt.Failed(token.StartsWith(SecretToken.Prefix, StringComparison.Ordinal)
                ? SafeDecryptFailureReason.Malformed
                : SafeDecryptFailureReason.UnsupportedFormat);
        }

        if (_legacySalt is null)
        {
            return SafeDecrypt.Failed(SafeDecryptFailureReason.UnsupportedFormat);
        }

        var legacy = LegacySecretFormats.Detect(token);
        format = LegacySecretFormats.Name(legacy);
        return LegacySecretFormats.Read(token, _legacySalt, context.Field, legacy);
    }

    private SafeDecrypt OpenTtn1(KeyEntry key, ReadOnlySpan<char> encoded, SecretContext context)
    {
        var maxLength = SecretToken.GetMaxDecodedLength(encoded.Length);
        byte[]? rented = null;
        var buffer = maxLength <= StackLimit
            ? stackalloc byte[StackLimit]
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
            Span<byte> aad = stackalloc byte[AssociatedData.MaxLength];
            aad = aad[..AssociatedData.Write(key.Id, context, aad)];
            try
            {
                // Decrypt in place: the ciphertext is replaced by the plaintext, wiped in the finally block.
                key.Cipher.Decrypt(nonce, cipher, tag, cipher, aad);
            }
            catch (CryptographicException)
            {
                return SafeDecrypt.Failed(SafeDecryptFailureReason.AuthenticationFailed);
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

    private static void EnsureContext(SecretContext context)
    {
        if (context.TenantId is null)
        {
            throw new ArgumentException("The secret context is the default value; create it with new SecretContext(tenantId, field).", nameof(context));
        }
    }

    /// <summary>The associated data: <c>ttn1 NUL keyId NUL field NUL tenantId</c> in UTF-8.</summary>
    private static class AssociatedData
    {
        public const int MaxLength = 8 + SecretProtectionOptions.MaxKeyIdLength + 32 + (SecretContext.MaxTenantIdLength * 3);

        public static int Write(string keyId, SecretContext context, Span<byte> destination)
        {
            var written = Encoding.ASCII.GetBytes(SecretToken.FormatName, destination);
            destination[written++] = 0;
            written += Encoding.ASCII.GetBytes(keyId, destination[written..]);
            destination[written++] = 0;
            written += Encoding.ASCII.GetBytes(context.Field.ToWireName(), destination[written..]);
            destination[written++] = 0;
            written += Encoding.UTF8.GetBytes(context.TenantId, destination[written..]);
            return written;
        }
    }

    /// <summary>One key of the ring with a cipher instance per thread (AesGcm instances are not thread-safe).</summary>
    private sealed class KeyEntry : IDisposable
    {
        private readonly byte[] _key;
        private readonly ThreadLocal<AesGcm> _cipher;

        public KeyEntry(string id, byte[] key)
        {
            Id = id;
            _key = key;
            _cipher = new ThreadLocal<AesGcm>(() => new AesGcm(_key, SecretToken.TagSize), trackAllValues: true);
        }

        public string Id { get; }

        public AesGcm Cipher => _cipher.Value!;

        public void Derive(ReadOnlySpan<byte> info, Span<byte> output) =>
            HKDF.DeriveKey(HashAlgorithmName.SHA256, _key, output, salt: [], info);

        public void Dispose()
        {
            foreach (var cipher in _cipher.Values)
            {
                cipher.Dispose();
            }

            _cipher.Dispose();
            CryptographicOperations.ZeroMemory(_key);
        }
    }
}
