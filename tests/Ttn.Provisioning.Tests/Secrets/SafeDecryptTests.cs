using Ttn.Provisioning.Secrets;
using static Ttn.Provisioning.Tests.Secrets.SecretTestData;

namespace Ttn.Provisioning.Tests.Secrets;

public sealed class SafeDecryptTests
{
    [Fact]
    public void Default_value_is_empty()
    {
        SafeDecrypt value = default;

        Assert.Equal(SafeDecryptStatus.Empty, value.Status);
        Assert.Null(value.Value);
        Assert.Equal(SafeDecryptFailureReason.None, value.FailureReason);
        Assert.Equal("Empty", value.ToString());
    }

    [Fact]
    public void Decrypted_value_prints_only_its_last_four_characters()
    {
        var value = SafeDecrypt.Decrypted(ApiKey);

        Assert.Equal("Decrypted(…QRST)", value.ToString());
        Assert.DoesNotContain(ApiKey[..^4], value.ToString(), StringComparison.Ordinal);
        Assert.Equal("QRST", value.LastFour);
    }

    [Fact]
    public void Short_secret_prints_none_of_its_characters()
    {
        var value = SafeDecrypt.Decrypted("abc123");

        Assert.Equal("Decrypted(****)", value.ToString());
        Assert.Null(value.LastFour);
    }

    [Fact]
    public void Failed_value_has_no_value_and_prints_its_reason()
    {
        var value = SafeDecrypt.Failed(SafeDecryptFailureReason.UnknownKey);

        Assert.Null(value.Value);
        Assert.False(value.TryGetValue(out _));
        Assert.Equal("Failed(UnknownKey)", value.ToString());
    }

    [Fact]
    public void Failed_without_a_reason_is_recorded_as_malformed()
    {
        Assert.Equal(SafeDecryptFailureReason.Malformed, SafeDecrypt.Failed(SafeDecryptFailureReason.None).FailureReason);
    }

    [Fact]
    public void Decrypting_nothing_gives_empty()
    {
        Assert.Equal(SafeDecrypt.Empty, SafeDecrypt.Decrypted(null));
        Assert.Equal(SafeDecrypt.Empty, SafeDecrypt.Decrypted(string.Empty));
    }

    [Fact]
    public void Requires_reprotect_is_shown_without_the_secret()
    {
        Assert.Equal("Decrypted(…QRST, requires reprotect)", SafeDecrypt.Decrypted(ApiKey, requiresReprotect: true).ToString());
    }

    [Fact]
    public void Values_compare_by_status_reason_flag_and_value()
    {
        Assert.Equal(SafeDecrypt.Decrypted("same-secret"), SafeDecrypt.Decrypted("same-secret"));
        Assert.NotEqual(SafeDecrypt.Decrypted("same-secret"), SafeDecrypt.Decrypted("same-secret", requiresReprotect: true));
        Assert.True(SafeDecrypt.Failed(SafeDecryptFailureReason.Malformed) != SafeDecrypt.Failed(SafeDecryptFailureReason.UnknownKey));
    }

    [Fact]
    public void String_interpolation_never_shows_the_secret()
    {
        var value = SafeDecrypt.Decrypted(WebhookSecret);

        Assert.DoesNotContain(WebhookSecret, $"stored secret: {value}", StringComparison.Ordinal);
    }
}
