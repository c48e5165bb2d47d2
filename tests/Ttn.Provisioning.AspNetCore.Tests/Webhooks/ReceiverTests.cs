using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Ttn.Provisioning.AspNetCore.Messages;

namespace Ttn.Provisioning.AspNetCore.Tests.Webhooks;

/// <summary>What the receiver answers and what reaches the handler, one rule each.</summary>
public sealed class ReceiverTests
{
    public static TheoryData<string, TtnMessageKind> Kinds => new()
    {
        { "uplink.json", TtnMessageKind.Uplink },
        { "uplink-normalized.json", TtnMessageKind.NormalizedUplink },
        { "join-accept.json", TtnMessageKind.JoinAccept },
        { "downlink-ack.json", TtnMessageKind.DownlinkAck },
        { "downlink-nack.json", TtnMessageKind.DownlinkNack },
        { "downlink-sent.json", TtnMessageKind.DownlinkSent },
        { "downlink-failed.json", TtnMessageKind.DownlinkFailed },
        { "downlink-queued.json", TtnMessageKind.DownlinkQueued },
        { "downlink-queue-invalidated.json", TtnMessageKind.DownlinkQueueInvalidated },
        { "location-solved.json", TtnMessageKind.LocationSolved },
        { "service-data.json", TtnMessageKind.ServiceData },
        { "unknown-kind.json", TtnMessageKind.Unknown },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Every_message_kind_reaches_the_handler_typed_for_its_tenant(string file, TtnMessageKind kind)
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (secret, application) = await host.ProvisionAsync();

        using var response = await host.PostAsync("acme", WebhookTestHost.BodyFor(file, application), secret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var handled = Assert.Single(host.Handled.All);
        Assert.Equal("acme", handled.TenantId);
        Assert.Equal(kind, handled.Message.Kind);
        Assert.Equal(application, handled.Message.EndDevice.ApplicationId);
    }

    [Fact]
    public async Task The_downlink_headers_reach_the_handler_with_the_key_as_a_secret()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (secret, application) = await host.ProvisionAsync();
        const string key = "NNSXS.DOWNLINKKEYDOWNLINKKEYDOWNLINKKEY12345.SECRETPARTSECRETPARTSECRETPARTSECRETPARTSECRETPA9876";
        const string push = "https://nam1.cloud.thethings.network/api/v3/as/applications/a/webhooks/w/devices/d/down/push";

        using var response = await host.PostAsync(
            "acme",
            Encoding.UTF8.GetBytes(WebhookTestHost.BodyFor("uplink.json", application)),
            secret,
            "application/json",
            ("X-Downlink-Apikey", key),
            ("X-Downlink-Push", push),
            ("X-Downlink-Replace", push.Replace("push", "replace", StringComparison.Ordinal)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var handled = Assert.Single(host.Handled.All);
        Assert.Equal(key, handled.DownlinkApiKey!.Reveal());
        Assert.Equal("TtnDownlinkApiKey(…9876)", handled.DownlinkApiKey.ToString());
        Assert.Equal(new Uri(push), handled.DownlinkPushUrl);
        Assert.EndsWith("/down/replace", handled.DownlinkReplaceUrl!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_downlink_headers_the_context_has_no_downlink_details()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (secret, application) = await host.ProvisionAsync();

        using var response = await host.PostAsync("acme", WebhookTestHost.BodyFor("uplink.json", application), secret);

        var handled = Assert.Single(host.Handled.All);
        Assert.Null(handled.DownlinkApiKey);
        Assert.Null(handled.DownlinkPushUrl);
        Assert.Null(handled.DownlinkReplaceUrl);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task A_body_that_is_not_declared_json_is_refused_with_415(string? contentType)
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (secret, application) = await host.ProvisionAsync();

        using var response = await host.PostAsync(
            "acme", Encoding.UTF8.GetBytes(WebhookTestHost.BodyFor("uplink.json", application)), secret, contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(host.Handled.All);
    }

    [Fact]
    public async Task Json_with_a_charset_is_accepted()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (secret, application) = await host.ProvisionAsync();

        using var response = await host.PostAsync(
            "acme", Encoding.UTF8.GetBytes(WebhookTestHost.BodyFor("uplink.json", application)), secret, "application/json; charset=utf-8");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_with_413_whether_declared_or_streamed()
    {
        await using var host = await WebhookTestHost.StartAsync(o => o.MaxBodySize = 2048);
        var (secret, application) = await host.ProvisionAsync();
        var large = WebhookTestHost.WithApplication(
            """{"end_device_ids":{"device_id":"d"},"uplink_message":{"decoded_payload":{"x":""" + $"\"{new string('a', 4000)}\"" + "}}}",
            application);

        using var declared = await host.PostAsync("acme", large, secret);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{WebhookTestHost.Prefix}/acme")
        {
            Content = new StreamContent(new UnknownLengthStream(Encoding.UTF8.GetBytes(large))),
        };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.Add("X-Webhook-Secret", secret);
        using var streamed = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Empty(host.Handled.All);
    }

    [Fact]
    public async Task A_body_nested_past_the_depth_limit_is_refused_with_400()
    {
        await using var host = await WebhookTestHost.StartAsync(o => o.MaxDepth = 16);
        var (secret, application) = await host.ProvisionAsync();
        var nested = new string('[', 20) + new string(']', 20);
        var body = WebhookTestHost.WithApplication(
            """{"end_device_ids":{"device_id":"d"},"uplink_message":{"decoded_payload":{"x":""" + nested + "}}}", application);

        using var response = await host.PostAsync("acme", body, secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Handled.All);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("{\"uplink_message\":{}}")]
    public async Task An_authentic_body_that_is_not_a_message_is_refused_with_400(string body)
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (secret, _) = await host.ProvisionAsync();

        using var response = await host.PostAsync("acme", body, secret);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Handled.All);
    }

    [Fact]
    public async Task A_message_about_another_application_is_refused_with_403()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (secret, _) = await host.ProvisionAsync();

        using var response = await host.PostAsync("acme", WebhookTestHost.BodyFor("uplink.json", "someone-elses-app"), secret);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(host.Handled.All);
    }

    [Fact]
    public async Task A_handler_that_throws_makes_a_500_and_the_next_message_is_handled()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (secret, application) = await host.ProvisionAsync();
        var calls = 0;
        host.Handled.OnHandle = (_, _) => Interlocked.Increment(ref calls) == 1
            ? throw new InvalidOperationException("The host's database is down.")
            : Task.CompletedTask;

        using var failed = await host.PostAsync("acme", WebhookTestHost.BodyFor("uplink.json", application), secret);
        using var handled = await host.PostAsync("acme", WebhookTestHost.BodyFor("join-accept.json", application), secret);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, handled.StatusCode);
        Assert.Equal(TtnMessageKind.JoinAccept, Assert.Single(host.Handled.All).Message.Kind);
    }

    [Fact]
    public async Task Mapping_without_a_message_handler_is_refused_at_startup()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddTtnProvisioning(_ => { });
        builder.Services.AddTtnWebhooks();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapTtnWebhooks());

        Assert.Contains("AddTtnMessageHandler", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A stream that does not say its length, so the client sends it chunked, without Content-Length.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
