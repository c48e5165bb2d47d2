using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Tests.ThingsStack;

public sealed class ThingsStackIdsTests
{
    [Theory]
    [InlineData("app-1")]
    [InlineData("abc")]
    [InlineData("a1b2-c3d4")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456789")]
    public void Valid_ids_pass(string id) => Assert.True(ThingsStackIds.IsValid(id));

    [Theory]
    [InlineData("ab", "3 to 36")]
    [InlineData("abcdefghijklmnopqrstuvwxyz01234567890", "3 to 36")]
    [InlineData("App-1", "lower-case")]
    [InlineData("-app", "lower-case")]
    [InlineData("app-", "lower-case")]
    [InlineData("app--1", "lower-case")]
    [InlineData("app_1", "lower-case")]
    [InlineData("app.1", "lower-case")]
    [InlineData("admin", "reserved")]
    [InlineData("webhook", "reserved")]
    [InlineData("", "empty")]
    public void Invalid_ids_throw_an_argument_exception_naming_the_rule(string id, string rule)
    {
        var ex = Assert.Throws<ArgumentException>(() => ThingsStackIds.Validate(id, "applicationId"));

        Assert.Contains(rule, ex.Message, StringComparison.Ordinal);
        Assert.Equal("applicationId", ex.ParamName);
    }

    [Fact]
    public void User_ids_may_be_two_characters() => Assert.True(ThingsStackIds.IsValid("ab", ThingsStackIdKind.User));

    [Fact]
    public void A_clean_tenant_id_derives_prefix_dash_tenant()
        => Assert.Equal("t-acme", ThingsStackIds.Derive("t", "acme"));

    [Theory]
    [InlineData("Acme Corp")]
    [InlineData("ÄÖÜ___")]
    [InlineData("a")]
    [InlineData("a-very-long-tenant-identifier-that-does-not-fit-at-all")]
    [InlineData("--")]
    public void Derived_ids_are_stable_and_always_valid(string tenant)
    {
        var first = ThingsStackIds.Derive("tenant", tenant);

        Assert.Equal(first, ThingsStackIds.Derive("tenant", tenant));
        Assert.True(ThingsStackIds.IsValid(first), first);
    }

    [Fact]
    public void Tenant_ids_that_sanitise_alike_derive_different_ids()
        => Assert.NotEqual(ThingsStackIds.Derive("t", "acme"), ThingsStackIds.Derive("t", "Acme"));

    [Fact]
    public void Collision_safe_ids_are_valid_and_differ_on_every_call()
    {
        var ids = Enumerable.Range(0, 50).Select(_ => ThingsStackIds.CreateUnique("tenant", "a-very-long-tenant-identifier")).ToList();

        Assert.All(ids, id => Assert.True(ThingsStackIds.IsValid(id), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith("tenant-", id, StringComparison.Ordinal));
    }

    [Fact]
    public void Euis_are_normalised_to_upper_case_hex()
        => Assert.Equal("70B3D57ED000ABCD", ThingsStackIds.NormalizeEui("70b3d57ed000abcd", "devEui"));

    [Theory]
    [InlineData("70-B3-D5-7E-D0-00-AB-CD")]
    [InlineData("70B3D57ED000ABC")]
    [InlineData("70B3D57ED000ABCG")]
    public void Malformed_euis_are_refused(string eui)
        => Assert.Throws<ArgumentException>(() => ThingsStackIds.NormalizeEui(eui, "devEui"));
}
