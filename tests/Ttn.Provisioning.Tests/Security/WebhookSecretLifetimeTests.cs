using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.Tests.Provisioning;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Security;

/// <summary>Issue 10, findings 8, 9 and 14: what webhook secrets are accepted, for how long, and after what.</summary>
public sealed class WebhookSecretLifetimeTests
{
    [Fact]
    public async Task The_replaced_secret_is_refused_after_a_deep_clean()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        var old = await CurrentSecretAsync(host);
        await host.Service.RotateWebhookSecretAsync(Owner());
        Assert.True(await host.Service.VerifyWebhookSecretAsync("acme", old));

        await host.Service.DeepCleanAsync(Owner());

        Assert.False(await host.Service.VerifyWebhookSecretAsync("acme", old));
        Assert.Null((await host.RecordAsync()).WebhookSecret.PreviousSealed);
    }

    [Fact]
    public async Task The_replaced_secret_is_refused_after_a_start_fresh()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        var old = await CurrentSecretAsync(host);
        await host.Service.RotateWebhookSecretAsync(Owner());

        await host.Service.StartFreshAsync(Owner(), provisionAgain: false);

        Assert.False(await host.Service.VerifyWebhookSecretAsync("acme", old));
    }

    [Fact]
    public async Task The_replaced_secret_is_accepted_until_the_instant_its_grace_period_ends()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        var old = await CurrentSecretAsync(host);
        await host.Service.RotateWebhookSecretAsync(Owner());

        host.Time.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromTicks(1));
        Assert.True(await host.Service.VerifyWebhookSecretAsync("acme", old));
        host.Time.Advance(TimeSpan.FromTicks(1));
        Assert.False(await host.Service.VerifyWebhookSecretAsync("acme", old));
    }

    [Fact]
    public async Task The_configured_grace_period_is_the_one_that_applies()
    {
        await using var host = new ProvisioningTestHost(o => o.WebhookSecretGracePeriod = TimeSpan.FromMinutes(2));
        await host.Service.ProvisionAsync(Owner());
        var old = await CurrentSecretAsync(host);
        await host.Service.RotateWebhookSecretAsync(Owner());

        host.Time.Advance(TimeSpan.FromSeconds(119));
        Assert.True(await host.Service.VerifyWebhookSecretAsync("acme", old));
        host.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await host.Service.VerifyWebhookSecretAsync("acme", old));
    }

    [Fact]
    public async Task A_damaged_pending_secret_is_replaced_by_the_retry_and_tts_and_the_store_agree_on_the_new_one()
    {
        await using var host = new ProvisioningTestHost();
        host.Fake.Faults.Add(HttpMethod.Put, "as/webhooks/*/*", FakeFault.Status(503), onCall: 1);
        Assert.Equal(ProvisioningOutcome.Failed, (await host.Service.ProvisionAsync(Owner())).Outcome);
        var record = await host.RecordAsync();
        Assert.NotNull(record.WebhookSecret.PendingSealed);
        var damaged = new WebhookSecretSet(
            sealedSecret: null, lastFour: null, pendingSealed: "ttn1.test.damaged", previousSealed: null, previousValidUntil: null);
        await host.Store.TryWriteAsync(record with { WebhookSecret = damaged });

        var retry = await host.Service.RetryAsync(Owner());

        Assert.True(retry.IsReady, retry.ToString());
        var secret = await CurrentSecretAsync(host);
        Assert.Equal(secret, Assert.Single(host.Fake.Webhooks).Headers["X-Webhook-Secret"]);
        Assert.True(await host.Service.VerifyWebhookSecretAsync("acme", secret));
    }

    [Fact]
    public async Task A_damaged_pending_secret_does_not_block_a_rotation()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        var record = await host.RecordAsync();
        await host.Store.TryWriteAsync(record with
        {
            WebhookSecret = new WebhookSecretSet(
                sealedSecret: record.WebhookSecret.Sealed,
                lastFour: record.WebhookSecret.LastFour,
                pendingSealed: "ttn1.test.damaged",
                previousSealed: null,
                previousValidUntil: null),
        });

        var rotated = await host.Service.RotateWebhookSecretAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Succeeded, rotated.Outcome);
        Assert.Equal(await CurrentSecretAsync(host), Assert.Single(host.Fake.Webhooks).Headers["X-Webhook-Secret"]);
    }

    private static async Task<string> CurrentSecretAsync(ProvisioningTestHost host)
    {
        var record = await host.RecordAsync();
        return host.Protector.Unprotect(record.WebhookSecret.Sealed, new SecretContext("acme", SecretField.WebhookSecret)).Value!;
    }
}
