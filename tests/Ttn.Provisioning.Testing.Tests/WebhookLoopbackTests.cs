using System.Net;
using System.Net.Sockets;

namespace Ttn.Provisioning.Testing.Tests;

/// <summary>Deliveries without a <see cref="FakeThingsStackOptions.WebhookDeliveryHandler"/>: real HTTP, loopback only.</summary>
public class WebhookLoopbackTests
{
    private static async Task<FakeTts> CloudWithApplicationAsync()
    {
        var tts = FakeTts.Cloud();
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        return tts;
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    [Fact]
    public async Task A_webhook_on_a_loopback_address_receives_a_real_http_post()
    {
        await using var tts = await CloudWithApplicationAsync();
        var port = FreePort();
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        await WebhookSetup.SetWebhookAsync(tts, "eu1", "sink", $$"""
            "base_url":"http://127.0.0.1:{{port}}/ttn","headers":{"X-Secret":"s3cr3t"},"uplink_message":{"path":"/up"}
            """, "base_url,headers,uplink_message");
        var received = Task.Run(async () =>
        {
            var context = await listener.GetContextAsync();
            var secret = context.Request.Headers["X-Secret"];
            var path = context.Request.Url!.AbsolutePath;
            context.Response.StatusCode = 202;
            context.Response.Close();
            return (path, secret);
        });

        (await WebhookSetup.SimulateAsync(tts, "eu1")).EnsureSuccessStatusCode();

        Assert.Equal(("/ttn/up", "s3cr3t"), await received);
        Assert.Equal(202, Assert.Single(tts.Stack.Deliveries).StatusCode);
    }

    [Fact]
    public async Task A_webhook_on_another_host_is_a_failed_delivery_that_is_never_sent()
    {
        await using var tts = await CloudWithApplicationAsync();
        await WebhookSetup.SetWebhookAsync(tts, "eu1", "sink", """
            "base_url":"https://saas.example.com/ttn","uplink_message":{}
            """, "base_url,uplink_message");

        (await WebhookSetup.SimulateAsync(tts, "eu1")).EnsureSuccessStatusCode();

        var delivery = Assert.Single(tts.Stack.Deliveries);
        Assert.False(delivery.Sent);
        Assert.Contains("loopback", delivery.Failure, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(tts.Stack.Webhooks).Health!.FailedAttempts);
    }

    [Fact]
    public async Task A_refused_connection_is_a_failed_delivery()
    {
        await using var tts = await CloudWithApplicationAsync();
        await WebhookSetup.SetWebhookAsync(tts, "eu1", "sink", $$"""
            "base_url":"http://localhost:{{FreePort()}}/ttn","uplink_message":{}
            """, "base_url,uplink_message");

        (await WebhookSetup.SimulateAsync(tts, "eu1")).EnsureSuccessStatusCode();

        var delivery = Assert.Single(tts.Stack.Deliveries);
        Assert.True(delivery.Sent);
        Assert.Null(delivery.StatusCode);
        Assert.NotNull(delivery.Failure);
    }
}
