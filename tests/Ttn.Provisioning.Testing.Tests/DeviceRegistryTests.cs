using System.Net;
using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Tests;

public class DeviceRegistryTests
{
    private const string AppKey = "00112233445566778899AABBCCDDEEFF";

    private static async Task<FakeTts> CloudWithApplicationAsync(string appId = "acme-app")
    {
        var tts = FakeTts.Cloud();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", appId);
        return tts;
    }

    private static StringContent JoinServerSet(string deviceId, string devEui, string appKey = AppKey) => FakeTts.Json($$"""
        {"end_device":{"ids":{"device_id":"{{deviceId}}","dev_eui":"{{devEui}}","join_eui":"0000000000000000"},
          "root_keys":{"app_key":{"key":"{{appKey}}"} } },
         "field_mask":"ids.join_eui,ids.dev_eui,root_keys.app_key.key"}
        """);

    private static StringContent NetworkServerSet(string deviceId, string plan = "EU_863_870_TTN", bool supportsJoin = true) =>
        FakeTts.Json($$"""
        {"end_device":{"ids":{"device_id":"{{deviceId}}"},"frequency_plan_id":"{{plan}}","lorawan_version":"MAC_V1_0_3",
          "lorawan_phy_version":"PHY_V1_0_3_REV_A","supports_join":{{(supportsJoin ? "true" : "false")}}},
         "field_mask":"frequency_plan_id,lorawan_version,lorawan_phy_version,supports_join"}
        """);

    private static async Task<JsonNode> DetailsAsync(HttpResponseMessage response) => (await FakeTts.Body(response))["details"]![0]!;

    [Fact]
    public async Task An_eui_pair_registered_in_another_application_is_409_end_device_euis_taken_naming_the_holder()
    {
        await using var tts = await CloudWithApplicationAsync();
        await tts.CreateApplicationAsync("acme", "other-app");
        await tts.CreateDeviceAsync("other-app", "first", "70B3D57ED000ABCD");
        using var client = tts.Client(tts.AliceKey, validate: true);

        var response = await client.PostAsync("/api/v3/applications/acme-app/devices", FakeTts.Json("""
            {"end_device":{"ids":{"device_id":"second","dev_eui":"70b3d57ed000abcd","join_eui":"0000000000000000"}}}
            """));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var details = await DetailsAsync(response);
        Assert.Equal("pkg/identityserver", details["namespace"]!.GetValue<string>());
        Assert.Equal("end_device_euis_taken", details["name"]!.GetValue<string>());
        Assert.Equal("first", details["attributes"]!["device_id"]!.GetValue<string>());
        Assert.Equal("other-app", details["attributes"]!["application_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_device_id_already_used_in_the_application_is_409_id_taken()
    {
        await using var tts = await CloudWithApplicationAsync();
        await tts.CreateDeviceAsync("acme-app", "sensor-1", "70B3D57ED000ABCD");
        using var client = tts.Client(tts.AliceKey, validate: true);

        var response = await client.PostAsync("/api/v3/applications/acme-app/devices", FakeTts.Json("""
            {"end_device":{"ids":{"device_id":"sensor-1","dev_eui":"70B3D57ED0000001","join_eui":"0000000000000000"}}}
            """));

        Assert.Equal("pkg/util/store", (await DetailsAsync(response))["namespace"]!.GetValue<string>());
        Assert.Equal("id_taken", (await DetailsAsync(response))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_identity_server_delete_is_hard_so_the_eui_pair_is_free_at_once()
    {
        await using var tts = await CloudWithApplicationAsync();
        await tts.CreateDeviceAsync("acme-app", "sensor-1", "70B3D57ED000ABCD");
        using var client = tts.Client(tts.AliceKey, validate: true);

        (await client.DeleteAsync("/api/v3/applications/acme-app/devices/sensor-1")).EnsureSuccessStatusCode();
        var search = await client.GetAsync("/api/v3/search/applications/acme-app/devices?dev_eui_contains=70b3d57ed000abcd");
        await tts.CreateDeviceAsync("acme-app", "sensor-2", "70B3D57ED000ABCD");

        Assert.Empty((await FakeTts.Body(search))["end_devices"]!.AsArray());
        Assert.Equal("sensor-2", Assert.Single(tts.Stack.EndDevices).DeviceId);
    }

    /// <summary>
    /// Creates an application with one server address set, then a device with that address set to <paramref name="deviceAddress"/>.
    /// </summary>
    private static async Task<HttpResponseMessage> CreateDeviceWithAddressAsync(FakeTts tts, string field, string deviceAddress)
    {
        await tts.CreateOrganizationAsync("acme");
        using var client = tts.Client(tts.AliceKey, validate: true);
        (await client.PostAsync("/api/v3/organizations/acme/applications", FakeTts.Json($$"""
            {"application":{"ids":{"application_id":"acme-app"},"{{field}}":"nam1.cloud.thethings.network"} }
            """))).EnsureSuccessStatusCode();
        return await client.PostAsync("/api/v3/applications/acme-app/devices", FakeTts.Json($$"""
            {"end_device":{"ids":{"device_id":"sensor-1","dev_eui":"70B3D57ED000ABCD","join_eui":"0000000000000000"},
             "{{field}}":"{{deviceAddress}}"} }
            """));
    }

    [Fact]
    public async Task A_device_address_that_does_not_match_the_applications_is_400_with_the_servers_error_name()
    {
        await using var tts = FakeTts.Cloud();

        var response = await CreateDeviceWithAddressAsync(tts, "network_server_address", "eu1.cloud.thethings.network:8884");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var details = await DetailsAsync(response);
        Assert.Equal("network_server_address_mismatch", details["name"]!.GetValue<string>());
        Assert.Equal("nam1.cloud.thethings.network", details["attributes"]!["expected"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_device_address_with_the_applications_host_and_another_port_is_accepted()
    {
        await using var tts = FakeTts.Cloud();

        var response = await CreateDeviceWithAddressAsync(tts, "join_server_address", "nam1.cloud.thethings.network:443");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_join_server_refuses_an_eui_pair_another_device_holds_in_that_cluster()
    {
        await using var tts = await CloudWithApplicationAsync();
        using var nam1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"), validate: true);
        (await nam1.PutAsync("/api/v3/js/applications/acme-app/devices/leftover", JoinServerSet("leftover", "70B3D57ED000ABCD")))
            .EnsureSuccessStatusCode();

        var response = await nam1.PutAsync("/api/v3/js/applications/acme-app/devices/sensor-1",
            JoinServerSet("sensor-1", "70B3D57ED000ABCD"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var details = await DetailsAsync(response);
        Assert.Equal("pkg/internal/registry", details["namespace"]!.GetValue<string>());
        Assert.Equal("end_device_euis_taken", details["name"]!.GetValue<string>());
        Assert.Equal("leftover", details["attributes"]!["device_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_eui_pair_may_live_in_the_join_servers_of_two_clusters()
    {
        await using var tts = await CloudWithApplicationAsync();
        using var nam1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"), validate: true);
        using var eu1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("eu1"), validate: true);

        (await nam1.PutAsync("/api/v3/js/applications/acme-app/devices/dev-a",
            JoinServerSet("dev-a", "70B3D57ED000ABCD"))).EnsureSuccessStatusCode();
        var response = await eu1.PutAsync("/api/v3/js/applications/acme-app/devices/dev-b", JoinServerSet("dev-b", "70B3D57ED000ABCD"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_join_server_set_without_a_join_eui_is_400_no_join_eui()
    {
        await using var tts = await CloudWithApplicationAsync();
        using var eu1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("eu1"), validate: true);

        var response = await eu1.PutAsync("/api/v3/js/applications/acme-app/devices/sensor-1", FakeTts.Json($$"""
            {"end_device":{"ids":{"device_id":"sensor-1","dev_eui":"70B3D57ED000ABCD"},"root_keys":{"app_key":{"key":"{{AppKey}}"} } },
             "field_mask":"root_keys.app_key.key"}
            """));

        Assert.Equal("pkg/joinserver", (await DetailsAsync(response))["namespace"]!.GetValue<string>());
        Assert.Equal("no_join_eui", (await DetailsAsync(response))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Root_keys_need_the_write_keys_right_on_the_join_server()
    {
        await using var tts = await CloudWithApplicationAsync();
        var key = await tts.CreateApplicationKeyAsync("acme-app", "RIGHT_APPLICATION_DEVICES_READ", "RIGHT_APPLICATION_DEVICES_WRITE");
        using var eu1 = tts.Client(key, FakeTts.ClusterHost("eu1"), validate: true);

        var response = await eu1.PutAsync("/api/v3/js/applications/acme-app/devices/sensor-1",
            JoinServerSet("sensor-1", "70B3D57ED000ABCD"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var details = await DetailsAsync(response);
        Assert.Equal("insufficient_application_rights", details["name"]!.GetValue<string>());
        Assert.Equal("RIGHT_APPLICATION_DEVICES_WRITE_KEYS", details["attributes"]!["missing"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task The_root_keys_that_arrived_at_the_join_server_can_be_inspected_per_cluster()
    {
        await using var tts = await CloudWithApplicationAsync();
        using var nam1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"), validate: true);

        (await nam1.PutAsync("/api/v3/js/applications/acme-app/devices/sensor-1", JoinServerSet("sensor-1", "70B3D57ED000ABCD")))
            .EnsureSuccessStatusCode();

        var record = Assert.Single(Assert.Single(tts.Stack.EndDevices).Records);
        Assert.Equal((FakeDeviceRegistry.JoinServer, "nam1", AppKey), (record.Registry, record.Cluster, record.AppKey));
    }

    [Fact]
    public async Task A_set_writes_only_the_masked_paths()
    {
        await using var tts = await CloudWithApplicationAsync();
        using var eu1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("eu1"), validate: true);

        (await eu1.PutAsync("/api/v3/js/applications/acme-app/devices/sensor-1", FakeTts.Json($$"""
            {"end_device":{"ids":{"device_id":"sensor-1","dev_eui":"70B3D57ED000ABCD","join_eui":"0000000000000000"},
              "root_keys":{"app_key":{"key":"{{AppKey}}"},"nwk_key":{"key":"{{AppKey}}"} } },
             "field_mask":"ids.join_eui,ids.dev_eui,root_keys.app_key.key"}
            """))).EnsureSuccessStatusCode();

        var record = Assert.Single(Assert.Single(tts.Stack.EndDevices).Records);
        Assert.Equal(AppKey, record.AppKey);
        Assert.Null(record.NwkKey);
    }

    [Fact]
    public async Task The_network_server_refuses_a_frequency_plan_it_does_not_know()
    {
        await using var tts = await CloudWithApplicationAsync();
        using var eu1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("eu1"), validate: true);

        var response = await eu1.PutAsync("/api/v3/ns/applications/acme-app/devices/sensor-1",
            NetworkServerSet("sensor-1", "EU_868_WRONG"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("pkg/frequencyplans", (await DetailsAsync(response))["namespace"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_network_server_refuses_changing_supports_join()
    {
        await using var tts = await CloudWithApplicationAsync();
        using var eu1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("eu1"), validate: true);
        (await eu1.PutAsync("/api/v3/ns/applications/acme-app/devices/sensor-1", NetworkServerSet("sensor-1"))).EnsureSuccessStatusCode();

        var response = await eu1.PutAsync("/api/v3/ns/applications/acme-app/devices/sensor-1",
            NetworkServerSet("sensor-1", supportsJoin: false));

        var details = await DetailsAsync(response);
        Assert.Equal(("pkg/networkserver", "field_value"), (details["namespace"]!.GetValue<string>(), details["name"]!.GetValue<string>()));
        Assert.Equal("supports_join", details["attributes"]!["field"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("js", "pkg/joinserver", "device_not_found")]
    [InlineData("ns", "pkg/networkserver", "device_not_found")]
    [InlineData("as", "pkg/applicationserver", "device_not_found")]
    [InlineData("", "pkg/identityserver/store", "end_device_not_found")]
    public async Task Deleting_a_device_a_registry_does_not_hold_is_404_with_that_registrys_error(string prefix, string ns, string name)
    {
        await using var tts = await CloudWithApplicationAsync();
        using var eu1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("eu1"), validate: true);

        var response = await eu1.DeleteAsync($"/api/v3/{(prefix.Length > 0 ? prefix + "/" : "")}applications/acme-app/devices/sensor-1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var details = await DetailsAsync(response);
        Assert.Equal((ns, name), (details["namespace"]!.GetValue<string>(), details["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_device_can_be_in_some_registries_and_not_others_and_in_one_cluster_only()
    {
        await using var tts = await CloudWithApplicationAsync();
        await tts.CreateDeviceAsync("acme-app", "sensor-1", "70B3D57ED000ABCD");
        using var nam1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"), validate: true);
        using var eu1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("eu1"), validate: true);

        (await nam1.PutAsync("/api/v3/js/applications/acme-app/devices/sensor-1", JoinServerSet("sensor-1", "70B3D57ED000ABCD")))
            .EnsureSuccessStatusCode();
        var onEu1 = await eu1.GetAsync("/api/v3/js/applications/acme-app/devices/sensor-1");

        var device = Assert.Single(tts.Stack.EndDevices);
        Assert.True(device.InIdentityServer && device.In(FakeDeviceRegistry.JoinServer, "nam1"));
        Assert.False(device.In(FakeDeviceRegistry.JoinServer, "eu1") || device.InNetworkServer || device.InApplicationServer);
        Assert.Equal(HttpStatusCode.NotFound, onEu1.StatusCode);
    }

    [Fact]
    public async Task Batch_get_returns_the_known_devices_and_batch_delete_skips_unknown_ids()
    {
        await using var tts = await CloudWithApplicationAsync();
        await tts.CreateDeviceAsync("acme-app", "sensor-1", "70B3D57ED0000001");
        await tts.CreateDeviceAsync("acme-app", "sensor-2", "70B3D57ED0000002");
        using var client = tts.Client(tts.AliceKey, validate: true);

        var batch = await client.GetAsync(
            "/api/v3/applications/acme-app/devices/batch?device_ids=sensor-2&device_ids=ghost&device_ids=sensor-1");
        var delete = await client.DeleteAsync("/api/v3/applications/acme-app/devices/batch?device_ids=sensor-1&device_ids=ghost");

        var found = (await FakeTts.Body(batch))["end_devices"]!.AsArray().Select(d => d!["ids"]!["device_id"]!.GetValue<string>());
        Assert.Equal(["sensor-1", "sensor-2"], found);
        Assert.Equal(HttpStatusCode.OK, delete.StatusCode);
        Assert.Equal("sensor-2", Assert.Single(tts.Stack.EndDevices).DeviceId);
    }

    [Fact]
    public async Task A_cluster_batch_delete_removes_only_that_registrys_records()
    {
        await using var tts = await CloudWithApplicationAsync();
        await tts.CreateDeviceAsync("acme-app", "sensor-1", "70B3D57ED0000001");
        using var eu1 = tts.Client(tts.AliceKey, FakeTts.ClusterHost("eu1"), validate: true);
        (await eu1.PutAsync("/api/v3/ns/applications/acme-app/devices/sensor-1", NetworkServerSet("sensor-1"))).EnsureSuccessStatusCode();

        (await eu1.DeleteAsync("/api/v3/ns/applications/acme-app/devices/batch?device_ids=sensor-1&device_ids=ghost"))
            .EnsureSuccessStatusCode();

        var device = Assert.Single(tts.Stack.EndDevices);
        Assert.True(device.InIdentityServer);
        Assert.False(device.InNetworkServer);
    }

    [Fact]
    public async Task Search_matches_euis_and_ids_without_regard_to_case_and_pages_with_a_total()
    {
        await using var tts = await CloudWithApplicationAsync();
        await tts.CreateDeviceAsync("acme-app", "cellar-1", "70B3D57ED00000A1");
        await tts.CreateDeviceAsync("acme-app", "cellar-2", "70B3D57ED00000A2");
        await tts.CreateDeviceAsync("acme-app", "attic-1", "70B3D57ED00000B1");
        using var client = tts.Client(tts.AliceKey, validate: true);

        var response = await client.GetAsync(
            "/api/v3/search/applications/acme-app/devices?dev_eui_contains=00a&id_contains=CELLAR&limit=1&page=2");

        Assert.Equal("2", Assert.Single(response.Headers.GetValues("X-Total-Count")));
        var device = Assert.Single((await FakeTts.Body(response))["end_devices"]!.AsArray());
        Assert.Equal("cellar-2", device!["ids"]!["device_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_identity_server_update_writes_the_masked_fields_and_refuses_others()
    {
        await using var tts = await CloudWithApplicationAsync();
        await tts.CreateDeviceAsync("acme-app", "sensor-1", "70B3D57ED0000001");
        using var client = tts.Client(tts.AliceKey, validate: true);

        var update = await client.PutAsync("/api/v3/applications/acme-app/devices/sensor-1", FakeTts.Json("""
            {"end_device":{"name":"Cellar","description":"ignored"},"field_mask":"name"}
            """));
        var forbidden = await client.PutAsync("/api/v3/applications/acme-app/devices/sensor-1", FakeTts.Json("""
            {"end_device":{"root_keys":{}},"field_mask":"root_keys"}
            """));

        update.EnsureSuccessStatusCode();
        var json = JsonNode.Parse(Assert.Single(Assert.Single(tts.Stack.EndDevices).Records).Json)!;
        Assert.Equal("Cellar", json["name"]!.GetValue<string>());
        Assert.Null(json["description"]);
        Assert.Equal("field_mask_paths", (await DetailsAsync(forbidden))["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_join_server_tells_its_default_join_eui()
    {
        await using var tts = FakeTts.Cloud(o => o.DefaultJoinEui = "70b3d57ed0000000");
        using var nam1 = tts.Client(null, FakeTts.ClusterHost("nam1"), validate: true);

        var response = await nam1.GetAsync("/api/v3/js/default_join_eui");

        Assert.Equal("70B3D57ED0000000", (await FakeTts.Body(response))["join_eui"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_key_path_in_a_join_server_get_needs_the_read_keys_right()
    {
        await using var tts = await CloudWithApplicationAsync();
        var key = await tts.CreateApplicationKeyAsync("acme-app", "RIGHT_APPLICATION_DEVICES_READ");
        using var admin = tts.Client(tts.AliceKey, FakeTts.ClusterHost("eu1"), validate: true);
        using var reader = tts.Client(key, FakeTts.ClusterHost("eu1"), validate: true);
        (await admin.PutAsync("/api/v3/js/applications/acme-app/devices/sensor-1", JoinServerSet("sensor-1", "70B3D57ED0000001")))
            .EnsureSuccessStatusCode();

        var withoutKeys = await reader.GetAsync("/api/v3/js/applications/acme-app/devices/sensor-1");
        var withKeys = await reader.GetAsync("/api/v3/js/applications/acme-app/devices/sensor-1?field_mask=root_keys.app_key.key");

        Assert.Equal(HttpStatusCode.OK, withoutKeys.StatusCode);
        Assert.Null((await FakeTts.Body(withoutKeys))["root_keys"]);
        Assert.Equal(HttpStatusCode.Forbidden, withKeys.StatusCode);
    }
}
