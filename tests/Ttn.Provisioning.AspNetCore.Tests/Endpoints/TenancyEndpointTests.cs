using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.AspNetCore.Tests.Endpoints;

/// <summary>
/// Issue 11 through the endpoints: settings, the connection test, the history, clusters on provision and start fresh, and
/// the tenant's state in the credentials answer.
/// </summary>
public sealed class TenancyEndpointTests
{
    private const string Tenant = "/ttn/tenants/acme";

    [Fact]
    public async Task Disabling_pauses_the_webhook_and_then_creating_resources_is_409_tenant_disabled()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();

        var disabled = await host.SendAsync(HttpMethod.Post, $"{Tenant}/settings", "Admin", new { enabled = false });
        var rotation = await host.SendAsync(HttpMethod.Post, $"{Tenant}/webhook-secret/rotate", "Owner");

        Assert.True(disabled.Status == 200, disabled.ToString());
        var settings = disabled.Json.GetProperty("settings");
        Assert.False(settings.GetProperty("enabled").GetBoolean());
        Assert.False(settings.GetProperty("pending").GetBoolean());
        Assert.True(Assert.Single(host.Fake.Webhooks).Paused);
        Assert.Equal(409, rotation.Status);
        Assert.Equal("tenant-disabled", rotation.Text("reasonCode"));
        Assert.Equal("TenantDisabled", rotation.Text("outcome"));
    }

    [Fact]
    public async Task Message_names_are_read_whatever_their_case_and_reach_tts()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();

        var answer = await host.SendAsync(
            HttpMethod.Post, $"{Tenant}/settings", "Owner", new { messages = new[] { "uplink", "DOWNLINKFAILED" } });

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal(
            ["Uplink", "DownlinkFailed"],
            answer.Json.GetProperty("settings").GetProperty("messages").EnumerateArray().Select(m => m.GetString()));
        var webhook = Assert.Single(host.Fake.Webhooks).Json;
        Assert.Contains("downlink_failed", webhook, StringComparison.Ordinal);
        Assert.DoesNotContain("join_accept", webhook, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"messages\":[\"Uplinks\"]}")]
    [InlineData("{\"messages\":[\"1\"]}")]
    [InlineData("{\"messages\":[\"None\"]}")]
    [InlineData("{\"messages\":[\"Uplink,JoinAccept\"]}")]
    [InlineData("{\"messages\":[]}")]
    public async Task A_selection_that_is_not_one_is_400_and_nothing_is_sent(string body)
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        var requests = host.Fake.Journal.Entries.Count;

        var answer = await host.SendAsync(HttpMethod.Post, $"{Tenant}/settings", "Owner", rawBody: body);

        Assert.Equal(400, answer.Status);
        Assert.Equal("invalid-request", answer.Text("reasonCode"));
        Assert.Equal(requests, host.Fake.Journal.Entries.Count);
    }

    [Fact]
    public async Task Settings_tts_did_not_confirm_are_502_and_pending_in_the_result()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        host.Fake.Faults.Add(HttpMethod.Put, "as/webhooks/*/*", FakeFault.Status(503), onCall: 1);

        var answer = await host.SendAsync(HttpMethod.Post, $"{Tenant}/settings", "Owner", new { enabled = false });

        Assert.Equal(502, answer.Status);
        Assert.Equal("Webhook", answer.Text("step"));
        var settings = answer.Json.GetProperty("result").GetProperty("settings");
        Assert.True(settings.GetProperty("pending").GetBoolean());
        Assert.False(settings.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task A_connection_test_that_finds_an_unhealthy_webhook_is_200_with_the_failed_check_and_is_shown_by_the_status()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        var webhook = Assert.Single(host.Fake.Webhooks);
        var failedAt = host.Time.GetUtcNow().AddMinutes(-5);
        host.Fake.SetWebhookHealth(webhook.ApplicationId, webhook.WebhookId, FakeWebhookHealth.Unhealthy(12, failedAt));

        var answer = await host.SendAsync(HttpMethod.Post, $"{Tenant}/connection-test", "Staff");
        var status = await host.SendAsync(HttpMethod.Get, $"{Tenant}/status", "Viewer");

        Assert.True(answer.Status == 200, answer.ToString());
        var test = answer.Json.GetProperty("test");
        Assert.False(test.GetProperty("passed").GetBoolean());
        Assert.Equal(12, test.GetProperty("webhookFailedAttempts").GetInt64());
        var health = Assert.Single(test.GetProperty("checks").EnumerateArray(), c => c.GetProperty("kind").GetString() == "WebhookHealth");
        Assert.False(health.GetProperty("passed").GetBoolean());
        Assert.Equal(webhook.ApplicationId, test.GetProperty("applicationId").GetString());
        var shown = status.Json.GetProperty("lastConnectionTest");
        Assert.Equal(test.GetProperty("testedAt").GetDateTimeOffset(), shown.GetProperty("testedAt").GetDateTimeOffset());
        Assert.False(shown.GetProperty("passed").GetBoolean());
    }

    [Fact]
    public async Task A_connection_test_of_a_tenant_never_provisioned_is_404_not_configured_with_its_message()
    {
        await using var host = await EndpointHost.StartAsync();

        var answer = await host.SendAsync(HttpMethod.Post, $"{Tenant}/connection-test", "Manager");

        Assert.Equal(404, answer.Status);
        Assert.Equal("not-configured", answer.Text("reasonCode"));
        Assert.Contains("not configured for this tenant", answer.Text("detail"), StringComparison.Ordinal);
        Assert.Empty(host.Fake.Journal.Entries);
    }

    [Fact]
    public async Task The_status_shows_the_cluster_and_the_settings()
    {
        await using var host = await EndpointHost.StartAsync(theThingsNetworkCloud: true);
        await host.SendAsync(HttpMethod.Post, $"{Tenant}/provision?cluster=au1", "Owner");
        await host.SendAsync(HttpMethod.Post, $"{Tenant}/settings", "Owner", new { enabled = false });

        var status = (await host.SendAsync(HttpMethod.Get, $"{Tenant}/status", "Viewer")).Json;

        Assert.Equal("au1", status.GetProperty("cluster").GetString());
        Assert.False(status.GetProperty("settings").GetProperty("enabled").GetBoolean());
        Assert.Equal(
            ["Uplink", "JoinAccept"], status.GetProperty("settings").GetProperty("messages").EnumerateArray().Select(m => m.GetString()));
        Assert.False(status.TryGetProperty("lastConnectionTest", out _));
    }

    [Fact]
    public async Task History_pages_newest_first_with_the_token_of_the_previous_answer()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        await host.SendAsync(HttpMethod.Post, $"{Tenant}/settings", "Owner", new { enabled = false });
        await host.SendAsync(HttpMethod.Post, $"{Tenant}/connection-test", "Staff");

        var first = (await host.SendAsync(HttpMethod.Get, $"{Tenant}/history?limit=2", "Manager")).Json;
        var token = Uri.EscapeDataString(first.GetProperty("nextPageToken").GetString()!);
        var second = (await host.SendAsync(HttpMethod.Get, $"{Tenant}/history?limit=2&pageToken={token}", "Manager")).Json;

        Assert.Equal(
            ["TestConnection", "UpdateSettings"],
            first.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("operation").GetString()));
        var oldest = Assert.Single(second.GetProperty("entries").EnumerateArray());
        Assert.Equal(("Provision", "setup-user", "Owner"), (
            oldest.GetProperty("operation").GetString(), oldest.GetProperty("userId").GetString(), oldest.GetProperty("role").GetString()));
        Assert.False(second.TryGetProperty("nextPageToken", out _));
        Assert.Equal("user-staff", first.GetProperty("entries")[0].GetProperty("userId").GetString());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=101")]
    [InlineData("limit=-1")]
    [InlineData("limit=ten")]
    [InlineData("pageToken=not-a-token")]
    public async Task A_history_limit_outside_1_to_100_or_a_token_not_given_for_this_history_is_400(string query)
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();

        var answer = await host.SendAsync(HttpMethod.Get, $"{Tenant}/history?{query}", "Owner");

        Assert.Equal(400, answer.Status);
        Assert.Equal("invalid-request", answer.Text("reasonCode"));
    }

    [Fact]
    public async Task Start_fresh_onto_another_cluster_moves_the_tenant_and_names_both_clusters()
    {
        await using var host = await EndpointHost.StartAsync(theThingsNetworkCloud: true);
        await host.ProvisionAsync();

        var answer = await host.SendAsync(
            HttpMethod.Post, $"{Tenant}/start-fresh", "Owner", new { confirm = EndpointHost.Tenant, cluster = "nam1" });

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal(("eu1", "nam1"), (answer.Text("previousCluster"), answer.Text("cluster")));
        Assert.Equal("nam1", answer.Json.GetProperty("provisioning").GetProperty("cluster").GetString());
        Assert.Equal("nam1", Assert.Single(host.Fake.Webhooks).Cluster);
    }

    [Fact]
    public async Task Provisioning_on_a_cluster_not_configured_is_400_and_nothing_is_sent()
    {
        await using var host = await EndpointHost.StartAsync(theThingsNetworkCloud: true);

        var answer = await host.SendAsync(HttpMethod.Post, $"{Tenant}/provision?cluster=eu2", "Owner");

        Assert.Equal(400, answer.Status);
        Assert.Equal("invalid-request", answer.Text("reasonCode"));
        Assert.Contains("'eu2'", answer.Text("detail"), StringComparison.Ordinal);
        Assert.Empty(host.Fake.Journal.Entries);
    }

    [Theory]
    [InlineData("GET", "credentials")]
    [InlineData("POST", "credentials/reveal")]
    public async Task The_credentials_answer_carries_the_tenants_state_failed_step_and_attempts(string method, string route)
    {
        await using var host = await EndpointHost.StartAsync();
        host.Fake.Faults.Add(HttpMethod.Post, "applications/*/api-keys", FakeFault.Status(503), onCall: 1);
        await host.SendAsync(HttpMethod.Post, $"{Tenant}/provision", "Owner");

        var answer = await host.SendAsync(new HttpMethod(method), $"{Tenant}/{route}", "Manager");

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal(("Failed", "ApplicationApiKey", "1"), (answer.Text("state"), answer.Text("failedStep"), answer.Text("attemptCount")));
        Assert.Equal("injected_fault", answer.Json.GetProperty("lastError").GetProperty("ttsErrorName").GetString());
    }
}
