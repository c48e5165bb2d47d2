using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tests.Provisioning;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Reliability;

/// <summary>
/// The fault matrix for what the main matrix leaves out: the optional gateway key step, a webhook secret rotation, and
/// bringing an existing application, each × every fault.
/// </summary>
public sealed class OptionalStepFaultTests
{
    private static readonly FaultPoint GatewayKey = new("create gateway key", "POST", "organizations/*/api-keys");
    private static readonly FaultPoint WebhookPut = new("set webhook", "PUT", "as/webhooks/*/*");

    public static TheoryData<string, Fault> Cases()
    {
        var data = new TheoryData<string, Fault>();
        foreach (var operation in new[] { "gateway key", "rotate webhook secret", "bring existing application" })
        {
            foreach (var fault in Enum.GetValues<Fault>())
            {
                data.Add(operation, fault);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fault_in_an_optional_operation_is_recovered_without_orphans_or_a_lost_secret(string operation, Fault fault)
    {
        switch (operation)
        {
            case "gateway key":
                await GatewayKeyAsync(fault);
                break;
            case "rotate webhook secret":
                await RotationAsync(fault);
                break;
            default:
                await BringExistingApplicationAsync(fault);
                break;
        }
    }

    /// <summary>The gateway key is optional: the tenant is Ready anyway, and a later Provision finishes the key with no orphan.</summary>
    private static async Task GatewayKeyAsync(Fault fault)
    {
        await using var host = new ProvisioningTestHost(o => o.CreateGatewayApiKey = true);
        if (fault == Fault.CrashBeforeStoreWrite)
        {
            FaultInjection.CrashOn(host, r => r.GatewayApiKey?.Sealed is not null);
        }
        else
        {
            // The organization key is the first POST to that route, the gateway key the second.
            host.Fake.Faults.Add(new HttpMethod(GatewayKey.Method), GatewayKey.Route, FaultInjection.ToFakeFault(fault), onCall: 2, FaultInjection.TimingOf(fault));
        }

        var first = await FaultInjection.RunAsync(host, fault, () => host.Service.ProvisionAsync(Owner()));
        if (first is not null)
        {
            Assert.True(first.IsReady, first.Error?.Message);
            Assert.NotEmpty(first.Warnings);
        }

        var again = await host.Service.ProvisionAsync(Owner());

        Assert.True(again.IsReady, again.Error?.Message);
        FaultMatrixTests.AssertOneOfEach(host);
        var gatewayKey = Assert.Single(host.LiveKeys("gateway"));
        var record = await host.RecordAsync();
        Assert.Equal(gatewayKey.Id, record.GatewayApiKey?.KeyId);
        Assert.True(host.Protector.Unprotect(record.GatewayApiKey?.Sealed, new SecretContext("acme", SecretField.GatewayApiKey)).IsDecrypted);
        Assert.Null(record.Lease?.Holder);
    }

    /// <summary>A failed rotation never leaves TTS sending a secret the host refuses; a second rotation completes it.</summary>
    private static async Task RotationAsync(Fault fault)
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        var before = (await host.Service.GetCredentialsAsync(Owner())).Credentials!.WebhookSecret.Secret.Value!;
        if (fault == Fault.CrashBeforeStoreWrite)
        {
            FaultInjection.CrashOn(host, r => r.WebhookSecret.PendingSealed is null && r.WebhookSecret.Sealed != null && r.WebhookSecret.PreviousSealed != null);
        }
        else
        {
            FaultInjection.Arm(host, WebhookPut, fault);
        }

        var first = await FaultInjection.RunAsync(host, fault, () => host.Service.RotateWebhookSecretAsync(Owner()));

        // Whatever happened, the secret TTS sends is one the host accepts.
        Assert.True(await host.Service.VerifyWebhookSecretAsync("acme", Assert.Single(host.Fake.Webhooks).Headers["X-Webhook-Secret"]));
        if (first is not null)
        {
            Assert.Equal(ProvisioningOutcome.Failed, first.Outcome);
            Assert.True(await host.Service.VerifyWebhookSecretAsync("acme", before));
        }

        var again = await host.Service.RotateWebhookSecretAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Succeeded, again.Outcome);
        var current = (await host.Service.GetCredentialsAsync(Owner())).Credentials!.WebhookSecret.Secret.Value!;
        Assert.Equal(current, Assert.Single(host.Fake.Webhooks).Headers["X-Webhook-Secret"]);
        host.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.True(await host.Service.VerifyWebhookSecretAsync("acme", current));
        Assert.False(await host.Service.VerifyWebhookSecretAsync("acme", before));
        Assert.Null((await host.RecordAsync()).WebhookSecret.PendingSealed);
    }

    /// <summary>Bringing an application that fails at its webhook is finished by a retry, with one webhook set with its own key.</summary>
    private static async Task BringExistingApplicationAsync(Fault fault)
    {
        await using var host = new ProvisioningTestHost();
        using var other = new OtherAccount(host.Fake, "tenant-own-account");
        await other.CreateApplicationAsync("their-app");
        var key = await other.CreateApplicationKeyAsync("their-app", "RIGHT_APPLICATION_ALL");
        if (fault == Fault.CrashBeforeStoreWrite)
        {
            FaultInjection.CrashOn(host, r => r.Checkpoints.HasFlag(ProvisioningStep.Webhook));
        }
        else
        {
            FaultInjection.Arm(host, WebhookPut, fault);
        }

        var first = await FaultInjection.RunAsync(host, fault, () => host.Service.ConfigureExistingApplicationAsync(Owner(), "their-app", key));
        if (first is not null)
        {
            Assert.Equal(ProvisioningOutcome.Failed, first.Outcome);
            Assert.Equal(ProvisioningStep.Webhook, first.Error!.Step);
        }

        var retried = await host.Service.RetryAsync(Owner());

        Assert.True(retried.IsReady, retried.Error?.Message);
        var webhook = Assert.Single(host.Fake.Webhooks);
        Assert.Equal("their-app", webhook.ApplicationId);
        Assert.True(await host.Service.VerifyWebhookSecretAsync("acme", webhook.Headers["X-Webhook-Secret"]));
        Assert.DoesNotContain(host.Fake.Organizations, o => o.Id.StartsWith("tp-", StringComparison.Ordinal));
        var record = await host.RecordAsync();
        Assert.Equal(ProvisioningState.Ready, record.State);
        Assert.Null(record.Lease?.Holder);
    }
}
