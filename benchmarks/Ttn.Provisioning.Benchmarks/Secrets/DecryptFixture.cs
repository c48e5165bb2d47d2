using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.Benchmarks.Secrets;

/// <summary>
/// One 98-character TTS API key, sealed every way the benchmarks open it: a ttn1 token, the same token's raw bytes
/// for the AesGcm baseline, a DataProtection payload, and the legacy b64: and v2: forms.
/// </summary>
public sealed class DecryptFixture : IDisposable
{
    public const string ApiKey = "NNSXS.ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFG.ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOPQRST";
    public const string LegacySalt = "benchmark-legacy-salt";

    private readonly byte[] _payload;
    private readonly byte[] _key;

    public DecryptFixture()
    {
        var key = SecretProtectionOptions.GenerateKey();
        // The legacy readers are benchmarked too, so the migration window never closes here.
        var options = new SecretProtectionOptions
        {
            PrimaryKeyId = "k1",
            LegacySalt = LegacySalt,
            AllowLegacyFormatsUntil = DateTimeOffset.MaxValue,
        };
        options.Keys.Add(new SecretKeyOptions { Id = "k1", Key = key });
        Protector = new AesGcmSecretProtector(Options.Create(options));
        Context = new SecretContext("tenant-benchmark", SecretField.ApplicationApiKey);
        Token = Protector.Protect(ApiKey, Context);

        // The baseline decrypts the very same bytes with the same key and associated data.
        _payload = Base64Url.DecodeFromChars(Token.AsSpan("ttn1.k1.".Length));
        _key = Convert.FromBase64String(key);
        RawCipher = CreateRawCipher();
        AssociatedData = [.. "ttn1"u8, 0, .. "k1"u8, 0, .. "application_api_key"u8, 0, .. Encoding.UTF8.GetBytes(Context.TenantId)];

        DataProtector = new EphemeralDataProtectionProvider().CreateProtector("Ttn.Provisioning", Context.TenantId, "application_api_key");
        DataProtectionPayload = DataProtector.Protect(ApiKey);

        LegacyB64 = "b64:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiKey));
        var xored = Encoding.UTF8.GetBytes(ApiKey);
        var salt = Encoding.UTF8.GetBytes(LegacySalt);
        for (var i = 0; i < xored.Length; i++)
        {
            xored[i] ^= salt[i % salt.Length];
        }

        LegacyV2 = "v2:" + Convert.ToBase64String(xored);

        // Fail fast if any path does not open to the key: a benchmark of a broken path measures nothing.
        Check(Protector.Unprotect(Token, Context).Value);
        Check(OpenRaw(RawCipher));
        Check(DataProtector.Unprotect(DataProtectionPayload));
        Check(Protector.Unprotect(LegacyB64, Context).Value);
        Check(Protector.Unprotect(LegacyV2, Context).Value);
    }

    public AesGcmSecretProtector Protector { get; }

    public SecretContext Context { get; }

    public string Token { get; }

    public AesGcm RawCipher { get; }

    public byte[] AssociatedData { get; }

    public IDataProtector DataProtector { get; }

    public string DataProtectionPayload { get; }

    public string LegacyB64 { get; }

    public string LegacyV2 { get; }

    /// <summary>Raw AES-GCM decryption of the token's bytes plus the UTF-8 decode: the floor any protector can reach.</summary>
    public string OpenRaw(AesGcm cipher)
    {
        var payload = _payload.AsSpan();
        Span<byte> plain = stackalloc byte[payload.Length - 28];
        cipher.Decrypt(payload[..12], payload[12..^16], payload[^16..], plain, AssociatedData);
        var value = Encoding.UTF8.GetString(plain);
        CryptographicOperations.ZeroMemory(plain);
        return value;
    }

    /// <summary>A cipher for one more thread: AesGcm instances are not thread-safe.</summary>
    public AesGcm CreateRawCipher() => new(_key, 16);

    public void Dispose()
    {
        Protector.Dispose();
        RawCipher.Dispose();
    }

    private static void Check(string? value)
    {
        if (value != ApiKey)
        {
            throw new InvalidOperationException("A benchmarked path did not open to the sealed API key.");
        }
    }
}
