using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Ttn.Provisioning.Testing.Tests;

public class WebhookHealthTests
{
    private const string Hook = """
        "base_url":"https://saas.example.com/ttn","uplink_message":{}
        """;

    private static async Task<(FakeTts Tts, WebhookReceiver Receiver, FakeTimeProvider Clock)> FailingReceiverAsync(int threshold = 3)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var (tts, receiver) = await WebhookSetup.CreateAsync(o =>
        {
            o.TimeProvider = clock;
            o.WebhookUnhealthyAttemptsThreshold = threshold;
            o.WebhookUnhealthyRetryInterval = TimeSpan.FromHours(1);
        });
        await WebhookSetup.SetWebhookAsync(tts, "nam1", "sink", Hook, "base_url,uplink_message");
        receiver.Status = HttpStatusCode.InternalServerError;
        return (tts, receiver, clock);
    }

    private static async Task<JsonNode?> HealthStatusAsync(FakeTts tts)
    {
        using var client = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"), validate: true);
        return (await FakeTts.Body(await client.GetAsync("/api/v3/as/webhooks/acme-app/sink?field_mask=health_status")))["health_status"];
    }

    [Fact]
    public async Task The_first_failed_delivery_makes_the_webhook_unhealthy_with_what_failed()
    {
        var (tts, _, _) = await FailingReceiverAsync();
        await using var __ = tts;

        await WebhookSetup.SimulateAsync(tts, "nam1");

        var unhealthy = (await HealthStatusAsync(tts))!["unhealthy"]!;
        Assert.Equal("1", unhealthy["failed_attempts"]!.GetValue<string>());
        Assert.Equal("2026-11-27T09:00:00Z", unhealthy["last_failed_attempt_at"]!.GetValue<string>());
        Assert.Equal(500, unhealthy["last_failed_attempt_details"]!["attributes"]!["status_code"]!.GetValue<int>());
    }

    [Fact]
    public async Task After_the_threshold_of_failures_deliveries_stop_until_the_retry_interval_passed()
    {
        var (tts, receiver, clock) = await FailingReceiverAsync(threshold: 3);
        await using var _ = tts;
        for (var i = 0; i < 4; i++)
        {
            await WebhookSetup.SimulateAsync(tts, "nam1");
        }

        var whileDisabled = receiver.Received.Count;
        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await WebhookSetup.SimulateAsync(tts, "nam1");

        Assert.Equal(3, whileDisabled);
        Assert.False(tts.Stack.Deliveries[3].Sent);
        Assert.Equal(4, receiver.Received.Count);
        Assert.Equal(4, tts.Stack.Webhooks.Single().Health!.FailedAttempts);
    }

    [Fact]
    public async Task A_successful_delivery_makes_an_unhealthy_webhook_healthy_again()
    {
        var (tts, receiver, _) = await FailingReceiverAsync();
        await using var _ = tts;
        await WebhookSetup.SimulateAsync(tts, "nam1");

        receiver.Status = HttpStatusCode.NoContent;
        await WebhookSetup.SimulateAsync(tts, "nam1");

        Assert.NotNull((await HealthStatusAsync(tts))!["healthy"]);
        Assert.True(tts.Stack.Webhooks.Single().Health!.IsHealthy);
    }

    [Fact]
    public async Task Without_thresholds_the_application_server_records_no_health()
    {
        var (tts, receiver) = await WebhookSetup.CreateAsync(o =>
        {
            o.WebhookUnhealthyAttemptsThreshold = 0;
            o.WebhookUnhealthyRetryInterval = TimeSpan.Zero;
        });
        await using var _ = tts;
        await WebhookSetup.SetWebhookAsync(tts, "nam1", "sink", Hook, "base_url,uplink_message");
        receiver.Status = HttpStatusCode.BadGateway;

        await WebhookSetup.SimulateAsync(tts, "nam1");

        Assert.False(Assert.Single(tts.Stack.Deliveries).Succeeded);
        Assert.Null(Assert.Single(tts.Stack.Webhooks).Health);
    }

    [Fact]
    public async Task In_monitor_mode_failures_are_recorded_and_deliveries_never_stop()
    {
        var (tts, receiver, _) = await FailingReceiverAsync(threshold: 0);
        await using var _ = tts;

        for (var i = 0; i < 4; i++)
        {
            await WebhookSetup.SimulateAsync(tts, "nam1");
        }

        Assert.Equal(4, receiver.Received.Count);
        Assert.Equal(1, Assert.Single(tts.Stack.Webhooks).Health!.FailedAttempts);
    }

    [Fact]
    public async Task The_application_server_configuration_reports_the_thresholds()
    {
        var (tts, _, _) = await FailingReceiverAsync(threshold: 5);
        await using var _ = tts;
        using var client = tts.Client(tts.AliceKey, FakeTts.ClusterHost("eu1"), validate: true);

        var webhooks = (await FakeTts.Body(await client.GetAsync("/api/v3/as/configuration")))["configuration"]!["webhooks"]!;

        Assert.Equal("5", webhooks["unhealthy_attempts_threshold"]!.GetValue<string>());
        Assert.Equal("3600s", webhooks["unhealthy_retry_interval"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_test_can_set_a_webhooks_health_directly()
    {
        var (tts, receiver, clock) = await FailingReceiverAsync(threshold: 3);
        await using var _ = tts;

        tts.Stack.SetWebhookHealth("acme-app", "sink", FakeWebhookHealth.Unhealthy(3, clock.GetUtcNow()), "nam1");
        await WebhookSetup.SimulateAsync(tts, "nam1");

        Assert.Equal("3", (await HealthStatusAsync(tts))!["unhealthy"]!["failed_attempts"]!.GetValue<string>());
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task Health_status_is_read_only()
    {
        var (tts, _, _) = await FailingReceiverAsync();
        await using var _ = tts;
        using var client = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"), validate: true);

        var response = await client.PutAsync("/api/v3/as/webhooks/acme-app/sink", FakeTts.Json("""
            {"webhook":{"health_status":{"healthy":{}}},"field_mask":"health_status"}
            """));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("field_mask_paths", (await FakeTts.Body(response))["details"]![0]!["name"]!.GetValue<string>());
    }
}
