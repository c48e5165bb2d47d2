using System.Text.Json.Nodes;
using Ttn.Provisioning.Testing.Internal;

namespace Ttn.Provisioning.Testing.Tests;

public class WebhookSettingsTests
{
    private const string Hook = """
        "base_url":"https://saas.example.com/ttn","headers":{"X-Secret":"one"},
        "uplink_message":{"path":"/up"},"join_accept":{"path":"/join"}
        """;

    private static async Task<JsonObject> StoredAsync(FakeTts tts) => JsonNode.Parse(Assert.Single(tts.Stack.Webhooks).Json)!.AsObject();

    [Fact]
    public async Task An_update_changes_only_the_masked_paths()
    {
        var (tts, _) = await WebhookSetup.CreateAsync();
        await using var _ = tts;
        await WebhookSetup.SetWebhookAsync(tts, "nam1", "sink", Hook, "base_url,headers,uplink_message,join_accept");

        await WebhookSetup.SetWebhookAsync(tts, "nam1", "sink", """
            "base_url":"https://elsewhere.example.com","uplink_message":{"path":"/uplinks"},"join_accept":{"path":"/ignored"}
            """, "uplink_message.path");

        var stored = await StoredAsync(tts);
        Assert.Equal("/uplinks", stored["uplink_message"]!["path"]!.GetValue<string>());
        Assert.Equal("/join", stored["join_accept"]!["path"]!.GetValue<string>());
        Assert.Equal("https://saas.example.com/ttn", stored["base_url"]!.GetValue<string>());
        Assert.Equal("one", stored["headers"]!["X-Secret"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_masked_message_absent_from_the_body_is_switched_off()
    {
        var (tts, _) = await WebhookSetup.CreateAsync();
        await using var _ = tts;
        await WebhookSetup.SetWebhookAsync(tts, "nam1", "sink", Hook, "base_url,headers,uplink_message,join_accept");

        await WebhookSetup.SetWebhookAsync(tts, "nam1", "sink", """
            "base_url":"https://saas.example.com/ttn"
            """, "join_accept");

        var stored = await StoredAsync(tts);
        Assert.Null(stored["join_accept"]);
        Assert.NotNull(stored["uplink_message"]);
    }

    [Fact]
    public async Task Paused_is_stored_and_read_back()
    {
        var (tts, _) = await WebhookSetup.CreateAsync();
        await using var _ = tts;
        await WebhookSetup.SetWebhookAsync(tts, "nam1", "sink", Hook, "base_url,headers,uplink_message,join_accept");

        await WebhookSetup.SetWebhookAsync(tts, "nam1", "sink", """
            "paused":true
            """, "paused");
        using var client = tts.Client(tts.AliceKey, FakeTts.ClusterHost("nam1"), validate: true);
        var read = await FakeTts.Body(await client.GetAsync("/api/v3/as/webhooks/acme-app/sink?field_mask=paused"));

        Assert.True(read["paused"]!.GetValue<bool>());
        Assert.True(Assert.Single(tts.Stack.Webhooks).Paused);
    }

    [Theory]
    [InlineData("https://h/ttn/acme", "/up", "https://h/ttn/acme/up")]
    [InlineData("https://h/ttn/acme/", "up", "https://h/ttn/acme/up")]
    [InlineData("https://h/ttn/acme", "", "https://h/ttn/acme")]
    [InlineData("https://h/ttn/acme", "/", "https://h/ttn/acme/")]
    [InlineData("https://h/ttn", "/{devID}?kind=up", "https://h/ttn/sensor-1?kind=up")]
    [InlineData("https://h/{appID}", "/eui/{devEUI}", "https://h/acme-app/eui/70B3D57ED000ABCD")]
    [InlineData("https://h/base?token=1", "", "https://h/base?token=1")]
    public void The_url_joins_the_base_and_the_message_path_as_tts_does(string baseUrl, string path, string expected)
    {
        var up = JsonNode.Parse("""
            {"end_device_ids":{"device_id":"sensor-1","application_ids":{"application_id":"acme-app"},"dev_eui":"70B3D57ED000ABCD"}}
            """)!.AsObject();

        Assert.Equal(expected, WebhookRequests.Url(baseUrl, path, up).AbsoluteUri);
    }
}
