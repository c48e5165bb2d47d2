using System.Net.Http.Json;
using Ttn.Provisioning.Testing;
using static Ttn.Provisioning.AspNetCore.Tests.Endpoints.EndpointCase;

namespace Ttn.Provisioning.AspNetCore.Tests.Endpoints;

/// <summary>The gateway endpoints: registration, conflicts, the LNS key, status and removal.</summary>
public sealed class GatewayEndpointTests
{
    private const string Gateways = "/ttn/tenants/acme/gateways";

    [Fact]
    public async Task Registering_a_gateway_is_201_with_its_status_as_location_and_again_200_already_present()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();

        var created = await host.SendAsync(HttpMethod.Post, Gateways, "Admin", GatewayBody(1));
        var again = await host.SendAsync(HttpMethod.Post, Gateways, "Owner", GatewayBody(1));

        Assert.True(created.Status == 201, created.ToString());
        Assert.Equal("eui-b827ebfffe000001", created.Text("gatewayId"));
        Assert.Equal($"{Gateways}/eui-b827ebfffe000001/status", created.Location?.ToString());
        Assert.Equal(200, again.Status);
        Assert.Equal("AlreadyPresent", again.Text("status"));
        Assert.Single(host.Fake.Gateways);
    }

    [Fact]
    public async Task A_gateway_eui_held_by_another_account_is_409_gateway_conflict_naming_it()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        using (var other = await OtherAccountAsync(host))
        {
            (await other.PostAsJsonAsync(
                "/api/v3/users/someone-else/gateways",
                new
                {
                    gateway = new
                    {
                        ids = new { gateway_id = "their-gateway", eui = GatewayEui(1) }, frequency_plan_ids = new[] { "EU_863_870_TTN" },
                    },
                }))
                .EnsureSuccessStatusCode();
        }

        var answer = await host.SendAsync(HttpMethod.Post, Gateways, "Owner", GatewayBody(1));

        Assert.True(answer.Status == 409, answer.ToString());
        Assert.Equal("gateway-conflict", answer.Text("reasonCode"));
        Assert.Contains("their-gateway", answer.Text("detail"), StringComparison.Ordinal);
        Assert.Equal("gateway_eui_taken", answer.Text("ttsErrorName"));
        Assert.Equal("their-gateway", Assert.Single(host.Fake.Gateways).Id);
    }

    [Fact]
    public async Task The_lns_key_is_answered_by_the_registration_only_and_never_logged()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();

        var body = new { eui = GatewayEui(1), frequencyPlanIds = new[] { "EU_863_870_TTN" }, createLnsKey = true };
        var created = await host.SendAsync(HttpMethod.Post, Gateways, "Manager", body);
        var list = await host.SendAsync(HttpMethod.Get, Gateways, "Manager");
        var status = await host.SendAsync(HttpMethod.Get, $"{Gateways}/eui-b827ebfffe000001/status", "Manager");

        Assert.True(created.Status == 201, created.ToString());
        var key = created.Text("lnsApiKey")!;
        Assert.StartsWith("NNSXS.", key, StringComparison.Ordinal);
        Assert.Equal(created.Text("lnsApiKeyId"), Assert.Single(host.Fake.ApiKeys, k => k.EntityType == FakeEntityType.Gateway).Id);
        Assert.DoesNotContain(key, list.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(key, status.Body, StringComparison.Ordinal);
        Assert.All(host.Logs.GetSnapshot(), r => Assert.DoesNotContain(key[^16..], $"{r.Message} {r.Exception}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_status_says_whether_each_gateway_is_online_with_its_counts()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        await host.Gateways.RegisterGatewayAsync(EndpointHost.Owner(), Gateway(1));
        await host.Gateways.RegisterGatewayAsync(EndpointHost.Owner(), Gateway(2));
        var now = host.Time.GetUtcNow();
        host.Fake.SetGatewayConnectionStats("eui-b827ebfffe000001", new FakeGatewayConnectionStats
        {
            ConnectedAt = now.AddHours(-2), LastStatusReceivedAt = now.AddSeconds(-30), UplinkCount = 42, Protocol = "ws",
        });

        var all = await host.SendAsync(HttpMethod.Get, Gateways, "Viewer");
        var one = await host.SendAsync(HttpMethod.Get, $"{Gateways}/eui-b827ebfffe000001/status", "Viewer");

        var byId = all.Json.GetProperty("gateways").EnumerateArray().ToDictionary(g => g.GetProperty("gatewayId").GetString()!);
        Assert.True(byId["eui-b827ebfffe000001"].GetProperty("isOnline").GetBoolean());
        Assert.False(byId["eui-b827ebfffe000002"].GetProperty("isConnected").GetBoolean());
        var gateway = Assert.Single(one.Json.GetProperty("gateways").EnumerateArray());
        Assert.Equal(42, gateway.GetProperty("uplinkCount").GetInt64());
        Assert.Equal("ws", gateway.GetProperty("protocol").GetString());
    }

    [Fact]
    public async Task Removing_a_gateway_is_200_and_says_its_id_stays_reserved_without_a_purge()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        await host.Gateways.RegisterGatewayAsync(EndpointHost.Owner(), Gateway(1));

        var answer = await host.SendAsync(HttpMethod.Delete, $"{Gateways}/eui-b827ebfffe000001", "Manager");

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal("Deleted", answer.Text("status"));
        Assert.Equal(answer.Json.GetProperty("purged").GetBoolean(), !answer.Json.GetProperty("idReserved").GetBoolean());
    }
}
