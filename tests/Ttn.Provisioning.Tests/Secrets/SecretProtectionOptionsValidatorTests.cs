using Microsoft.Extensions.Options;
using Ttn.Provisioning.Secrets;
using static Ttn.Provisioning.Tests.Secrets.SecretTestData;

namespace Ttn.Provisioning.Tests.Secrets;

public sealed class SecretProtectionOptionsValidatorTests
{
    private static readonly SecretProtectionOptionsValidator Validator = new();

    [Fact]
    public void Valid_ring_passes()
    {
        Assert.True(Validator.Validate(null, Ring("k2", "k1", "k2")).Succeeded);
    }

    [Fact]
    public void Sixteen_byte_key_is_rejected_with_a_message_that_names_the_key_id_but_not_the_key()
    {
        var shortKey = Convert.ToBase64String(Enumerable.Range(1, 16).Select(i => (byte)i).ToArray());
        var options = new SecretProtectionOptions { PrimaryKeyId = "short", Keys = { new SecretKeyOptions { Id = "short", Key = shortKey } } };

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("'short' is 16 bytes long", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("32 bytes", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(shortKey, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_key_ids_are_rejected()
    {
        var result = Validator.Validate(null, Ring("k1", "k1", "k1"));

        Assert.Contains("'k1' is used more than once", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(KeyFor("k1"), result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_primary_is_rejected()
    {
        var options = Ring("k1", "k1");
        options.PrimaryKeyId = null;

        Assert.Contains("No primary secret key is set", Validator.Validate(null, options).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Primary_that_is_not_in_the_ring_is_rejected()
    {
        Assert.Contains("'k9' is not in the key ring", Validator.Validate(null, Ring("k9", "k1")).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_ring_is_rejected()
    {
        Assert.Contains("key ring is empty", Validator.Validate(null, new SecretProtectionOptions { PrimaryKeyId = "k1" }).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_that_is_not_base64_is_rejected_without_echoing_it()
    {
        var options = new SecretProtectionOptions { PrimaryKeyId = "k1", Keys = { new SecretKeyOptions { Id = "k1", Key = "not*base64*at*all" } } };

        var message = Validator.Validate(null, options).FailureMessage;

        Assert.Contains("'k1' is not valid base64", message, StringComparison.Ordinal);
        Assert.DoesNotContain("not*base64", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has.dot")]
    [InlineData("has space")]
    [InlineData("a-key-id-that-is-much-too-long-for-a-token")]
    public void Invalid_key_ids_are_rejected_without_echoing_them(string id)
    {
        var options = new SecretProtectionOptions { PrimaryKeyId = "k1", Keys = { new SecretKeyOptions { Id = id, Key = KeyFor("k1") } } };

        var message = Validator.Validate(null, options).FailureMessage;

        Assert.Contains("invalid id", message, StringComparison.Ordinal);
        if (id.Length > 0)
        {
            Assert.DoesNotContain(id, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Protector_refuses_an_invalid_ring_at_construction()
    {
        var error = Assert.Throws<OptionsValidationException>(() => new AesGcmSecretProtector(Options.Create(Ring("missing", "k1"))));

        Assert.Contains("'missing' is not in the key ring", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Key_options_print_the_id_only()
    {
        var key = new SecretKeyOptions { Id = "k1", Key = KeyFor("k1") };

        Assert.Equal("SecretKey(k1)", key.ToString());
    }

    [Fact]
    public void A_legacy_salt_without_a_migration_window_is_rejected_saying_what_to_set()
    {
        var options = Ring("k1", "k1");
        options.LegacySalt = LegacySalt;

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("LegacySalt is set but AllowLegacyFormatsUntil is not", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(LegacySalt, result.FailureMessage, StringComparison.Ordinal);
        Assert.Throws<OptionsValidationException>(() => Protector(options));
    }

    [Fact]
    public void A_migration_window_without_a_legacy_salt_is_rejected()
    {
        var options = Ring("k1", "k1");
        options.AllowLegacyFormatsUntil = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var result = Validator.Validate(null, options);

        Assert.Contains("AllowLegacyFormatsUntil is set but LegacySalt is not", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_legacy_salt_with_a_migration_window_passes()
    {
        var options = Ring("k1", "k1");
        options.LegacySalt = string.Empty;
        options.AllowLegacyFormatsUntil = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.True(Validator.Validate(null, options).Succeeded);
    }
}
