using System.Net;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Tests.ThingsStack;

/// <summary>Issue 11, part 1: several clusters behind one Identity Server, each request routed to the cluster it names.</summary>
public sealed class ClusterRoutingTests
{
    private static readonly Webhook Hook = new() { Ids = new WebhookIdentifiers("hook-1"), BaseUrl = "https://example.com/ttn/acme", Format = "json" };

    [Fact]
    public async Task An_application_server_request_goes_to_the_cluster_it_names()
    {
        using var host = new ThingsStackTestHost(o => o.UseTheThingsNetworkCloud());
        host.Stub.Enqueue(HttpStatusCode.OK, """{"ids":{"webhook_id":"hook-1","application_ids":{"application_id":"app-1"}}}""");

        await host.Client.SetWebhookAsync("au1", ThingsStackTestHost.AdminKey, "app-1", Hook, ["base_url", "format"]);

        Assert.Equal("au1.cloud.thethings.network", Assert.Single(host.Stub.Requests).Uri.Host);
    }

    [Fact]
    public async Task An_identity_server_request_stays_on_the_identity_server_whatever_the_clusters()
    {
        using var host = new ThingsStackTestHost(o => o.UseTheThingsNetworkCloud(defaultCluster: "nam1"));
        host.Stub.Enqueue(HttpStatusCode.OK, "{}");

        await host.Client.GetAuthInfoAsync(ThingsStackTestHost.AdminKey);

        Assert.Equal("eu1.cloud.thethings.network", Assert.Single(host.Stub.Requests).Uri.Host);
    }

    [Fact]
    public async Task An_unknown_cluster_is_an_argument_error_naming_the_configured_ones_before_any_request()
    {
        using var host = new ThingsStackTestHost(o => o.UseTheThingsNetworkCloud());

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => host.Client.ListWebhooksAsync("eu2", ThingsStackTestHost.AdminKey, "app-1"));

        Assert.Contains("'eu2'", error.Message, StringComparison.Ordinal);
        Assert.Contains("au1, eu1, nam1", error.Message, StringComparison.Ordinal);
        Assert.Empty(host.Stub.Requests);
    }

    [Fact]
    public async Task Every_configured_cluster_may_receive_credentials_and_no_other_host()
    {
        using var host = new ThingsStackTestHost(o => o.UseTheThingsNetworkCloud());
        using var http = host.CreateNamedHttpClient();
        host.Stub.Enqueue(HttpStatusCode.OK, "{}");

        await http.GetAsync(new Uri("https://au1.cloud.thethings.network/api/v3/as/webhooks/app-1"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => http.GetAsync(new Uri("https://eu2.cloud.thethings.network/api/v3/as/webhooks/app-1")));

        Assert.Single(host.Stub.Requests);
    }

    [Fact]
    public void The_things_network_cloud_preset_names_three_clusters_behind_the_eu1_identity_server()
    {
        var options = new ThingsStackOptions().UseTheThingsNetworkCloud(defaultCluster: "nam1");

        Assert.Equal(new Uri("https://eu1.cloud.thethings.network"), options.IdentityServerUri);
        Assert.Equal(["au1", "eu1", "nam1"], options.Clusters.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(new Uri("https://nam1.cloud.thethings.network"), options.Clusters["nam1"]);
        Assert.Equal("nam1", options.DefaultCluster);
    }

    [Fact]
    public void Without_clusters_the_identity_server_is_the_one_cluster_and_the_default()
    {
        var clusters = ThingsStackClusters.From(new ThingsStackOptions { IdentityServerUri = new Uri("https://tts.example.com") });

        Assert.Equal(ThingsStackOptions.SingleClusterName, clusters.DefaultName);
        Assert.Equal(new Uri("https://tts.example.com"), clusters.RootOf(ThingsStackOptions.SingleClusterName));
    }

    [Theory]
    [InlineData("EU1", "https://eu1.example.com", null, "'EU1' is not a cluster name")]
    [InlineData("eu1", "http://eu1.example.com", null, "Clusters['eu1']: plain http")]
    [InlineData("eu1", "https://eu1.example.com", "nam1", "DefaultCluster 'nam1' is not one of the configured clusters (eu1)")]
    public void A_bad_cluster_entry_fails_validation_naming_it(string name, string address, string? defaultCluster, string expected)
    {
        var options = new ThingsStackOptions { IdentityServerUri = new Uri("https://eu1.example.com"), DefaultCluster = defaultCluster };
        options.Clusters[name] = new Uri(address);

        var result = new ThingsStackOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Several_clusters_without_a_default_fail_validation()
    {
        var options = new ThingsStackOptions { IdentityServerUri = new Uri("https://eu1.example.com") };
        options.Clusters["eu1"] = new Uri("https://eu1.example.com");
        options.Clusters["nam1"] = new Uri("https://nam1.example.com");

        var result = new ThingsStackOptionsValidator().Validate(null, options);

        Assert.Contains("DefaultCluster is required when several clusters are configured", result.FailureMessage, StringComparison.Ordinal);
    }
}
