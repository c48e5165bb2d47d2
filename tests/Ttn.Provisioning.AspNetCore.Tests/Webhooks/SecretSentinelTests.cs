using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Ttn.Provisioning.AspNetCore.Webhooks;

namespace Ttn.Provisioning.AspNetCore.Tests.Webhooks;

/// <summary>
/// The secret sentinel over the receiver: the webhook secrets (in force and replaced) and the downlink key, presented right
/// and wrong, on every path (accepted inline and queued, refused, malformed, handler failure), appear in no log record at any
/// level, no answer (status line, headers, body), no trace, and no text of what the handler is given.
/// </summary>
public sealed class SecretSentinelTests
{
    private const string DownlinkKey =
        "NNSXS.SENTINELDOWNLINKKEYSENTINELDOWNLINKKEY7.SENTINELSECRETPARTSENTINELSECRETPARTSENTINELSECRETPART1234";

    [Theory]
    [InlineData(TtnWebhookDispatch.Inline)]
    [InlineData(TtnWebhookDispatch.Background)]
    public async Task No_secret_reaches_a_log_an_answer_a_trace_or_a_text(TtnWebhookDispatch dispatch)
    {
        var traces = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ProvisioningDiagnostics.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a => traces.Add($"{a.DisplayName} {a.StatusDescription} {string.Join(",", a.TagObjects)}"),
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await WebhookTestHost.StartAsync(o => o.Dispatch = dispatch);
        var (replaced, application) = await host.ProvisionAsync();
        await host.Service.RotateWebhookSecretAsync(WebhookTestHost.Owner());
        var secret = await host.SecretAsync();
        var handled = 0;
        host.Handled.OnHandle = (_, _) =>
            Interlocked.Increment(ref handled) == 1 ? throw new InvalidOperationException("Handler bug.") : Task.CompletedTask;
        var texts = new List<string>();
        var downlink = ("X-Downlink-Apikey", DownlinkKey);
        var uplink = Encoding.UTF8.GetBytes(WebhookTestHost.BodyFor("uplink.json", application));

        foreach (var (tenant, presented, body) in (IEnumerable<(string, string?, byte[])>)
            [
                ("acme", secret, uplink), ("acme", secret, uplink), ("acme", replaced, uplink), ("acme", secret + "x", uplink),
                ("acme", "x" + secret, uplink), ("nobody", secret, uplink), ("acme", secret, "{\"uplink_message\":"u8.ToArray()),
                ("acme", secret, Encoding.UTF8.GetBytes(WebhookTestHost.BodyFor("uplink.json", "other-app"))),
                ("acme", secret, Encoding.UTF8.GetBytes(new string(' ', 70_000))), ("acme", DownlinkKey, uplink),
            ])
        {
            using var response = await host.PostAsync(tenant, body, presented, "application/json", downlink);
            texts.Add($"{(int)response.StatusCode} {response.ReasonPhrase} {response.Headers} {response.Content.Headers}");
            texts.Add(await response.Content.ReadAsStringAsync());
        }

        await host.StopAsync();
        var contexts = host.Handled.All;
        Assert.NotEmpty(contexts);
        texts.AddRange(contexts.Select(c => $"{c} {c.DownlinkApiKey} {JsonSerializer.Serialize(c.DownlinkApiKey)}"));
        texts.AddRange(host.Logs.GetSnapshot()
            .Select(r => $"{r.Level} {r.Category} {r.Message} {r.Exception} {string.Join(",", r.StructuredState ?? [])}"));
        texts.AddRange(traces);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Category?.Contains("Webhook", StringComparison.Ordinal) == true);

        foreach (var value in (string[])[secret, replaced, DownlinkKey, DownlinkKey[(DownlinkKey.LastIndexOf('.') + 1)..]])
        {
            Assert.All(texts, text => Assert.DoesNotContain(value, text, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_downlink_key_prints_and_serializes_without_its_value()
    {
        var key = new TtnDownlinkApiKey(DownlinkKey);

        Assert.Equal("TtnDownlinkApiKey(…1234)", key.ToString());
        Assert.Equal("TtnDownlinkApiKey(****)", new TtnDownlinkApiKey("short").ToString());
        Assert.DoesNotContain("SENTINEL", JsonSerializer.Serialize(key), StringComparison.Ordinal);
        Assert.Equal(DownlinkKey, key.Reveal());
    }
}
