using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Ttn.Provisioning.Secrets;

/// <summary>
/// Keys for one purpose (owner markers, webhook verifiers), derived with HKDF-SHA256 from each key of the secret key
/// ring (<see cref="SecretProtectionOptions.Keys"/>), so they rotate with it: a value made under the primary key stays
/// verifiable while its key is in the ring. A derived key never equals, nor reveals, the key it comes from, and keys of
/// different purposes are unrelated.
/// </summary>
internal sealed class PurposeKeys
{
    private readonly SecretProtectionOptions _options;
    private readonly byte[] _info;
    private readonly ConcurrentDictionary<string, byte[]?> _derived = new(StringComparer.Ordinal);

    public PurposeKeys(SecretProtectionOptions options, string purpose)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        _options = options;
        _info = Encoding.UTF8.GetBytes("Ttn.Provisioning/" + purpose);
    }

    /// <summary>Gets the id of the ring's primary key (the one new values are made under).</summary>
    public string PrimaryKeyId => _options.PrimaryKeyId
        ?? throw new InvalidOperationException("SecretProtectionOptions.PrimaryKeyId is not configured.");

    /// <summary>The purpose's key derived from the primary key.</summary>
    public byte[] Primary => TryGet(PrimaryKeyId, out var key)
        ? key
        : throw new InvalidOperationException($"The primary key '{PrimaryKeyId}' is not in SecretProtectionOptions.Keys.");

    /// <summary>The purpose's key derived from the ring's key <paramref name="keyId"/>; false when the ring lacks it.</summary>
    public bool TryGet(string keyId, out byte[] key)
    {
        key = _derived.GetOrAdd(keyId, Derive) ?? [];
        return key.Length != 0;
    }

    private byte[]? Derive(string keyId)
    {
        var configured = _options.Keys.FirstOrDefault(k => string.Equals(k.Id, keyId, StringComparison.Ordinal));
        var material = new byte[SecretProtectionOptions.KeySizeInBytes];
        if (configured is null
            || !Convert.TryFromBase64String(configured.Key, material, out var written)
            || written != SecretProtectionOptions.KeySizeInBytes)
        {
            return null;
        }

        try
        {
            return HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, salt: [], info: _info);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }
}
