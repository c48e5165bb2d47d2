using System.Net;
using Ttn.Provisioning.AspNetCore.Messages;

namespace Ttn.Provisioning.AspNetCore.Tests.Webhooks;

/// <summary>The opt-in de-duplication window: a repeat within it is answered 200 and not handled again; off by default.</summary>
public sealed class DeduplicationTests
{
    [Fact]
    public async Task A_repeat_within_the_window_is_answered_200_without_reaching_the_handler_and_is_handled_after_it()
    {
        await using var host = await WebhookTestHost.StartAsync(
            o => o.Deduplication = new TtnMessageDeduplicatorOptions { Window = TimeSpan.FromMinutes(1) });
        var (secret, application) = await host.ProvisionAsync();
        var body = WebhookTestHost.BodyFor("uplink.json", application);

        using var first = await host.PostAsync("acme", body, secret);
        host.Time.Advance(TimeSpan.FromSeconds(59));
        using var repeat = await host.PostAsync("acme", body, secret);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        using var late = await host.PostAsync("acme", body, secret);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(2, host.Handled.Count);
    }

    [Fact]
    public async Task Without_the_option_every_delivery_reaches_the_handler()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (secret, application) = await host.ProvisionAsync();
        var body = WebhookTestHost.BodyFor("uplink.json", application);

        using var first = await host.PostAsync("acme", body, secret);
        using var repeat = await host.PostAsync("acme", body, secret);

        Assert.Equal(2, host.Handled.Count);
    }
}
