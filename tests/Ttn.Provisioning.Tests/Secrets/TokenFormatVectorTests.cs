using Microsoft.Extensions.Options;
using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.Tests.Secrets;

/// <summary>
/// Known answers for the <c>ttn1</c> token format: a fixed key, nonce, tenant, field and secret, and the exact token.
/// The tokens were computed outside the library (Python's <c>cryptography</c> AESGCM over the documented associated data
/// <c>ttn1 NUL keyId NUL field NUL tenantId</c>, UTF-8), so a change to the format that would orphan every stored token
/// fails here even though every round trip still passes.
/// </summary>
public sealed class TokenFormatVectorTests
{
    private const string KeyId = "kat-2026";

    /// <summary>The bytes 0x00 to 0x1f.</summary>
    private const string Key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private const string AsciiToken = "ttn1.kat-2026.AAECAwQFBgcICQoLLGy5bKvIo3X-NvL5nJodDvGz834gfmmRGXavFVUzH_A3mu4";

    private const string Utf8TenantToken =
        "ttn1.kat-2026.AAECAwQFBgcICQoLCUyFQ5bLg1nOBdLN9qExJ8iaynq_Kw4uazOw00oxWegzI5rJmfZT2jfgOqvPqWl6rR0lyx2e6pB022dXV7OkvKNok" +
        "yyEiX87LmeeW9m4T6p7zowkMSsaIrax04I3oOjfmKwuRntO0zNAz_EmO4J1j1XN";

    /// <summary>The bytes 0x00 to 0x0b.</summary>
    private static readonly byte[] Nonce = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

    public static TheoryData<string, SecretField, string, string> Vectors() => new()
    {
        { "tenant-kat", SecretField.WebhookSecret, "known-answer-secret", AsciiToken },
        { "Müller & Söhne ✓", SecretField.ApplicationApiKey, SecretTestData.ApiKey, Utf8TenantToken },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Sealing_with_a_fixed_key_and_nonce_gives_the_known_token(string tenantId, SecretField field, string secret, string token)
    {
        using var protector = FixedNonceProtector();

        Assert.Equal(token, protector.Protect(secret, new SecretContext(tenantId, field)));
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void The_known_token_opens_to_its_secret(string tenantId, SecretField field, string secret, string token)
    {
        using var protector = FixedNonceProtector();

        var opened = protector.Unprotect(token, new SecretContext(tenantId, field));

        Assert.Equal(secret, opened.Value);
        Assert.False(opened.RequiresReprotect);
    }

    private static AesGcmSecretProtector FixedNonceProtector()
    {
        var options = new SecretProtectionOptions { PrimaryKeyId = KeyId };
        options.Keys.Add(new SecretKeyOptions { Id = KeyId, Key = Key });
        return new AesGcmSecretProtector(Options.Create(options)) { FillNonce = nonce => Nonce.CopyTo(nonce) };
    }
}
