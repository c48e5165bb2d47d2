using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Ttn.Provisioning.Secrets;

/// <summary>
/// Seals secrets with AES-256-GCM under a rotatable key ring and opens them again, reading the legacy formats
/// of the replaced system only during the migration window set by <see cref="SecretProtectionOptions.LegacySalt"/> and
/// <see cref="SecretProtectionOptions.AllowLegacyFormatsUntil"/>.
/// </summary>
/// <remarks>
/// <para>
/// Token format: <c>ttn1.&lt;keyId&gt;.&lt;base64url(nonce | ciphertext | tag)&gt;</c> with a random 96-bit nonce and a
/// 128-bit tag. The associated data binds the format version, the key id, the field and the tenant id, so a
/// token copied to another tenant or field fails to open.
/// </para>
/// <para>
/// Thread-safe. Opening allocates only the resulting string: each key keeps a small bounded pool of cipher instances
/// (a few per processor, however many threads call), and working buffers live on the stack or come from the shared pool
/// and are zeroed after use.
/// </para>
/// <para>
/// A value read from a legacy format comes back with <see cref="SafeDecrypt.IsLegacyFormat"/> set: it is neither
/// authenticated nor bound to a tenant, so it must never be accepted as proof (for example of a webhook secret).
/// </para>
/// </remarks>
public sealed partial class AesGcmSecretProtector : ISecretProtector, IDisposable
{
    private const int StackLimit = 512;

    private readonly Dictionary<string, AesGcmKey> _keys;
    private readonly Dictionary<string, AesGcmKey>.AlternateLookup<ReadOnlySpan<char>> _keysBySpan;
    private readonly AesGcmKey _primary;
    private readonly string? _legacySalt;
    private readonly DateTimeOffset? _legacyUntil;
    private readonly TimeProvider _timeProvider;
    private bool _disposed;

    /// <summary>Creates a protector from validated options.</summary>
    /// <param name="options">The key ring.</param>
    /// <param name="timeProvider">
    /// The clock that ends the legacy migration window (<see cref="SecretProtectionOptions.AllowLegacyFormatsUntil"/>);
    /// the system clock when null.
    /// </param>
    /// <exception cref="OptionsValidationException">The key ring is invalid (for example no keys, a key that is not 32 bytes
    /// of base64, a repeated id, a primary key id not in the ring, or a legacy salt without its window); the message names
    /// the entry, never a key.</exception>
    public AesGcmSecretProtector(IOptions<SecretProtectionOptions> options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        var validation = new SecretProtectionOptionsValidator().Validate(Options.DefaultName, value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(SecretProtectionOptions), validation.Failures);
        }

        _keys = new Dictionary<string, AesGcmKey>(StringComparer.Ordinal);
        foreach (var key in value.Keys)
        {
            _keys.Add(key.Id, new AesGcmKey(key.Id, Convert.FromBase64String(key.Key)));
        }

        _keysBySpan = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
        _primary = _keys[value.PrimaryKeyId!];
        _legacySalt = value.LegacySalt;
        _legacyUntil = value.AllowLegacyFormatsUntil;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Fills the nonce of each new token; random except in the known-answer test of the token format.</summary>
    internal Action<Span<byte>> FillNonce { get; init; } = RandomNumberGenerator.Fill;

    /// <summary>Cipher instances alive over every key of the ring (pooled or in use); bounded whatever the thread count.</summary>
    internal int LiveCipherCount => _keys.Values.Sum(k => k.LiveInstances);

    /// <summary>
    /// The most UTF-8 bytes a secret may have: its token must fit <see cref="SecretToken.MaxTokenLength"/>, or no reader opens it.
    /// </summary>
    internal int MaxPlaintextBytes => SecretToken.GetMaxPayloadLength(_primary.Id) - SecretToken.NonceSize - SecretToken.TagSize;

    /// <inheritdoc />
    public string Protect(string plaintext, SecretContext context)
    {
        ArgumentException.ThrowIfNullOrEmpty(plaintext);
        EnsureContext(context);
        ObjectDisposedException.ThrowIf(_disposed, this);

        // The messages give lengths and rules only, never the value.
        if (!StrictUtf8.IsWellFormed(plaintext))
        {
            throw new ArgumentException(
                "The secret is not well-formed UTF-16 (it holds an unpaired surrogate), so it cannot be sealed and read back unchanged.",
                nameof(plaintext));
        }

        var plainLength = StrictUtf8.Encoding.GetByteCount(plaintext);
        if (plainLength > MaxPlaintextBytes)
        {
            throw new ArgumentException(
                $"The secret is {plainLength} bytes in UTF-8; at most {MaxPlaintextBytes} fit in a token that can be read back " +
                $"(tokens over {SecretToken.MaxTokenLength} characters are refused unread).",
                nameof(plaintext));
        }

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
            FillNonce(nonce);

            // Encrypt in place: the UTF-8 plaintext is written where the ciphertext goes, then overwritten.
            StrictUtf8.Encoding.GetBytes(plaintext, cipher);
            var prefix = _primary.AssociatedDataPrefix(context.Field);
            Span<byte> aad = stackalloc byte[AssociatedData.MaxLength(prefix, context)];
            aad = aad[..AssociatedData.Write(prefix, context, aad)];
            var aes = _primary.Rent();
            try
            {
                aes.Encrypt(nonce, cipher, cipher, tag, aad);
            }
            finally
            {
                _primary.Return(aes);
            }

            return SecretToken.Format(_primary.Id, payload);
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

    /// <inheritdoc />
    public SafeDecrypt Unprotect(string? token, SecretContext context)
    {
        EnsureContext(context);
        return Open(token, context);
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

    private static void EnsureContext(SecretContext context)
    {
        if (context.TenantId is null)
        {
            throw new ArgumentException(
                "The secret context is the default value; create it with new SecretContext(tenantId, field).", nameof(context));
        }
    }
}
