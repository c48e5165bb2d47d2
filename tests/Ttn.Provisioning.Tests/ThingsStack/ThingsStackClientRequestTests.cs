using System.Net;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Tests.ThingsStack;

public sealed class ThingsStackClientRequestTests : IDisposable
{
    private readonly ThingsStackTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Auth_info_goes_to_the_identity_server_with_the_key_as_bearer()
    {
        _host.Stub.Enqueue(HttpStatusCode.OK, """{"api_key":{"api_key":{"id":"KEYID","rights":["RIGHT_APPLICATION_INFO"]},"entity_ids":{"application_ids":{"application_id":"app-1"}}},"is_admin":false}""");

        var info = await _host.Client.GetAuthInfoAsync(ThingsStackTestHost.AdminKey);

        var request = Assert.Single(_host.Stub.Requests);
        Assert.Equal("https://eu1.cloud.thethings.network/api/v3/auth_info", request.Uri.ToString());
        Assert.Equal("Bearer " + ThingsStackTestHost.AdminKey, request.Authorization);
        Assert.Equal("app-1", info.ApiKey?.EntityIds?.ApplicationIds?.ApplicationId);
        Assert.Empty(_host.Validator.Mismatches);
    }

    [Fact]
    public async Task The_key_is_set_per_request_and_never_on_the_shared_client()
    {
        _host.Stub.Enqueue(HttpStatusCode.OK, "{}").Enqueue(HttpStatusCode.OK, "{}");

        await _host.Client.GetAuthInfoAsync("NNSXS.FIRST.KEY");
        await _host.Client.GetAuthInfoAsync("NNSXS.SECOND.KEY");

        Assert.Equal(["Bearer NNSXS.FIRST.KEY", "Bearer NNSXS.SECOND.KEY"], _host.Stub.Requests.Select(r => r.Authorization));
        Assert.Null(_host.CreateNamedHttpClient().DefaultRequestHeaders.Authorization);
    }

    [Fact]
    public async Task Webhook_set_goes_to_the_cluster_with_the_field_mask_as_a_string()
    {
        _host.Stub.Enqueue(HttpStatusCode.OK, """{"ids":{"webhook_id":"tenant-sink","application_ids":{"application_id":"app-1"}},"base_url":"https://sink.example.com","format":"json"}""");
        var webhook = new Webhook
        {
            Ids = new WebhookIdentifiers("tenant-sink"),
            BaseUrl = "https://sink.example.com/ttn/{appID}",
            Format = "json",
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer s3cr3t" },
            UplinkMessage = new WebhookMessage("/up"),
        };

        await _host.Client.SetWebhookAsync("nam1", ThingsStackTestHost.AdminKey, "app-1", webhook, ["base_url", "format", "headers", "uplink_message"]);

        var request = Assert.Single(_host.Stub.Requests);
        Assert.Equal(HttpMethod.Put, request.Method);
        Assert.Equal("https://nam1.cloud.thethings.network/api/v3/as/webhooks/app-1/tenant-sink", request.Uri.ToString());
        Assert.Contains("\"field_mask\":\"base_url,format,headers,uplink_message\"", request.Body, StringComparison.Ordinal);
        Assert.Empty(_host.Validator.Mismatches);
    }

    [Fact]
    public async Task Reads_send_the_field_mask_as_one_comma_separated_query_value()
    {
        _host.Stub.Enqueue(HttpStatusCode.OK, """{"ids":{"application_id":"app-1"},"name":"App"}""");

        var app = await _host.Client.GetApplicationAsync(ThingsStackTestHost.AdminKey, "app-1", ["name", "attributes"]);

        Assert.Equal("App", app.Name);
        Assert.Equal("?field_mask=name,attributes", Assert.Single(_host.Stub.Requests).Uri.Query);
        Assert.Empty(_host.Validator.Mismatches);
    }

    [Fact]
    public async Task Application_and_api_key_creation_send_bodies_the_spec_accepts()
    {
        _host.Stub
            .Enqueue(HttpStatusCode.OK, """{"ids":{"application_id":"t-acme"}}""")
            .Enqueue(HttpStatusCode.OK, """{"id":"KEYID","key":"NNSXS.KEYID.SECRET","name":"tenant","rights":["RIGHT_APPLICATION_INFO"]}""");

        await _host.Client.CreateApplicationInOrganizationAsync(ThingsStackTestHost.AdminKey, "acme-org", new Application { Ids = new ApplicationIdentifiers("t-acme"), Name = "Acme" });
        var key = await _host.Client.CreateApplicationApiKeyAsync(ThingsStackTestHost.AdminKey, "t-acme", "tenant", ["APPLICATION_INFO", ThingsStackRights.ApplicationTrafficRead]);

        Assert.Equal("NNSXS.KEYID.SECRET", key.Key);
        Assert.DoesNotContain("SECRET", key.ToString(), StringComparison.Ordinal);
        Assert.Equal("https://eu1.cloud.thethings.network/api/v3/organizations/acme-org/applications", _host.Stub.Requests[0].Uri.ToString());
        Assert.Contains("\"rights\":[\"RIGHT_APPLICATION_INFO\",\"RIGHT_APPLICATION_TRAFFIC_READ\"]", _host.Stub.Requests[1].Body, StringComparison.Ordinal);
        Assert.Empty(_host.Validator.Mismatches);
    }

    [Fact]
    public async Task End_device_records_are_created_in_the_identity_server_and_set_on_the_cluster_with_upper_case_euis()
    {
        _host.Stub
            .Enqueue(HttpStatusCode.OK, """{"ids":{"device_id":"dev-1","dev_eui":"70B3D57ED000ABCD","join_eui":"0000000000000000"}}""")
            .Enqueue(HttpStatusCode.OK, """{"ids":{"device_id":"dev-1"}}""");
        var device = new EndDevice
        {
            Ids = new EndDeviceIdentifiers { DeviceId = "dev-1", DevEui = "70b3d57ed000abcd", JoinEui = "0000000000000000" },
            RootKeys = new RootKeys { AppKey = new KeyEnvelope("00112233445566778899AABBCCDDEEFF") },
        };

        await _host.Client.CreateEndDeviceAsync(ThingsStackTestHost.AdminKey, "app-1", device with { RootKeys = null });
        await _host.Client.SetEndDeviceAsync("nam1", ThingsStackTestHost.AdminKey, EndDeviceComponent.JoinServer, "app-1", device, ["ids.join_eui", "ids.dev_eui", "root_keys.app_key.key"]);

        Assert.Equal("https://eu1.cloud.thethings.network/api/v3/applications/app-1/devices", _host.Stub.Requests[0].Uri.ToString());
        Assert.Contains("\"dev_eui\":\"70B3D57ED000ABCD\"", _host.Stub.Requests[0].Body, StringComparison.Ordinal);
        Assert.Equal("https://nam1.cloud.thethings.network/api/v3/js/applications/app-1/devices/dev-1", _host.Stub.Requests[1].Uri.ToString());
        Assert.Empty(_host.Validator.Mismatches);
    }

    [Theory]
    [InlineData("ApplicationServer", "https://nam1.cloud.thethings.network/api/v3/as/applications/app-1/devices/dev-1")]
    [InlineData("NetworkServer", "https://nam1.cloud.thethings.network/api/v3/ns/applications/app-1/devices/dev-1")]
    [InlineData("JoinServer", "https://nam1.cloud.thethings.network/api/v3/js/applications/app-1/devices/dev-1")]
    [InlineData("IdentityServer", "https://eu1.cloud.thethings.network/api/v3/applications/app-1/devices/dev-1")]
    public async Task Device_deletes_are_routed_to_the_host_of_their_component(string component, string expected)
    {
        _host.Stub.Enqueue(HttpStatusCode.OK, "{}");

        await _host.Client.DeleteEndDeviceAsync("nam1", ThingsStackTestHost.AdminKey, Enum.Parse<EndDeviceComponent>(component), "app-1", "dev-1");

        Assert.Equal(expected, Assert.Single(_host.Stub.Requests).Uri.ToString());
        Assert.Empty(_host.Validator.Mismatches);
    }

    [Fact]
    public async Task Organization_lifecycle_and_gateway_calls_match_the_spec()
    {
        _host.Stub.Fallback = _ => Shared.Http.StubHttpHandler.Json(HttpStatusCode.OK, """{"ids":{"organization_id":"acme-org","application_id":"app-1","webhook_id":"hook-1"}}""");
        _host.Stub.Enqueue(HttpStatusCode.OK, """{"ids":{"organization_id":"acme-org"}}""");
        _host.Stub.Enqueue(HttpStatusCode.OK, """{"ids":{"gateway_id":"gw-1","eui":"0011223344556677"}}""");
        _host.Stub.Enqueue(HttpStatusCode.OK, """{"id":"KEYID","key":"NNSXS.KEYID.SECRET"}""");
        var client = _host.Client;
        const string key = ThingsStackTestHost.AdminKey;

        await client.CreateOrganizationAsync(key, "alice", new Organization { Ids = new OrganizationIdentifiers("acme-org"), Name = "Acme" });
        await client.CreateGatewayAsync(key, "acme-org", new Gateway { Ids = new GatewayIdentifiers("gw-1", "0011223344556677"), FrequencyPlanIds = ["EU_863_870_TTN"] });
        await client.CreateOrganizationApiKeyAsync(key, "acme-org", "provisioner", [ThingsStackRights.OrganizationApplicationsCreate]);
        await client.ListOrganizationRightsAsync(key, "acme-org");
        await client.ListApplicationRightsAsync(key, "app-1");
        await client.GetOrganizationAsync(key, "acme-org", ["name"]);
        await client.DeleteOrganizationApiKeyAsync(key, "acme-org", "KEYID");
        await client.DeleteApplicationApiKeyAsync(key, "app-1", "KEYID");
        await client.GetWebhookAsync("nam1", key, "app-1", "hook-1", ["base_url"]);
        await client.ListWebhooksAsync("nam1", key, "app-1");
        await client.DeleteWebhookAsync("nam1", key, "app-1", "hook-1");
        await client.DeleteApplicationAsync(key, "app-1");
        await client.RestoreApplicationAsync(key, "app-1");
        await client.PurgeApplicationAsync(key, "app-1");
        await client.DeleteOrganizationAsync(key, "acme-org");
        await client.RestoreOrganizationAsync(key, "acme-org");
        await client.PurgeOrganizationAsync(key, "acme-org");
        await client.DeleteGatewayAsync(key, "gw-1");
        await client.PurgeGatewayAsync(key, "gw-1");
        await client.CreateApplicationForUserAsync(key, "alice", new Application { Ids = new ApplicationIdentifiers("app-2") });

        Assert.Equal(20, _host.Stub.Requests.Count);
        Assert.Equal(20, _host.Validator.ValidatedCount);
        Assert.Empty(_host.Validator.Mismatches);
    }

    [Fact]
    public async Task An_invalid_id_throws_before_any_request()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.GetApplicationAsync(ThingsStackTestHost.AdminKey, "Bad_ID"));

        Assert.Equal("applicationId", ex.ParamName);
        Assert.Empty(_host.Stub.Requests);
    }

    [Fact]
    public async Task An_empty_write_mask_is_refused_before_any_request()
    {
        var webhook = new Webhook { Ids = new WebhookIdentifiers("hook-1"), BaseUrl = "https://x.example", Format = "json" };

        await Assert.ThrowsAsync<ArgumentException>(() => _host.Client.SetWebhookAsync("nam1", ThingsStackTestHost.AdminKey, "app-1", webhook, []));

        Assert.Empty(_host.Stub.Requests);
    }
}
