using Ttn.Provisioning.Secrets;
using static Ttn.Provisioning.Tests.Secrets.SecretTestData;

namespace Ttn.Provisioning.Tests.Secrets;

public sealed class KeyRotationTests
{
    [Fact]
    public void Token_sealed_with_the_old_primary_still_opens_and_requires_reprotect()
    {
        using var before = Protector("old", "old");
        using var after = Protector("new", "old", "new");
        var token = before.Protect(ApiKey, TenantAApiKey);

        var opened = after.Unprotect(token, TenantAApiKey);

        Assert.Equal(ApiKey, opened.Value);
        Assert.True(opened.RequiresReprotect);
    }

    [Fact]
    public void Reprotect_seals_an_old_token_with_the_new_primary_key()
    {
        using var before = Protector("old", "old");
        using var after = Protector("new", "old", "new");
        var token = before.Protect(ApiKey, TenantAApiKey);

        var result = after.Reprotect(token, TenantAApiKey);

        Assert.Equal(ReprotectOutcome.Reprotected, result.Outcome);
        Assert.True(result.Changed);
        Assert.Equal("ttn1:old", result.PreviousFormat);
        Assert.Equal("ttn1:new", result.CurrentFormat);
        Assert.StartsWith("ttn1.new.", result.Token, StringComparison.Ordinal);
        var reopened = after.Unprotect(result.Token, TenantAApiKey);
        Assert.Equal(ApiKey, reopened.Value);
        Assert.False(reopened.RequiresReprotect);
    }

    [Fact]
    public void Reprotect_leaves_a_current_token_unchanged()
    {
        using var protector = Protector("new", "old", "new");
        var token = protector.Protect(ApiKey, TenantAApiKey);

        var result = protector.Reprotect(token, TenantAApiKey);

        Assert.Equal(ReprotectOutcome.AlreadyCurrent, result.Outcome);
        Assert.False(result.Changed);
        Assert.Same(token, result.Token);
    }

    [Fact]
    public void Reprotect_of_nothing_stored_is_empty()
    {
        using var protector = Protector();

        Assert.Equal(ReprotectOutcome.Empty, protector.Reprotect(null, TenantAApiKey).Outcome);
    }

    [Fact]
    public void Reprotect_of_an_unopenable_token_fails_and_keeps_the_stored_text()
    {
        using var protector = Protector();
        const string stored = "ttn1.gone.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        var result = protector.Reprotect(stored, TenantAApiKey);

        Assert.Equal(ReprotectOutcome.Failed, result.Outcome);
        Assert.Equal(SafeDecryptFailureReason.UnknownKey, result.FailureReason);
        Assert.Same(stored, result.Token);
    }

    [Fact]
    public void Reprotect_result_never_prints_the_token()
    {
        using var before = Protector("old", "old");
        using var after = Protector("new", "old", "new");

        var result = after.Reprotect(before.Protect(ApiKey, TenantAApiKey), TenantAApiKey);

        Assert.DoesNotContain(result.Token!, result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey[^4..], result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Generated_keys_are_32_random_bytes()
    {
        var first = Convert.FromBase64String(SecretProtectionOptions.GenerateKey());
        var second = Convert.FromBase64String(SecretProtectionOptions.GenerateKey());

        Assert.Equal(32, first.Length);
        Assert.NotEqual(first, second);
    }
}
