using System.Net;
using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Tests;

public class WebhookDeliveryTests
{
    private const string UplinkHook = """
        "base_url":"https://saas.example.com/ttn/{appID}","headers":{"X-Tenant-Secret":"s3cr3t"},"uplink_message":{"path":"/up"}
        """;

    [Fact]
    public async Task A_simulated_uplink_is_posted_to_the_webhook_before_the_call_returns()
    {
        var (tts, receiver) = await WebhookSetup.CreateAsync();
        await using var _ = tts;
        await WebhookSetup.SetWebhookAsync(tts, "nam1", "sink", UplinkHook, "base_url,headers,uplink_message");

        (await WebhookSetup.SimulateAsync(tts, "nam1")).EnsureSuccessStatusCode();

        var received = Assert.Single(receiver.Received);
        Assert.Equal("https://saas.example.com/ttn/acme-app/up", received.Url.AbsoluteUri);
        Assert.Equal("s3cr3t", received.Headers["X-Tenant-Secret"]);
        Assert.StartsWith("application/json", received.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.True(Assert.Single(tts.Stack.Deliveries).Succeeded);
    }

    [Fact]
    public async Task The_simulated_message_carries_what_a_receiver_parses()
    {
        var (tts, receiver) = await WebhookSetup.CreateAsync();
        await using var _ = tts;
        await WebhookSetup.SetApplicationServerDeviceAsync(tts, "nam1");
        await WebhookSetup.SetWebhookAsync(tts, "nam1", "sink", UplinkHook, "base_url,headers,uplink_message");

        (await WebhookSetup.SimulateAsync(tts, "nam1")).EnsureSuccessStatusCode();

        var up = JsonNode.Parse(Assert.Single(receiver.Received).Body)!;
        Assert.True(up["simulated"]!.GetValue<bool>());
        Assert.Equal(WebhookSetup.DevEui, up["end_device_ids"]!["dev_eui"]!.GetValue<string>());
        Assert.Equal("acme-app", up["end_device_ids"]!["application_ids"]!["application_id"]!.GetValue<string>());
        Assert.NotEmpty(up["correlation_ids"]!.AsArray());
        var uplink = up["uplink_message"]!;
        Assert.Equal((2, "AQI=", 1),
            (uplink["f_port"]!.GetValue<int>(), uplink["frm_payload"]!.GetValue<string>(), uplink["f_cnt"]!.GetValue<int>()));
        Assert.NotNull(uplink["rx_metadata"]![0]!["gateway_ids"]!["gateway_id"]);
        Assert.NotNull(uplink["settings"]!["data_rate"]!["lora"]);
    }

    [Fact]
    public async Task Only_webhooks_of_the_cluster_that_enable_the_message_and_are_not_paused_get_it()
    {
        var (tts, receiver) = await WebhookSetup.CreateAsync();
        await using var _ = tts;
        await WebhookSetup.SetWebhookAsync(tts, "nam1", "ups", """
            "base_url":"https://a.example.com/","uplink_message":{}
            """, "base_url,uplink_message");
        await WebhookSetup.SetWebhookAsync(tts, "nam1", "joins", """
            "base_url":"https://b.example.com/","join_accept":{}
            """, "base_url,join_accept");
        await WebhookSetup.SetWebhookAsync(tts, "nam1", "paused", """
            "base_url":"https://c.example.com/","uplink_message":{},"paused":true
            """,
            "base_url,uplink_message,paused");
        await WebhookSetup.SetWebhookAsync(tts, "eu1", "other", """
            "base_url":"https://d.example.com/","uplink_message":{}
            """, "base_url,uplink_message");

        (await WebhookSetup.SimulateAsync(tts, "nam1")).EnsureSuccessStatusCode();

        Assert.Equal("a.example.com", Assert.Single(receiver.Received).Url.Host);
    }

    [Fact]
    public async Task A_downlink_api_key_adds_the_downlink_headers_naming_the_cluster()
    {
        var (tts, receiver) = await WebhookSetup.CreateAsync();
        await using var _ = tts;
        await WebhookSetup.SetWebhookAsync(tts, "nam1", "sink", """
            "base_url":"https://saas.example.com/","uplink_message":{},"downlink_api_key":"NNSXS.DOWN"
            """,
            "base_url,uplink_message,downlink_api_key");

        (await WebhookSetup.SimulateAsync(tts, "nam1")).EnsureSuccessStatusCode();

        var headers = Assert.Single(receiver.Received).Headers;
        Assert.Equal("NNSXS.DOWN", headers["X-Downlink-Apikey"]);
        Assert.Equal("https://nam1.cloud.thethings.network/api/v3/as/applications/acme-app/webhooks/sink/devices/sensor-1/down/push",
            headers["X-Downlink-Push"]);
        Assert.EndsWith("/down/replace", headers["X-Downlink-Replace"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulating_needs_the_traffic_up_write_right()
    {
        var (tts, receiver) = await WebhookSetup.CreateAsync();
        await using var _ = tts;
        await WebhookSetup.SetWebhookAsync(tts, "nam1", "sink", UplinkHook, "base_url,headers,uplink_message");
        var key = await tts.CreateApplicationKeyAsync("acme-app", "RIGHT_APPLICATION_TRAFFIC_READ");

        var response = await WebhookSetup.SimulateAsync(tts, "nam1", key);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(receiver.Received);
    }

    [Fact]
    public async Task Simulated_traffic_cannot_be_simulated_again()
    {
        var (tts, _) = await WebhookSetup.CreateAsync();
        await using var __ = tts;

        var response = await WebhookSetup.SimulateAsync(tts, "nam1", body: """{"simulated":true,"uplink_message":{"f_port":1}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("simulated", (await FakeTts.Body(response))["details"]![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Any_message_kind_can_be_delivered_by_the_test_hook()
    {
        var (tts, receiver) = await WebhookSetup.CreateAsync();
        await using var _ = tts;
        await WebhookSetup.SetWebhookAsync(tts, "au1", "sink", """
            "base_url":"https://saas.example.com/ttn","join_accept":{"path":"/join/{devID}"}
            """,
            "base_url,join_accept");

        var deliveries = await tts.Stack.DeliverAsync("acme-app", "sensor-1", new JsonObject { ["join_accept"] = new JsonObject() }, "au1");

        Assert.Equal("join_accept", Assert.Single(deliveries).MessageType);
        Assert.Equal("https://saas.example.com/ttn/join/sensor-1", Assert.Single(receiver.Received).Url.AbsoluteUri);
        Assert.Null(JsonNode.Parse(receiver.Received[0].Body)!["simulated"]);
    }

    [Fact]
    public async Task A_receiver_may_call_back_into_the_fake_while_it_is_being_delivered_to()
    {
        var (tts, receiver) = await WebhookSetup.CreateAsync();
        await using var _ = tts;
        await WebhookSetup.SetWebhookAsync(tts, "nam1", "sink", UplinkHook, "base_url,headers,uplink_message");
        HttpStatusCode? callback = null;
        receiver.OnRequest = async () =>
        {
            using var client = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"));
            callback = (await client.GetAsync("/api/v3/as/webhooks/acme-app/sink")).StatusCode;
        };

        (await WebhookSetup.SimulateAsync(tts, "nam1")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.OK, callback);
    }

    [Fact]
    public async Task The_webhooks_field_mask_reduces_the_body()
    {
        var (tts, receiver) = await WebhookSetup.CreateAsync();
        await using var _ = tts;
        await WebhookSetup.SetWebhookAsync(tts, "nam1", "sink", """
            "base_url":"https://saas.example.com/","uplink_message":{},"field_mask":"up.uplink_message.frm_payload,end_device_ids"
            """, "base_url,uplink_message,field_mask");

        (await WebhookSetup.SimulateAsync(tts, "nam1")).EnsureSuccessStatusCode();

        var up = JsonNode.Parse(Assert.Single(receiver.Received).Body)!;
        Assert.Equal("AQI=", up["uplink_message"]!["frm_payload"]!.GetValue<string>());
        Assert.Null(up["uplink_message"]!["rx_metadata"]);
        Assert.Null(up["received_at"]);
        Assert.NotNull(up["end_device_ids"]);
    }

    [Fact]
    public async Task A_protobuf_webhook_is_recorded_as_not_sent()
    {
        var (tts, receiver) = await WebhookSetup.CreateAsync();
        await using var _ = tts;
        using var client = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"), validate: true);
        (await client.PutAsync("/api/v3/as/webhooks/acme-app/sink", FakeTts.Json("""
            {"webhook":{"base_url":"https://saas.example.com/","format":"protobuf","uplink_message":{}},
             "field_mask":"base_url,format,uplink_message"}
            """))).EnsureSuccessStatusCode();

        (await WebhookSetup.SimulateAsync(tts, "nam1")).EnsureSuccessStatusCode();

        Assert.Empty(receiver.Received);
        Assert.False(Assert.Single(tts.Stack.Deliveries).Sent);
    }

    [Fact]
    public async Task A_delivery_handler_given_once_serves_every_delivery()
    {
        var receiver = new WebhookReceiver();
        var handler = receiver.CreateHandler();
        await using var tts = FakeTts.Cloud(o => o.WebhookDeliveryHandler = () => handler);
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        await WebhookSetup.SetWebhookAsync(tts, "nam1", "sink", UplinkHook, "base_url,headers,uplink_message");

        (await WebhookSetup.SimulateAsync(tts, "nam1")).EnsureSuccessStatusCode();
        (await WebhookSetup.SimulateAsync(tts, "nam1")).EnsureSuccessStatusCode();

        Assert.Equal(2, receiver.Received.Count);
        Assert.All(tts.Stack.Deliveries, d => Assert.True(d.Succeeded));
    }

    [Fact]
    public async Task A_receiver_that_throws_is_a_failed_delivery_and_the_simulate_call_still_answers()
    {
        var (tts, receiver) = await WebhookSetup.CreateAsync();
        await using var _ = tts;
        await WebhookSetup.SetWebhookAsync(tts, "nam1", "sink", UplinkHook, "base_url,headers,uplink_message");
        receiver.OnRequest = () => throw new InvalidOperationException("receiver broke");

        var response = await WebhookSetup.SimulateAsync(tts, "nam1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("receiver broke", Assert.Single(tts.Stack.Deliveries).Failure, StringComparison.Ordinal);
    }
}
