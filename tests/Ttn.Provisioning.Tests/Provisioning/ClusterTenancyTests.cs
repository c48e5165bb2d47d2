using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Provisioning;

/// <summary>Issue 11, part 1: each tenant on its own cluster of several behind one Identity Server, and moving it by start fresh.</summary>
public sealed class ClusterTenancyTests
{
    [Fact]
    public async Task Two_tenants_on_two_clusters_get_their_webhooks_on_their_own_cluster()
    {
        await using var host = Cloud();

        var acme = await host.Service.ProvisionAsync(Owner("acme"));
        var globex = await host.Service.ProvisionAsync(Owner("globex"), "au1");

        Assert.True(acme.IsReady, acme.Error?.Message);
        Assert.True(globex.IsReady, globex.Error?.Message);
        Assert.Equal("nam1", acme.Cluster);
        Assert.Equal("au1", globex.Cluster);
        Assert.Equal("nam1", Assert.Single(host.Fake.Webhooks, w => w.ApplicationId == acme.ApplicationId).Cluster);
        Assert.Equal("au1", Assert.Single(host.Fake.Webhooks, w => w.ApplicationId == globex.ApplicationId).Cluster);
        Assert.Equal("au1", (await host.Service.GetStatusAsync(Owner("globex"))).Status!.Cluster);
    }

    [Fact]
    public async Task No_request_for_a_tenant_reaches_another_tenants_cluster()
    {
        await using var host = Cloud();
        await host.Service.ProvisionAsync(Owner("acme"));
        host.Fake.Journal.Clear();

        await host.Service.ProvisionAsync(Owner("globex"), "au1");
        await host.Service.UpdateSettingsAsync(Owner("globex"), new TenantSettingsUpdate { Messages = WebhookMessageTypes.All });
        await host.Service.RotateWebhookSecretAsync(Owner("globex"));
        await host.Service.TestConnectionAsync(Owner("globex"));
        await host.Service.DeepCleanAsync(Owner("globex"));

        var entries = host.Fake.Journal.Entries;
        Assert.Contains(entries, e => e.Cluster == "au1");
        Assert.All(entries, e => Assert.True(e.Cluster is null or "au1", $"{e} went to cluster {e.Cluster}"));
        Assert.DoesNotContain(entries, e => e.Host.StartsWith("nam1.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_tenant_names_its_cluster_from_the_first_write_even_when_that_run_fails()
    {
        await using var host = Cloud();
        host.Fake.Faults.Add(HttpMethod.Get, "auth_info", FakeFault.Status(503), onCall: 1);

        var failed = await host.Service.ProvisionAsync(Owner(), "au1");
        var retried = await host.Service.RetryAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Failed, failed.Outcome);
        Assert.Equal("au1", failed.Cluster);
        Assert.True(retried.IsReady, retried.Error?.Message);
        Assert.Equal("au1", Assert.Single(host.Fake.Webhooks).Cluster);
    }

    [Fact]
    public async Task An_unknown_cluster_is_refused_before_any_request_or_write()
    {
        await using var host = Cloud();

        var provision = await Assert.ThrowsAsync<ArgumentException>(() => host.Service.ProvisionAsync(Owner(), "eu2"));
        var move = await Assert.ThrowsAsync<ArgumentException>(() => host.Service.StartFreshAsync(Owner(), cluster: "eu2"));

        Assert.Contains("'eu2'", provision.Message, StringComparison.Ordinal);
        Assert.Equal("cluster", move.ParamName);
        Assert.Empty(host.Fake.Journal.Entries);
        Assert.Equal(0, host.CrashStore.Writes);
    }

    [Fact]
    public async Task Asking_a_provisioned_tenant_onto_another_cluster_answers_use_start_fresh_and_changes_nothing()
    {
        await using var host = Cloud();
        await host.Service.ProvisionAsync(Owner());
        var before = await host.RecordAsync();
        host.Fake.Journal.Clear();

        var moved = await host.Service.ProvisionAsync(Owner(), "au1");
        var same = await host.Service.ProvisionAsync(Owner(), "nam1");

        Assert.Equal(ProvisioningOutcome.UseStartFresh, moved.Outcome);
        Assert.Contains("start fresh", moved.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("'nam1'", moved.Error.Message, StringComparison.Ordinal);
        Assert.True(same.IsReady);
        Assert.Empty(host.Fake.Journal.Entries);
        Assert.Equal(before, await host.RecordAsync());
    }

    [Fact]
    public async Task Start_fresh_onto_another_cluster_removes_the_old_webhook_there_and_creates_the_new_one_on_the_new_cluster()
    {
        await using var host = Cloud();
        var first = await host.Service.ProvisionAsync(Owner());
        host.Fake.Journal.Clear();

        var moved = await host.Service.StartFreshAsync(Owner(), cluster: "au1");

        Assert.Equal(ProvisioningOutcome.Succeeded, moved.Outcome);
        Assert.Equal("nam1", moved.PreviousCluster);
        Assert.Equal("au1", moved.Cluster);
        Assert.Equal("au1", moved.Provisioning!.Cluster);
        Assert.Contains(host.Fake.Journal.Entries, e => e is { Method: "DELETE", Cluster: "nam1" } && e.Path.Contains(first.ApplicationId!, StringComparison.Ordinal));
        var webhook = Assert.Single(host.Fake.Webhooks);
        Assert.Equal(("au1", moved.NewApplicationId), (webhook.Cluster, webhook.ApplicationId));
        Assert.Equal("au1", (await host.RecordAsync()).Cluster);
        Assert.Equal("au1", (await host.Service.GetStatusAsync(Owner())).Status!.Cluster);
    }

    [Fact]
    public async Task A_tenant_not_yet_provisioned_answers_status_on_the_default_cluster()
    {
        await using var host = Cloud();

        var status = (await host.Service.GetStatusAsync(Owner("newcomer"))).Status!;

        Assert.Equal("nam1", status.Cluster);
        Assert.Equal((TenantSettings.Default.Enabled, TenantSettings.Default.Messages), (status.Settings.Enabled, status.Settings.Messages));
    }
}
