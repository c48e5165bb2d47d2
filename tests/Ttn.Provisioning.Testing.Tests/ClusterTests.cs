using System.Net;
using System.Net.Http.Headers;

namespace Ttn.Provisioning.Testing.Tests;

public class ClusterTests
{
    private const string WebhookBody = """
        {"webhook":{"base_url":"https://saas.example.com/ttn","format":"json","uplink_message":{}},
         "field_mask":"base_url,format,uplink_message"}
        """;

    private static async Task<FakeTts> CloudWithApplicationAsync()
    {
        var tts = FakeTts.Cloud();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        return tts;
    }

    [Fact]
    public async Task The_ttn_cloud_preset_puts_the_identity_server_on_eu1_and_three_clusters_on_their_hosts()
    {
        var options = new FakeThingsStackOptions().UseTheThingsNetworkCloud();

        Assert.Equal("eu1.cloud.thethings.network", options.IdentityServerHost);
        Assert.Equal(["au1", "eu1", "nam1"], options.Clusters.Keys.Order());
        Assert.Equal("nam1.cloud.thethings.network", options.Clusters["nam1"]);
    }

    [Fact]
    public void Clusters_without_an_identity_server_host_are_refused_when_the_fake_is_created()
    {
        var options = new FakeThingsStackOptions();
        options.Clusters["eu1"] = "eu1.example.com";

        Assert.Throws<ArgumentException>(() => new FakeThingsStack(options));
    }

    [Fact]
    public async Task Identity_server_paths_on_a_cluster_host_answer_as_an_unknown_route()
    {
        await using var tts = FakeTts.Cloud();
        using var nam1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"));

        var response = await nam1.GetAsync("/api/v3/auth_info");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("error:unknown:unknown (not found)", (await FakeTts.Body(response))["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Cluster_paths_on_an_identity_server_host_that_is_no_cluster_answer_as_an_unknown_route()
    {
        var options = new FakeThingsStackOptions { IdentityServerHost = "is.example.com" };
        options.Clusters["one"] = "one.example.com";
        await using var tts = new FakeTts(options);
        await tts.CreateOrganizationAsync("acme", host: "https://is.example.com");
        using var client = tts.Client(tts.AliceKey, "https://is.example.com");

        var response = await client.GetAsync("/api/v3/as/webhooks/acme-app");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_host_that_is_neither_the_identity_server_nor_a_cluster_is_unreachable()
    {
        await using var tts = FakeTts.Cloud();
        using var client = tts.Client(tts.AliceKey, "https://eu2.cloud.thethings.network");

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/api/v3/as/webhooks/acme-app"));
    }

    [Fact]
    public async Task Each_cluster_keeps_its_own_webhooks()
    {
        await using var tts = await CloudWithApplicationAsync();
        using var nam1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"), validate: true);
        using var eu1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("eu1"), validate: true);

        (await nam1.PutAsync("/api/v3/as/webhooks/acme-app/sink", FakeTts.Json(WebhookBody))).EnsureSuccessStatusCode();
        var onEu1 = await eu1.GetAsync("/api/v3/as/webhooks/acme-app/sink");

        Assert.Equal(HttpStatusCode.NotFound, onEu1.StatusCode);
        Assert.Equal("nam1", Assert.Single(tts.Stack.Webhooks).Cluster);
    }

    [Fact]
    public async Task The_journal_names_the_cluster_that_served_each_request()
    {
        await using var tts = await CloudWithApplicationAsync();
        using var nam1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"), validate: true);
        using var eu1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("eu1"), validate: true);
        tts.Stack.Journal.Clear();

        await eu1.GetAsync("/api/v3/applications/acme-app");
        await nam1.PutAsync("/api/v3/as/webhooks/acme-app/sink", FakeTts.Json(WebhookBody));

        Assert.Equal([null, "nam1"], tts.Stack.Journal.Entries.Select(e => e.Cluster));
        Assert.Equal("eu1.cloud.thethings.network", tts.Stack.Journal.Entries[0].Host);
    }

    [Fact]
    public async Task A_fault_for_one_cluster_leaves_the_others_alone()
    {
        await using var tts = await CloudWithApplicationAsync();
        var rule = tts.Stack.Faults.Add(HttpMethod.Put, "/as/webhooks/*/*", FakeFault.Status(503), cluster: "au1");
        using var nam1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"));
        using var au1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("au1"));

        var onNam1 = await nam1.PutAsync("/api/v3/as/webhooks/acme-app/sink", FakeTts.Json(WebhookBody));
        var onAu1 = await au1.PutAsync("/api/v3/as/webhooks/acme-app/sink", FakeTts.Json(WebhookBody));

        Assert.Equal(HttpStatusCode.OK, onNam1.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, onAu1.StatusCode);
        Assert.Equal(1, rule.MatchedCalls);
    }

    [Fact]
    public async Task Frequency_plans_are_served_by_the_identity_server_and_by_every_cluster()
    {
        await using var tts = FakeTts.Cloud();
        using var au1 = tts.Client(null, FakeTts.ClusterHost("au1"), validate: true);

        var response = await au1.GetAsync("/api/v3/configuration/frequency-plans?base_frequency=915");

        response.EnsureSuccessStatusCode();
        Assert.Contains("AU_915_928_FSB_2", (await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_server_mode_runs_one_listener_per_distinct_host_and_each_stands_for_its_host()
    {
        await using var tts = await CloudWithApplicationAsync();
        var identityServer = await tts.Stack.StartServerAsync();
        var nam1 = tts.Stack.GetServerUri("nam1")!;
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tts.AliceKey);

        (await http.PutAsync(new Uri(nam1, "/api/v3/as/webhooks/acme-app/sink"), FakeTts.Json(WebhookBody))).EnsureSuccessStatusCode();
        var authInfoOnCluster = await http.GetAsync(new Uri(nam1, "/api/v3/auth_info"));
        var authInfoOnIs = await http.GetAsync(new Uri(identityServer, "/api/v3/auth_info"));

        Assert.Equal(identityServer, tts.Stack.GetServerUri("eu1"));
        Assert.NotEqual(identityServer, nam1);
        Assert.Equal(HttpStatusCode.NotFound, authInfoOnCluster.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authInfoOnIs.StatusCode);
        Assert.Equal("nam1", Assert.Single(tts.Stack.Webhooks).Cluster);
        Assert.Contains(tts.Stack.Journal.Entries, e => e.Host == "nam1.cloud.thethings.network" && e.Cluster == "nam1");
    }

    [Fact]
    public async Task An_unknown_cluster_name_is_refused_by_the_inspection_methods()
    {
        await using var tts = FakeTts.Cloud();

        Assert.Throws<ArgumentException>(() => tts.Stack.GetServerUri("eu2"));
    }
}
