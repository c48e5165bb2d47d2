using Ttn.Provisioning.Secrets;
using static Ttn.Provisioning.Tests.Secrets.SecretTestData;

namespace Ttn.Provisioning.Tests.Secrets;

/// <summary>The format names re-protection reads from the stored text, which the sweep counts legacy values by.</summary>
public sealed class SecretReprotectionTests
{
    [Theory]
    [InlineData("not base64!", true, SafeDecryptFailureReason.Malformed, "v1")]
    [InlineData("bm90IGEgdG9rZW4=", false, SafeDecryptFailureReason.UnsupportedFormat, null)]
    [InlineData("ttn2.k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", true, SafeDecryptFailureReason.UnsupportedFormat, null)]
    [InlineData("ttn1.gone.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", false, SafeDecryptFailureReason.UnknownKey, "ttn1:gone")]
    public void Text_that_fails_to_open_is_named_by_the_format_the_protector_tried_to_read_it_in(
        string stored, bool legacySalt, SafeDecryptFailureReason reason, string? format)
    {
        var options = Ring("k1", "k1");
        options.LegacySalt = legacySalt ? LegacySalt : null;
        options.AllowLegacyFormatsUntil = legacySalt ? DateTimeOffset.MaxValue : null;
        using var protector = Protector(options);

        var result = protector.Reprotect(stored, TenantAApiKey);

        Assert.Equal(reason, result.FailureReason);
        Assert.Equal(format, result.PreviousFormat);
    }
}
