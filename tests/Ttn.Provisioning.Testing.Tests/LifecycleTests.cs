using System.Net;
using System.Net.Http.Json;

namespace Ttn.Provisioning.Testing.Tests;

public class LifecycleTests
{
    [Fact]
    public async Task Re_creating_a_deleted_application_id_is_409_id_taken()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        using var client = tts.Client(tts.AliceKey);
        (await client.DeleteAsync("/api/v3/applications/acme-app")).EnsureSuccessStatusCode();

        var response = await client.PostAsync("/api/v3/organizations/acme/applications",
            FakeTts.Json("""{"application":{"ids":{"application_id":"acme-app"}}}"""));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var details = (await FakeTts.Body(response))["details"]![0]!;
        Assert.Equal("pkg/util/store", details["namespace"]!.GetValue<string>());
        Assert.Equal("id_taken", details["name"]!.GetValue<string>());
        Assert.Equal("already_exists", details["cause"]!["name"]!.GetValue<string>());
        Assert.True(Assert.Single(tts.Stack.Applications).IsDeleted);
    }

    [Fact]
    public async Task Re_creating_a_deleted_organization_id_is_409_already_exists()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        using var client = tts.Client(tts.AliceKey);
        (await client.DeleteAsync("/api/v3/organizations/acme")).EnsureSuccessStatusCode();

        var response = await client.PostAsync("/api/v3/users/alice/organizations",
            FakeTts.Json("""{"organization":{"ids":{"organization_id":"acme"}}}"""));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("already_exists", await FakeTts.ErrorName(response));
    }

    [Fact]
    public async Task A_deleted_application_can_be_restored_by_its_owner()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        using var client = tts.Client(tts.AliceKey);
        (await client.DeleteAsync("/api/v3/applications/acme-app")).EnsureSuccessStatusCode();

        var response = await client.PostAsync("/api/v3/applications/acme-app/restore", null);

        response.EnsureSuccessStatusCode();
        Assert.False(Assert.Single(tts.Stack.Applications).IsDeleted);
    }

    [Fact]
    public async Task Deleting_an_application_that_still_has_devices_is_400_application_has_devices()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        await tts.CreateDeviceAsync("acme-app", "sensor-1", "70B3D57ED000ABCD");
        using var client = tts.Client(tts.AliceKey);

        var response = await client.DeleteAsync("/api/v3/applications/acme-app");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await FakeTts.Body(response);
        Assert.Equal(9, body["code"]!.GetValue<int>());
        Assert.Equal("application_has_devices", body["details"]![0]!["name"]!.GetValue<string>());
        Assert.Equal(1, body["details"]![0]!["attributes"]!["count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Purge_by_a_non_admin_is_403_admins_purge_applications()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        using var client = tts.Client(tts.AliceKey);
        (await client.DeleteAsync("/api/v3/applications/acme-app")).EnsureSuccessStatusCode();

        var response = await client.DeleteAsync("/api/v3/applications/acme-app/purge");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("admins_purge_applications", await FakeTts.ErrorName(response));
        Assert.Single(tts.Stack.Applications);
    }

    [Fact]
    public async Task Purge_by_an_admin_frees_the_application_id()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        using var alice = tts.Client(tts.AliceKey);
        using var admin = tts.Client(tts.AdminKey);
        (await alice.DeleteAsync("/api/v3/applications/acme-app")).EnsureSuccessStatusCode();

        (await admin.DeleteAsync("/api/v3/applications/acme-app/purge")).EnsureSuccessStatusCode();

        await tts.CreateApplicationAsync("acme", "acme-app");
        Assert.False(Assert.Single(tts.Stack.Applications).IsDeleted);
    }

    [Fact]
    public async Task An_api_key_secret_is_returned_only_by_create()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        using var client = tts.Client(tts.AliceKey);

        var created = await FakeTts.Body(await client.PostAsJsonAsync("/api/v3/organizations/acme/api-keys",
            new { name = "tenant", rights = new[] { "RIGHT_ORGANIZATION_ALL" } }));
        var listed = await FakeTts.Body(await client.GetAsync("/api/v3/organizations/acme/api-keys"));
        var keyId = created["id"]!.GetValue<string>();
        var fetched = await FakeTts.Body(await client.GetAsync($"/api/v3/organizations/acme/api-keys/{keyId}"));

        Assert.Matches(@"^NNSXS\.[A-Z2-7]{39}\.[A-Z2-7]{52}$", created["key"]!.GetValue<string>());
        Assert.Null(listed["api_keys"]![0]!["key"]);
        Assert.Equal("tenant", listed["api_keys"]![0]!["name"]!.GetValue<string>());
        Assert.Null(fetched["key"]);
        var inspected = Assert.Single(tts.Stack.ApiKeys, k => k.EntityType == FakeEntityType.Organization);
        Assert.Equal(["RIGHT_ORGANIZATION_ALL"], inspected.Rights);
    }

    [Fact]
    public async Task An_organization_key_created_by_the_api_can_create_applications_in_its_organization()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        using var alice = tts.Client(tts.AliceKey);
        var created = await FakeTts.Body(await alice.PostAsJsonAsync("/api/v3/organizations/acme/api-keys",
            new { name = "tenant", rights = new[] { "RIGHT_ORGANIZATION_APPLICATIONS_CREATE", "RIGHT_APPLICATION_ALL" } }));

        await tts.CreateApplicationAsync("acme", "acme-app", key: created["key"]!.GetValue<string>());

        Assert.Equal(["acme"], Assert.Single(tts.Stack.Applications).OrganizationCollaborators);
    }

    [Fact]
    public async Task Lists_page_with_limit_and_page_and_report_X_Total_Count()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        for (var i = 1; i <= 5; i++)
        {
            await tts.CreateDeviceAsync("acme-app", $"sensor-{i}", $"70B3D57ED000000{i}");
        }
        using var client = tts.Client(tts.AliceKey);

        var response = await client.GetAsync("/api/v3/applications/acme-app/devices?limit=2&page=3");

        Assert.Equal("5", Assert.Single(response.Headers.GetValues("X-Total-Count")));
        var devices = (await FakeTts.Body(response))["end_devices"]!.AsArray();
        Assert.Equal("sensor-5", Assert.Single(devices)!["ids"]!["device_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_device_is_created_in_the_is_and_set_in_js_ns_and_as_then_deleted_in_reverse()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        await tts.CreateDeviceAsync("acme-app", "sensor-1", "70b3d57ed000abcd");
        using var client = tts.Client(tts.AliceKey);
        foreach (var server in new[] { "js", "ns", "as" })
        {
            (await client.PutAsync($"/api/v3/{server}/applications/acme-app/devices/sensor-1", FakeTts.Json("""
                {"end_device":{"ids":{"device_id":"sensor-1","dev_eui":"70B3D57ED000ABCD","join_eui":"0000000000000000"},
                  "root_keys":{"app_key":{"key":"00112233445566778899AABBCCDDEEFF"}}},
                 "field_mask":{"paths":["root_keys.app_key.key"]}}
                """))).EnsureSuccessStatusCode();
        }
        var device = Assert.Single(tts.Stack.EndDevices);
        Assert.True(device.InIdentityServer && device.InJoinServer && device.InNetworkServer && device.InApplicationServer);
        Assert.Equal("70B3D57ED000ABCD", device.DevEui);

        foreach (var path in new[] { "as/", "ns/", "js/", "" })
        {
            (await client.DeleteAsync($"/api/v3/{path}applications/acme-app/devices/sensor-1")).EnsureSuccessStatusCode();
        }

        Assert.Empty(tts.Stack.EndDevices);
        var again = await client.DeleteAsync("/api/v3/ns/applications/acme-app/devices/sensor-1");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("pkg/networkserver", (await FakeTts.Body(again))["details"]![0]!["namespace"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"base_url,format,headers,uplink_message\"")]
    [InlineData("{\"paths\":[\"base_url\",\"format\",\"headers\",\"uplink_message\"]}")]
    public async Task A_webhook_is_set_with_either_form_of_field_mask_and_keeps_its_headers(string fieldMask)
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        using var client = tts.Client(tts.AliceKey);

        var response = await client.PutAsync("https://nam1.cloud.thethings.network/api/v3/as/webhooks/acme-app/saas", FakeTts.Json($$"""
            {"webhook":{"ids":{"webhook_id":"saas"},"base_url":"https://saas.example.com/ttn","format":"json",
             "headers":{"Authorization":"Bearer s3cr3t"},"uplink_message":{"path":"/up"} },"field_mask":{{fieldMask}} }
            """));

        response.EnsureSuccessStatusCode();
        var webhook = Assert.Single(tts.Stack.Webhooks);
        Assert.Equal("https://saas.example.com/ttn", webhook.BaseUrl);
        Assert.Equal("Bearer s3cr3t", webhook.Headers["Authorization"]);
        var fetched = await FakeTts.Body(await client.GetAsync("/api/v3/as/webhooks/acme-app/saas?field_mask=headers"));
        Assert.Equal("Bearer s3cr3t", fetched["headers"]!["Authorization"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_webhook_created_without_base_url_is_400_validation()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        using var client = tts.Client(tts.AliceKey);

        var response = await client.PutAsync("/api/v3/as/webhooks/acme-app/saas", FakeTts.Json("""
            {"webhook":{"base_url":"https://saas.example.com/ttn","format":"json"},"field_mask":{"paths":["format"]}}
            """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("validation", await FakeTts.ErrorName(response));
    }

    [Fact]
    public async Task Gateways_are_created_listed_deleted_and_purged_under_an_organization()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        using var alice = tts.Client(tts.AliceKey);
        using var admin = tts.Client(tts.AdminKey);

        (await alice.PostAsync("/api/v3/organizations/acme/gateways", FakeTts.Json("""
            {"gateway":{"ids":{"gateway_id":"gw-1","eui":"58a0cbfffe800001"},"frequency_plan_ids":["EU_863_870_TTN"]}}
            """))).EnsureSuccessStatusCode();
        var list = await alice.GetAsync("/api/v3/organizations/acme/gateways");
        (await alice.DeleteAsync("/api/v3/gateways/gw-1")).EnsureSuccessStatusCode();
        (await admin.DeleteAsync("/api/v3/gateways/gw-1/purge")).EnsureSuccessStatusCode();

        Assert.Equal("1", Assert.Single(list.Headers.GetValues("X-Total-Count")));
        Assert.Empty(tts.Stack.Gateways);
    }
}
