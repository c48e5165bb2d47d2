using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Tests.Secrets;

/// <summary>
/// The tenant id rule (finding 6 of issue 10): UTF-8 turns every unpaired surrogate into U+FFFD, so such ids would share
/// their associated data, derived TTS ids and owner marker with another tenant; and a dot segment vanishes from the
/// webhook URL.
/// </summary>
public sealed class SecretContextTests
{
    /// <summary>Ill-formed UTF-16 (test data of its own: attributes and test-case serialisation carry strings as UTF-8).</summary>
    public static TheoryData<string> UnpairedSurrogates() => new() { "t\uD800", "t\uDC00", "\uDC00\uD800", "t\uD800x" };

    [Theory]
    [MemberData(nameof(UnpairedSurrogates), DisableDiscoveryEnumeration = true)]
    public void A_tenant_id_with_an_unpaired_surrogate_is_refused(string tenantId)
    {
        var error = Assert.Throws<ArgumentException>(() => new SecretContext(tenantId, SecretField.WebhookSecret));

        Assert.Equal("tenantId", error.ParamName);
        Assert.Contains("surrogate", error.Message, StringComparison.Ordinal);
        Assert.False(SecretContext.IsValidTenantId(tenantId));
    }

    [Theory]
    [InlineData("t\uFFFD")]
    [InlineData("t\U0001F600")]
    public void The_replacement_character_and_a_surrogate_pair_are_valid_tenant_ids(string tenantId)
    {
        Assert.Equal(tenantId, new SecretContext(tenantId, SecretField.WebhookSecret).TenantId);
        Assert.True(SecretContext.IsValidTenantId(tenantId));
    }

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void A_dot_segment_is_refused_as_a_tenant_id(string tenantId)
    {
        var error = Assert.Throws<ArgumentException>(() => new SecretContext(tenantId, SecretField.WebhookSecret));

        Assert.Contains("'.' or '..'", error.Message, StringComparison.Ordinal);
        Assert.False(SecretContext.IsValidTenantId(tenantId));
    }

    [Theory]
    [InlineData("...")]
    [InlineData(".acme")]
    [InlineData("acme.example")]
    public void Other_tenant_ids_with_dots_are_valid(string tenantId) => Assert.True(SecretContext.IsValidTenantId(tenantId));

    [Theory]
    [MemberData(nameof(UnpairedSurrogates), DisableDiscoveryEnumeration = true)]
    public void A_tenant_id_with_an_unpaired_surrogate_derives_no_tts_id(string tenantId)
    {
        var error = Assert.Throws<ArgumentException>(() => ThingsStackIds.Derive("tp", tenantId));

        Assert.Equal("tenantId", error.ParamName);
        Assert.Throws<ArgumentException>(() => ThingsStackIds.CreateUnique("tp", tenantId));
    }

    [Fact]
    public void The_replacement_character_still_derives_a_valid_tts_id() =>
        Assert.True(ThingsStackIds.IsValid(ThingsStackIds.Derive("tp", "t\uFFFD")));
}
