using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tests.Provisioning;
using static Ttn.Provisioning.Tests.Secrets.SecretTestData;

namespace Ttn.Provisioning.Tests.Secrets;

/// <summary>
/// Finding 7 of issue 10: legacy values are unauthenticated and bound to no tenant, so reading them is an explicit,
/// time-limited migration mode (<see cref="SecretProtectionOptions.AllowLegacyFormatsUntil"/>), off by default, and a
/// legacy value is marked so that verification can refuse it.
/// </summary>
public sealed class LegacyMigrationWindowTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly SecretContext Webhook = new("tenant-a", SecretField.WebhookSecret);

    private readonly FakeTimeProvider _time = new(Start);

    public static TheoryData<string> LegacyWebhookSecrets() => new()
    {
        LegacySecretFormats.Encode(WebhookSecret, LegacySalt, LegacyFormat.Base64),
        LegacySecretFormats.Encode(WebhookSecret, LegacySalt, LegacyFormat.V2),
        LegacySecretFormats.Encode(WebhookSecret, LegacySalt, LegacyFormat.V1),
    };

    [Theory]
    [InlineData("b64:")]
    [InlineData("v2:")]
    public void Without_a_migration_window_a_prefixed_legacy_value_fails_as_not_allowed(string prefix)
    {
        using var protector = Protector();

        var opened = protector.Unprotect(prefix + Convert.ToBase64String(Encoding.UTF8.GetBytes(WebhookSecret)), Webhook);

        Assert.Equal(SafeDecryptStatus.Failed, opened.Status);
        Assert.Equal(SafeDecryptFailureReason.LegacyFormatNotAllowed, opened.FailureReason);
    }

    [Theory]
    [MemberData(nameof(LegacyWebhookSecrets))]
    public void Inside_the_window_a_legacy_value_opens_marked_as_legacy(string stored)
    {
        using var protector = WindowProtector(TimeSpan.FromDays(30));

        var opened = protector.Unprotect(stored, Webhook);

        Assert.Equal(WebhookSecret, opened.Value);
        Assert.True(opened.IsLegacyFormat);
        Assert.True(opened.RequiresReprotect);
    }

    [Theory]
    [MemberData(nameof(LegacyWebhookSecrets))]
    public void Once_the_window_ends_a_legacy_value_fails_as_not_allowed(string stored)
    {
        using var protector = WindowProtector(TimeSpan.FromDays(30));
        _time.Advance(TimeSpan.FromDays(30));

        var opened = protector.Unprotect(stored, Webhook);

        Assert.Equal(SafeDecryptStatus.Failed, opened.Status);
        Assert.Equal(SafeDecryptFailureReason.LegacyFormatNotAllowed, opened.FailureReason);
    }

    [Fact]
    public void A_ttn1_value_is_never_marked_as_legacy_even_under_an_old_key()
    {
        using var old = Protector("k1");
        using var protector = WindowProtector(TimeSpan.FromDays(30));

        var opened = protector.Unprotect(old.Protect(WebhookSecret, Webhook), Webhook);

        Assert.True(opened.RequiresReprotect);
        Assert.False(opened.IsLegacyFormat);
    }

    [Fact]
    public void Reprotect_after_the_window_leaves_the_value_and_names_its_format()
    {
        using var protector = WindowProtector(TimeSpan.FromDays(30));
        _time.Advance(TimeSpan.FromDays(31));
        var stored = LegacySecretFormats.Encode(WebhookSecret, LegacySalt, LegacyFormat.Base64);

        var result = protector.Reprotect(stored, Webhook);

        Assert.Equal(ReprotectOutcome.Failed, result.Outcome);
        Assert.Equal(SafeDecryptFailureReason.LegacyFormatNotAllowed, result.FailureReason);
        Assert.Equal("b64", result.PreviousFormat);
        Assert.Equal(stored, result.Token);
    }

    [Fact]
    public async Task Verification_refuses_a_legacy_webhook_secret_once_the_window_has_ended() =>
        Assert.False(await VerifyLegacyWebhookSecretAsync(windowEnds: Start));

    [Fact]
    public async Task Verification_refuses_a_legacy_webhook_secret_even_inside_the_window() =>
        Assert.False(await VerifyLegacyWebhookSecretAsync(windowEnds: Start.AddDays(30)));

    /// <summary>Stores the webhook secret as <c>b64:</c> and presents it, through the service wired as a host wires it.</summary>
    private static async Task<bool> VerifyLegacyWebhookSecretAsync(DateTimeOffset windowEnds)
    {
        await using var host = new ProvisioningTestHost(o =>
        {
            o.Secrets.LegacySalt = LegacySalt;
            o.Secrets.AllowLegacyFormatsUntil = windowEnds;
        });
        Assert.Equal(Start, host.Time.GetUtcNow());
        await host.Store.TryWriteAsync(new TenantRecord
        {
            TenantId = "acme",
            State = ProvisioningState.Ready,
            WebhookSecret = new WebhookSecretSet(
                sealedSecret: LegacySecretFormats.Encode(WebhookSecret, LegacySalt, LegacyFormat.Base64),
                lastFour: null,
                pendingSealed: null,
                previousSealed: null,
                previousValidUntil: null),
        });

        return await host.Service.VerifyWebhookSecretAsync("acme", WebhookSecret);
    }

    private AesGcmSecretProtector WindowProtector(TimeSpan open)
    {
        var options = Ring("k2", "k1", "k2");
        options.LegacySalt = LegacySalt;
        options.AllowLegacyFormatsUntil = Start + open;
        return new AesGcmSecretProtector(Options.Create(options), _time);
    }
}
