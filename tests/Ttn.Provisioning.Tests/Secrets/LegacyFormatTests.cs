using System.Text;
using Ttn.Provisioning.Secrets;
using static Ttn.Provisioning.Tests.Secrets.SecretTestData;

namespace Ttn.Provisioning.Tests.Secrets;

/// <summary>
/// Known vectors for the formats of the replaced system (the README's "Legacy values"), built here from the documented
/// algorithms rather than from the library's own encoder.
/// </summary>
public sealed class LegacyFormatTests
{
    private static AesGcmSecretProtector LegacyProtector(string? salt = LegacySalt)
    {
        var options = Ring("k1", "k1");
        options.LegacySalt = salt;
        options.AllowLegacyFormatsUntil = DateTimeOffset.MaxValue;
        return Protector(options);
    }

    /// <summary><c>b64:</c> + standard base64 of the UTF-8 bytes.</summary>
    private static string B64(string value) => "b64:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(value));

    /// <summary><c>v2:</c> + base64 of the UTF-8 bytes XORed with the UTF-8 salt bytes, the salt repeated by index.</summary>
    private static string V2(string value, string salt)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        var saltBytes = Encoding.UTF8.GetBytes(salt);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] ^= saltBytes[i % saltBytes.Length];
        }

        return "v2:" + Convert.ToBase64String(bytes);
    }

    /// <summary>No prefix: per character, code unit XOR salt code unit, kept to one byte (JavaScript's btoa of a binary string).</summary>
    private static string V1(string value, string salt)
    {
        var bytes = new byte[value.Length];
        for (var i = 0; i < value.Length; i++)
        {
            bytes[i] = (byte)((value[i] ^ salt[i % salt.Length]) & 0xFF);
        }

        return Convert.ToBase64String(bytes);
    }

    [Fact]
    public void B64_vector_opens_and_requires_reprotect()
    {
        using var protector = LegacyProtector();

        var opened = protector.Unprotect(B64(ApiKey), TenantAApiKey);

        Assert.Equal(ApiKey, opened.Value);
        Assert.True(opened.RequiresReprotect);
    }

    [Fact]
    public void B64_fixed_vector_opens()
    {
        using var protector = LegacyProtector();
        var context = new SecretContext("tenant-a", SecretField.WebhookSecret);

        Assert.Equal("hello-secret", protector.Unprotect("b64:aGVsbG8tc2VjcmV0", context).Value);
    }

    [Fact]
    public void V2_vector_opens_and_requires_reprotect()
    {
        using var protector = LegacyProtector();

        var opened = protector.Unprotect(V2(ApiKey, LegacySalt), TenantAApiKey);

        Assert.Equal(ApiKey, opened.Value);
        Assert.True(opened.RequiresReprotect);
    }

    [Fact]
    public void V1_vector_opens_and_requires_reprotect()
    {
        using var protector = LegacyProtector();

        var opened = protector.Unprotect(V1(ApiKey, LegacySalt), TenantAApiKey);

        Assert.Equal(ApiKey, opened.Value);
        Assert.True(opened.RequiresReprotect);
    }

    [Fact]
    public void V1_webhook_secret_vector_opens()
    {
        using var protector = LegacyProtector();
        var context = new SecretContext("tenant-a", SecretField.WebhookSecret);

        Assert.Equal(WebhookSecret, protector.Unprotect(V1(WebhookSecret, LegacySalt), context).Value);
    }

    [Fact]
    public void Library_encoder_matches_the_documented_algorithms()
    {
        Assert.Equal(B64(ApiKey), LegacySecretFormats.Encode(ApiKey, LegacySalt, LegacyFormat.Base64));
        Assert.Equal(V2(ApiKey, LegacySalt), LegacySecretFormats.Encode(ApiKey, LegacySalt, LegacyFormat.V2));
        Assert.Equal(V1(ApiKey, LegacySalt), LegacySecretFormats.Encode(ApiKey, LegacySalt, LegacyFormat.V1));
    }

    [Fact]
    public void V2_read_with_the_wrong_salt_is_implausible_not_decrypted()
    {
        using var protector = LegacyProtector("another-salt");

        var opened = protector.Unprotect(V2(ApiKey, LegacySalt), TenantAApiKey);

        Assert.Equal(SafeDecryptStatus.Failed, opened.Status);
        Assert.Equal(SafeDecryptFailureReason.LegacyValueImplausible, opened.FailureReason);
    }

    [Fact]
    public void V1_read_with_the_wrong_salt_is_implausible_not_decrypted()
    {
        using var protector = LegacyProtector("default-salt");

        Assert.Equal(SafeDecryptFailureReason.LegacyValueImplausible, protector.Unprotect(V1(ApiKey, LegacySalt), TenantAApiKey).FailureReason);
    }

    [Fact]
    public void Plaintext_api_key_stored_without_prefix_is_not_read_as_decrypted()
    {
        using var protector = LegacyProtector();

        Assert.Equal(SafeDecryptStatus.Failed, protector.Unprotect(ApiKey, TenantAApiKey).Status);
    }

    [Fact]
    public void Legacy_value_that_is_not_an_api_key_fails_for_an_api_key_field()
    {
        using var protector = LegacyProtector();

        Assert.Equal(SafeDecryptFailureReason.LegacyValueImplausible, protector.Unprotect(B64("NNSXS.tooshort"), TenantAApiKey).FailureReason);
    }

    [Fact]
    public void Legacy_value_with_control_characters_fails()
    {
        using var protector = LegacyProtector();
        var context = new SecretContext("tenant-a", SecretField.WebhookSecret);

        Assert.Equal(SafeDecryptFailureReason.LegacyValueImplausible, protector.Unprotect(B64("abc\u0001def"), context).FailureReason);
    }

    [Fact]
    public void Legacy_value_that_is_not_utf8_fails()
    {
        using var protector = LegacyProtector();
        var context = new SecretContext("tenant-a", SecretField.WebhookSecret);

        Assert.Equal(SafeDecryptFailureReason.LegacyValueImplausible, protector.Unprotect("b64:" + Convert.ToBase64String([0xC3, 0x28, 0xFF]), context).FailureReason);
    }

    [Fact]
    public void Legacy_value_that_is_not_base64_is_malformed()
    {
        using var protector = LegacyProtector();

        Assert.Equal(SafeDecryptFailureReason.Malformed, protector.Unprotect("v2:not base64!", TenantAApiKey).FailureReason);
    }

    [Fact]
    public void Empty_salt_reads_v2_without_xor()
    {
        using var protector = LegacyProtector(string.Empty);

        Assert.Equal(ApiKey, protector.Unprotect("v2:" + Convert.ToBase64String(Encoding.UTF8.GetBytes(ApiKey)), TenantAApiKey).Value);
    }

    [Theory]
    [InlineData("b64")]
    [InlineData("v2")]
    [InlineData("v1")]
    public void Reprotect_upgrades_a_legacy_value_to_the_primary_key(string formatName)
    {
        using var protector = LegacyProtector();
        var stored = formatName switch
        {
            "b64" => B64(ApiKey),
            "v2" => V2(ApiKey, LegacySalt),
            _ => V1(ApiKey, LegacySalt),
        };

        var result = protector.Reprotect(stored, TenantAApiKey);

        Assert.Equal(ReprotectOutcome.Reprotected, result.Outcome);
        Assert.Equal(formatName, result.PreviousFormat);
        Assert.Equal("ttn1:k1", result.CurrentFormat);
        var reopened = protector.Unprotect(result.Token, TenantAApiKey);
        Assert.Equal(ApiKey, reopened.Value);
        Assert.False(reopened.RequiresReprotect);
    }
}
