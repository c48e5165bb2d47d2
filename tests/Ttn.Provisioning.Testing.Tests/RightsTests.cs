using System.Net;
using System.Net.Http.Json;

namespace Ttn.Provisioning.Testing.Tests;

public class RightsTests
{
    [Fact]
    public async Task Creating_an_application_key_without_the_api_keys_right_is_403_insufficient_application_rights()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        var readOnly = await tts.CreateApplicationKeyAsync("acme-app", "RIGHT_APPLICATION_INFO");
        using var client = tts.Client(readOnly);

        var response = await client.PostAsJsonAsync("/api/v3/applications/acme-app/api-keys", new { name = "x", rights = new[] { "RIGHT_APPLICATION_INFO" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await FakeTts.Body(response);
        Assert.Equal(7, body["code"]!.GetValue<int>());
        Assert.Equal("insufficient_application_rights", body["details"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("pkg/auth/rights", body["details"]![0]!["namespace"]!.GetValue<string>());
        Assert.Equal("RIGHT_APPLICATION_SETTINGS_API_KEYS", body["details"]![0]!["attributes"]!["missing"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Creating_an_application_in_another_users_organization_is_403_no_organization_rights()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        tts.Stack.AddUser("bob");
        using var bob = tts.Client(tts.Stack.CreateUserApiKey("bob", "RIGHT_ALL"));

        var response = await bob.PostAsync("/api/v3/organizations/acme/applications",
            FakeTts.Json("""{"application":{"ids":{"application_id":"bobs-app"}}}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("no_organization_rights", await FakeTts.ErrorName(response));
        Assert.Empty(tts.Stack.Applications);
    }

    [Fact]
    public async Task A_key_cannot_grant_rights_it_does_not_hold()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        var keyManager = await tts.CreateApplicationKeyAsync("acme-app", "RIGHT_APPLICATION_SETTINGS_API_KEYS");
        using var client = tts.Client(keyManager);

        var response = await client.PostAsJsonAsync("/api/v3/applications/acme-app/api-keys", new { name = "x", rights = new[] { "RIGHT_APPLICATION_ALL" } });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("insufficient_application_rights", await FakeTts.ErrorName(response));
    }

    [Fact]
    public async Task An_unknown_api_key_is_401_api_key_not_found()
    {
        await using var tts = new FakeTts();
        using var client = tts.Client("NNSXS.ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFG.ABCDEFGHIJKLMNOPQRSTUVWXYZ234567ABCDEFGHIJKLMNOPQRST");

        var response = await client.GetAsync("/api/v3/organizations/acme");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("api_key_not_found", await FakeTts.ErrorName(response));
    }

    [Fact]
    public async Task An_expired_api_key_is_401_api_key_expired()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var tts = new FakeTts(new FakeThingsStackOptions { TimeProvider = clock });
        var key = tts.Stack.CreateUserApiKey("alice", clock.GetUtcNow().AddMinutes(5), "RIGHT_ALL");
        clock.Advance(TimeSpan.FromMinutes(6));
        using var client = tts.Client(key);

        var response = await client.GetAsync("/api/v3/users/alice/organizations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("api_key_expired", await FakeTts.ErrorName(response));
    }

    [Fact]
    public async Task Auth_info_returns_the_expanded_rights_the_entity_and_is_admin()
    {
        await using var tts = new FakeTts();
        using var client = tts.Client(tts.AdminKey);

        var body = await FakeTts.Body(await client.GetAsync("/api/v3/auth_info"));

        var rights = body["api_key"]!["api_key"]!["rights"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();
        Assert.Contains("RIGHT_APPLICATION_DEVICES_WRITE", rights);
        Assert.DoesNotContain("RIGHT_ALL", rights);
        Assert.Equal("root", body["api_key"]!["entity_ids"]!["user_ids"]!["user_id"]!.GetValue<string>());
        Assert.True(body["is_admin"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_error_body_has_the_tts_status_shape()
    {
        await using var tts = new FakeTts();
        using var client = tts.Client(null);

        var body = await FakeTts.Body(await client.DeleteAsync("/api/v3/applications/nobodys-app"));

        Assert.Equal(7, body["code"]!.GetValue<int>());
        Assert.Equal("error:pkg/auth/rights:no_application_rights (no rights for application `nobodys-app`)", body["message"]!.GetValue<string>());
        var details = body["details"]![0]!;
        Assert.Equal("type.googleapis.com/ttn.lorawan.v3.ErrorDetails", details["@type"]!.GetValue<string>());
        Assert.Equal("no rights for application `{uid}`", details["message_format"]!.GetValue<string>());
        Assert.Equal("nobodys-app", details["attributes"]!["uid"]!.GetValue<string>());
        Assert.Matches("^[0-9a-f]{32}$", details["correlation_id"]!.GetValue<string>());
        Assert.Equal(7, details["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_invalid_application_id_is_400_validation()
    {
        await using var tts = new FakeTts();
        await tts.CreateOrganizationAsync("acme");
        using var client = tts.Client(tts.AliceKey);

        var response = await client.PostAsync("/api/v3/organizations/acme/applications",
            FakeTts.Json("""{"application":{"ids":{"application_id":"Bad_ID"}}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var details = (await FakeTts.Body(response))["details"]![0]!;
        Assert.Equal("pkg/errors", details["namespace"]!.GetValue<string>());
        Assert.Equal("validation", details["name"]!.GetValue<string>());
        Assert.Equal("application_id", details["attributes"]!["field"]!.GetValue<string>());
    }
}
