using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Tests;

public class GatewayTests
{
    private static async Task<FakeTts> CloudWithOrganizationAsync()
    {
        var tts = FakeTts.Cloud();
        await tts.CreateOrganizationAsync("acme");
        return tts;
    }

    private static Task<HttpResponseMessage> CreateGatewayAsync(HttpClient client, string gatewayId, string eui,
        string owner = "organizations/acme") =>
        client.PostAsync($"/api/v3/{owner}/gateways", FakeTts.Json($$"""
            {"gateway":{"ids":{"gateway_id":"{{gatewayId}}","eui":"{{eui}}"},"frequency_plan_ids":["EU_863_870_TTN"],
             "gateway_server_address":"nam1.cloud.thethings.network"} }
            """));

    private static async Task<JsonNode> DetailsAsync(HttpResponseMessage response) => (await FakeTts.Body(response))["details"]![0]!;

    [Fact]
    public async Task An_eui_held_by_a_live_gateway_is_409_gateway_eui_taken_naming_the_gateway_and_its_contact()
    {
        await using var tts = await CloudWithOrganizationAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);
        (await CreateGatewayAsync(client, "gw-1", "58A0CBFFFE800001")).EnsureSuccessStatusCode();

        var response = await CreateGatewayAsync(client, "gw-2", "58a0cbfffe800001");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var details = await DetailsAsync(response);
        Assert.Equal("gateway_eui_taken", details["name"]!.GetValue<string>());
        Assert.Equal("gw-1", details["attributes"]!["gateway_id"]!.GetValue<string>());
        Assert.Equal("acme", details["attributes"]!["administrative_contact"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_deleted_gateway_releases_its_eui_at_once_but_keeps_its_id_reserved()
    {
        await using var tts = await CloudWithOrganizationAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);
        (await CreateGatewayAsync(client, "gw-1", "58A0CBFFFE800001")).EnsureSuccessStatusCode();
        (await client.DeleteAsync("/api/v3/gateways/gw-1")).EnsureSuccessStatusCode();

        var sameEui = await CreateGatewayAsync(client, "gw-2", "58A0CBFFFE800001");
        var sameId = await CreateGatewayAsync(client, "gw-1", "58A0CBFFFE800002");

        Assert.Equal(HttpStatusCode.OK, sameEui.StatusCode);
        Assert.Equal("id_taken", (await DetailsAsync(sameId))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_gateway_server_address_is_stored_and_readable()
    {
        await using var tts = await CloudWithOrganizationAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);
        (await CreateGatewayAsync(client, "gw-1", "58A0CBFFFE800001")).EnsureSuccessStatusCode();

        var response = await client.GetAsync("/api/v3/gateways/gw-1?field_mask=gateway_server_address");

        Assert.Equal("nam1.cloud.thethings.network", (await FakeTts.Body(response))["gateway_server_address"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_gateway_api_key_with_the_link_right_is_shown_once_and_implies_gateway_info()
    {
        await using var tts = await CloudWithOrganizationAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);
        (await CreateGatewayAsync(client, "gw-1", "58A0CBFFFE800001")).EnsureSuccessStatusCode();

        var created = await client.PostAsJsonAsync("/api/v3/gateways/gw-1/api-keys",
            new { name = "lns", rights = new[] { "RIGHT_GATEWAY_LINK" } });
        var token = (await FakeTts.Body(created))["key"]!.GetValue<string>();
        using var lns = tts.Client(token, validate: true);
        var info = await lns.GetAsync("/api/v3/gateways/gw-1?field_mask=name");

        Assert.StartsWith("NNSXS.", token);
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        Assert.Equal(FakeEntityType.Gateway, tts.Stack.ApiKeys.Single(k => k.Name == "lns").EntityType);
    }

    [Fact]
    public async Task The_gateway_updates_only_the_masked_fields()
    {
        await using var tts = await CloudWithOrganizationAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);
        (await CreateGatewayAsync(client, "gw-1", "58A0CBFFFE800001")).EnsureSuccessStatusCode();

        (await client.PutAsync("/api/v3/gateways/gw-1", FakeTts.Json("""
            {"gateway":{"name":"Roof","gateway_server_address":"eu1.cloud.thethings.network"},"field_mask":"name"}
            """))).EnsureSuccessStatusCode();
        var response = await client.GetAsync("/api/v3/gateways/gw-1?field_mask=name,gateway_server_address");

        var body = await FakeTts.Body(response);
        Assert.Equal("Roof", body["name"]!.GetValue<string>());
        Assert.Equal("nam1.cloud.thethings.network", body["gateway_server_address"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_gateway_no_test_connected_is_404_not_connected()
    {
        await using var tts = await CloudWithOrganizationAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);
        (await CreateGatewayAsync(client, "gw-1", "58A0CBFFFE800001")).EnsureSuccessStatusCode();
        using var nam1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"), validate: true);

        var response = await nam1.GetAsync("/api/v3/gs/gateways/gw-1/connection/stats");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var details = await DetailsAsync(response);
        Assert.Equal(("pkg/gatewayserver", "not_connected"),
            (details["namespace"]!.GetValue<string>(), details["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Stats_a_test_set_are_served_by_the_cluster_of_the_gateway_server_address_only()
    {
        await using var tts = await CloudWithOrganizationAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);
        (await CreateGatewayAsync(client, "gw-1", "58A0CBFFFE800001")).EnsureSuccessStatusCode();
        var connectedAt = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
        tts.Stack.SetGatewayConnectionStats("gw-1",
            new FakeGatewayConnectionStats { ConnectedAt = connectedAt, Protocol = "ws", UplinkCount = 42 });
        using var nam1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"), validate: true);
        using var eu1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("eu1"), validate: true);

        var onNam1 = await FakeTts.Body(await nam1.GetAsync("/api/v3/gs/gateways/gw-1/connection/stats"));
        var onEu1 = await eu1.GetAsync("/api/v3/gs/gateways/gw-1/connection/stats");

        Assert.Equal("2026-11-27T08:00:00Z", onNam1["connected_at"]!.GetValue<string>());
        Assert.Equal("42", onNam1["uplink_count"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, onEu1.StatusCode);
    }

    [Fact]
    public async Task Reading_stats_needs_the_status_read_right()
    {
        await using var tts = await CloudWithOrganizationAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);
        (await CreateGatewayAsync(client, "gw-1", "58A0CBFFFE800001")).EnsureSuccessStatusCode();
        var created = await client.PostAsJsonAsync("/api/v3/gateways/gw-1/api-keys",
            new { name = "info", rights = new[] { "RIGHT_GATEWAY_INFO" } });
        using var nam1 = tts.Client((await FakeTts.Body(created))["key"]!.GetValue<string>(), FakeTts.ClusterHost("nam1"), validate: true);

        var response = await nam1.GetAsync("/api/v3/gs/gateways/gw-1/connection/stats");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("insufficient_gateway_rights", (await DetailsAsync(response))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_batch_stats_call_answers_the_connected_gateways_only()
    {
        await using var tts = await CloudWithOrganizationAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);
        (await CreateGatewayAsync(client, "gw-1", "58A0CBFFFE800001")).EnsureSuccessStatusCode();
        (await CreateGatewayAsync(client, "gw-2", "58A0CBFFFE800002")).EnsureSuccessStatusCode();
        tts.Stack.SetGatewayConnectionStats("gw-2", new FakeGatewayConnectionStats { Protocol = "udp" }, cluster: "nam1");
        using var nam1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"), validate: true);

        var response = await nam1.PostAsync("/api/v3/gs/gateways/connection/stats", FakeTts.Json("""
            {"gateway_ids":[{"gateway_id":"gw-1"},{"gateway_id":"gw-2"}]}
            """));

        var entries = (await FakeTts.Body(response))["entries"]!.AsObject();
        Assert.Equal("gw-2", Assert.Single(entries).Key);
        Assert.Equal("udp", entries["gw-2"]!["protocol"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_batch_stats_call_refuses_a_caller_lacking_rights_on_any_gateway()
    {
        await using var tts = await CloudWithOrganizationAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);
        (await CreateGatewayAsync(client, "gw-1", "58A0CBFFFE800001")).EnsureSuccessStatusCode();
        tts.Stack.AddUser("mallory");
        using var mallory = tts.Client(tts.Stack.CreateUserApiKey("mallory", "RIGHT_ALL"), FakeTts.ClusterHost("nam1"), validate: true);

        var response = await mallory.PostAsync("/api/v3/gs/gateways/connection/stats",
            FakeTts.Json("""{"gateway_ids":[{"gateway_id":"gw-1"}]}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(("pkg/identityserver", "insufficient_rights"),
            ((await DetailsAsync(response))["namespace"]!.GetValue<string>(), (await DetailsAsync(response))["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_disconnected_gateway_answers_404_again()
    {
        await using var tts = await CloudWithOrganizationAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);
        (await CreateGatewayAsync(client, "gw-1", "58A0CBFFFE800001")).EnsureSuccessStatusCode();
        tts.Stack.SetGatewayConnectionStats("gw-1", new FakeGatewayConnectionStats { Protocol = "udp" });
        tts.Stack.SetGatewayConnectionStats("gw-1", null);
        using var nam1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"), validate: true);

        var response = await nam1.GetAsync("/api/v3/gs/gateways/gw-1/connection/stats");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Stats_for_a_gateway_whose_address_names_no_cluster_need_the_cluster_named()
    {
        await using var tts = await CloudWithOrganizationAsync();

        Assert.Throws<ArgumentException>(() => tts.Stack.SetGatewayConnectionStats("ghost", new FakeGatewayConnectionStats()));
    }
}
