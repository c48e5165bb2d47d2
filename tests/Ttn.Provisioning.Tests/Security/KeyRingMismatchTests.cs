using Microsoft.Extensions.DependencyInjection;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.Tests.Provisioning;
using Ttn.Provisioning.Tests.Secrets;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Security;

/// <summary>
/// Issue 10, finding 4: a host whose key ring lacks the key a stored secret was sealed with (a rolling key rotation) must
/// not take the secret for lost: it changes nothing, revokes nothing, and says which key id is missing.
/// </summary>
public sealed class KeyRingMismatchTests
{
    [Fact]
    public async Task A_retry_on_a_host_without_the_sealing_key_revokes_nothing_and_names_the_missing_key_id()
    {
        await using var host = new ProvisioningTestHost(o => UseRing(o, primary: "k2", "k1", "k2"));
        host.Fake.Faults.Add(HttpMethod.Post, "applications/*/api-keys", FakeFault.Status(503), onCall: 1);
        Assert.Equal(ProvisioningOutcome.Failed, (await host.Service.ProvisionAsync(Owner())).Outcome);
        var before = await host.RecordAsync();
        Assert.StartsWith("ttn1.k2.", before.OrganizationApiKey!.Sealed, StringComparison.Ordinal);
        host.Fake.Journal.Clear();

        await using var oldHost = OtherHost(host, o => UseRing(o, primary: "k1", "k1"));
        var retry = await oldHost.GetRequiredService<IProvisioningService>().RetryAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Failed, retry.Outcome);
        Assert.Contains("'k2'", retry.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(ProvisioningStep.OrganizationApiKey, retry.Error.Step);
        Assert.DoesNotContain(host.Fake.Journal.Entries, e => e.Method == "DELETE");
        var after = await host.RecordAsync();
        Assert.Equal(before.OrganizationApiKey.Sealed, after.OrganizationApiKey?.Sealed);
        Assert.True(after.Checkpoints.HasFlag(ProvisioningStep.OrganizationApiKey));
        Assert.False(after.PendingSteps.HasFlag(ProvisioningStep.OrganizationApiKey));
    }

    [Fact]
    public async Task Once_the_key_is_back_in_the_ring_the_retry_finishes_with_the_same_organization_key()
    {
        await using var host = new ProvisioningTestHost(o => UseRing(o, primary: "k2", "k1", "k2"));
        host.Fake.Faults.Add(HttpMethod.Post, "applications/*/api-keys", FakeFault.Status(503), onCall: 1);
        await host.Service.ProvisionAsync(Owner());
        var organizationKey = (await host.RecordAsync()).OrganizationApiKey!.KeyId;
        await using (var oldHost = OtherHost(host, o => UseRing(o, primary: "k1", "k1")))
        {
            await oldHost.GetRequiredService<IProvisioningService>().RetryAsync(Owner());
        }

        var retry = await host.Service.RetryAsync(Owner());

        Assert.True(retry.IsReady, retry.ToString());
        Assert.Equal(organizationKey, (await host.RecordAsync()).OrganizationApiKey!.KeyId);
        Assert.Single(host.LiveKeys("organization"));
    }

    [Fact]
    public async Task A_damaged_organization_key_is_still_replaced()
    {
        await using var host = new ProvisioningTestHost();
        host.Fake.Faults.Add(HttpMethod.Post, "applications/*/api-keys", FakeFault.Status(503), onCall: 1);
        await host.Service.ProvisionAsync(Owner());
        var record = await host.RecordAsync();
        var damaged = record.OrganizationApiKey!.Sealed[..^4] + (record.OrganizationApiKey.Sealed.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");
        await host.Store.TryWriteAsync(record with { OrganizationApiKey = new StoredApiKey(
            sealedKey: damaged,
            lastFour: "XXXX",
            keyId: record.OrganizationApiKey.KeyId) });

        var first = await host.Service.RetryAsync(Owner());
        var second = await host.Service.RetryAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Failed, first.Outcome);
        Assert.True(second.IsReady, second.ToString());
        Assert.Single(host.LiveKeys("organization"));
    }

    private static void UseRing(TtnProvisioningOptions options, string primary, params string[] ids)
    {
        options.Secrets.Keys.Clear();
        foreach (var id in ids)
        {
            options.Secrets.Keys.Add(new SecretKeyOptions { Id = id, Key = SecretTestData.KeyFor(id) });
        }

        options.Secrets.PrimaryKeyId = primary;
    }

    /// <summary>A second host on the same Things Stack and the same store, with its own options.</summary>
    private static ServiceProvider OtherHost(ProvisioningTestHost host, Action<TtnProvisioningOptions> configure)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(host.Time);
        services.AddLogging();
        services.AddTtnProvisioning(o =>
            {
                o.ThingsStack.IdentityServerUri = IdentityServer;
                o.ThingsStack.Clusters["nam1"] = Cluster;
                o.ThingsStack.MaxRetryAttempts = 0;
                o.AdminApiKey = host.AdminKey;
                o.WebhookBaseUrl = WebhookBase;
                configure(o);
            })
            .ConfigureHttpClient(http => http.ConfigurePrimaryHttpMessageHandler(() => host.Fake.CreateHandler()));
        services.AddSingleton(host.Store);
        return services.BuildServiceProvider();
    }
}
