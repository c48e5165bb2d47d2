using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Tests;

public class GatewayClaimingTests
{
    private const string Eui = "58A0CBFFFE800001";

    private static StringContent Claim(string code, string gatewayId = "roof-gw", string eui = Eui) => FakeTts.Json($$"""
        {"authenticated_identifiers":{"gateway_eui":"{{eui}}",
          "authentication_code":"{{Convert.ToBase64String(Encoding.UTF8.GetBytes(code))}}"},
         "collaborator":{"organization_ids":{"organization_id":"acme"} },"target_gateway_id":"{{gatewayId}}",
         "target_gateway_server_address":"nam1.cloud.thethings.network","target_frequency_plan_ids":["EU_863_870_TTN"] }
        """);

    private static async Task<FakeTts> ClaimableAsync()
    {
        var tts = FakeTts.Cloud();
        await tts.CreateOrganizationAsync("acme");
        tts.Stack.AddClaimableGateway(Eui, "owner-token");
        return tts;
    }

    private static async Task<string> ErrorNameAsync(HttpResponseMessage response) =>
        (await FakeTts.Body(response))["details"]![0]!["name"]!.GetValue<string>();

    [Fact]
    public async Task Claiming_with_the_owner_token_creates_the_gateway_in_the_organization()
    {
        await using var tts = await ClaimableAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);

        var response = await client.PostAsync("/api/v3/gcls/claim", Claim("owner-token"));

        response.EnsureSuccessStatusCode();
        Assert.Equal("roof-gw", (await FakeTts.Body(response))["gateway_id"]!.GetValue<string>());
        var gateway = Assert.Single(tts.Stack.Gateways);
        Assert.Equal((Eui, "acme"), (gateway.Eui, Assert.Single(gateway.OrganizationCollaborators)));
    }

    [Fact]
    public async Task A_wrong_authentication_code_is_409_claim_gateway_and_creates_nothing()
    {
        await using var tts = await ClaimableAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);

        var response = await client.PostAsync("/api/v3/gcls/claim", Claim("guess"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("claim gateway", await ErrorNameAsync(response));
        Assert.Empty(tts.Stack.Gateways);
    }

    [Fact]
    public async Task An_eui_no_claimer_knows_is_409_gateway_claiming_not_supported()
    {
        await using var tts = await ClaimableAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);

        var response = await client.PostAsync("/api/v3/gcls/claim", Claim("owner-token", eui: "58A0CBFFFE8000FF"));

        Assert.Equal("gateway_claiming_not_supported", await ErrorNameAsync(response));
    }

    [Fact]
    public async Task Claiming_an_eui_a_live_gateway_holds_is_409_gateway_already_exists()
    {
        await using var tts = await ClaimableAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);
        (await client.PostAsync("/api/v3/gcls/claim", Claim("owner-token"))).EnsureSuccessStatusCode();

        var again = await client.PostAsync("/api/v3/gcls/claim", Claim("owner-token", gatewayId: "other-gw"));

        Assert.Equal("gateway_already_exists", await ErrorNameAsync(again));
    }

    [Fact]
    public async Task A_claim_into_an_organization_the_caller_has_no_rights_on_is_create_gateway_with_that_cause()
    {
        await using var tts = await ClaimableAsync();
        tts.Stack.AddUser("mallory");
        using var mallory = tts.Client(tts.Stack.CreateUserApiKey("mallory", "RIGHT_ALL"), validate: true);

        var response = await mallory.PostAsync("/api/v3/gcls/claim", Claim("owner-token"));

        var details = (await FakeTts.Body(response))["details"]![0]!;
        Assert.Equal("create_gateway", details["name"]!.GetValue<string>());
        Assert.Equal("no_organization_rights", details["cause"]!["name"]!.GetValue<string>());
        Assert.Empty(tts.Stack.Gateways);
    }

    [Fact]
    public async Task Claim_info_tells_whether_an_eui_is_claimable()
    {
        await using var tts = await ClaimableAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);

        var known = await FakeTts.Body(await client.PostAsync("/api/v3/gcls/claim/info", FakeTts.Json($$"""{"eui":"{{Eui}}"}""")));
        var unknown = await FakeTts.Body(await client.PostAsync("/api/v3/gcls/claim/info", FakeTts.Json("""{"eui":"58A0CBFFFE8000FF"}""")));

        Assert.True(known["supports_claiming"]!.GetValue<bool>());
        Assert.False(unknown["supports_claiming"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Unclaiming_keeps_the_gateway_registered()
    {
        await using var tts = await ClaimableAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);
        (await client.PostAsync("/api/v3/gcls/claim", Claim("owner-token"))).EnsureSuccessStatusCode();

        var response = await client.DeleteAsync("/api/v3/gcls/claim/roof-gw");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(Assert.Single(tts.Stack.Gateways).IsDeleted);
    }

    [Fact]
    public async Task Unclaiming_without_the_delete_right_is_403()
    {
        await using var tts = await ClaimableAsync();
        using var client = tts.Client(tts.AliceKey, validate: true);
        (await client.PostAsync("/api/v3/gcls/claim", Claim("owner-token"))).EnsureSuccessStatusCode();
        var created = await client.PostAsync("/api/v3/gateways/roof-gw/api-keys",
            FakeTts.Json("""{"name":"ro","rights":["RIGHT_GATEWAY_INFO"]}"""));
        using var readOnly = tts.Client((await FakeTts.Body(created))["key"]!.GetValue<string>(), validate: true);

        var response = await readOnly.DeleteAsync("/api/v3/gcls/claim/roof-gw");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(JsonValue.Create("RIGHT_GATEWAY_DELETE")!.ToJsonString(),
            (await FakeTts.Body(response))["details"]![0]!["attributes"]!["missing"]![0]!.ToJsonString());
    }
}
