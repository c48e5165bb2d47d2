using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>
/// The Application Server's webhook integration: posts a message to every webhook of the application in that cluster that
/// is not paused and enables the message kind, one after the other, outside the state lock (a receiver may call back into
/// the fake), applying TTS's health check and recording every delivery.
/// </summary>
internal sealed class WebhookDeliverer(StateStore state, FakeThingsStackOptions options, Func<ClusterState, string> downlinkBase)
    : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly WebhookHealthRules _rules = WebhookHealthRules.From(options);
    private readonly Lazy<SocketsHttpHandler> _loopback = new(CreateLoopbackHandler);

    public WebhookHealthRules Rules => _rules;

    public async Task<List<FakeWebhookDelivery>> DeliverAsync(ClusterState cluster, JsonObject up, CancellationToken cancellationToken)
    {
        var kind = WebhookRequests.KindOf(up)
            ?? throw new ArgumentException("The message carries none of the ApplicationUp message kinds.", nameof(up));
        var applicationId = TtsApi.Text(up, "end_device_ids", "application_ids", "application_id") ?? "";
        var deviceId = TtsApi.Text(up, "end_device_ids", "device_id") ?? "";
        List<string> webhookIds;
        lock (state.Gate)
        {
            webhookIds = [.. cluster.Webhooks.Values.Where(w => w.ApplicationId == applicationId)
                .OrderBy(w => w.WebhookId, StringComparer.Ordinal).Select(w => w.WebhookId)];
        }
        var deliveries = new List<FakeWebhookDelivery>();
        foreach (var webhookId in webhookIds)
        {
            if (await DeliverOneAsync(cluster, webhookId, up, kind, applicationId, deviceId,
                cancellationToken).ConfigureAwait(false) is { } delivery)
            {
                deliveries.Add(delivery);
            }
        }
        return deliveries;
    }

    private async Task<FakeWebhookDelivery?> DeliverOneAsync(ClusterState cluster, string webhookId, JsonObject up, string kind,
        string applicationId, string deviceId, CancellationToken cancellationToken)
    {
        string url, body;
        Dictionary<string, string> headers;
        WebhookHealthRules.Gate gate;
        string? refusal;
        lock (state.Gate)
        {
            if (!cluster.Webhooks.TryGetValue(ClusterState.WebhookKey(applicationId, webhookId), out var webhook)
                || webhook.Paused || webhook.Data[kind] is not JsonObject message)
            {
                return null;
            }
            gate = _rules.Check(webhook.Health, options.TimeProvider.GetUtcNow());
            headers = WebhookRequests.Headers(webhook, deviceId, downlinkBase(cluster));
            body = WebhookRequests.Body(webhook, up, kind);
            var baseUrl = TtsApi.Text(webhook.Data, "base_url") ?? "";
            (url, var invalid) = TryUrl(baseUrl, TtsApi.Text(message, "path") ?? "", up);
            refusal = gate == WebhookHealthRules.Gate.Disabled ? "webhook disabled: unhealthy until the retry interval passed"
                : TtsApi.Text(webhook.Data, "format") != "json" ? "the fake sends only the json format"
                : invalid;
        }
        var (sent, status, failure) = refusal is not null
            ? (false, (int?)null, refusal)
            : await SendAsync(url, headers, body, cancellationToken).ConfigureAwait(false);
        lock (state.Gate)
        {
            var now = options.TimeProvider.GetUtcNow();
            if (refusal is null && cluster.Webhooks.TryGetValue(ClusterState.WebhookKey(applicationId, webhookId), out var webhook))
            {
                var details = failure is null ? null : Errors.DeliveryFailureDetails(webhookId, url, status, Guid.NewGuid().ToString("N"));
                webhook.Health = _rules.Record(gate, webhook.Health, failure is null, now, details);
            }
            var delivery = new FakeWebhookDelivery(now, cluster.Name, applicationId, webhookId, deviceId, kind, url, headers, body)
            {
                Sent = sent,
                StatusCode = status,
                Failure = failure,
            };
            state.Deliveries.Add(delivery);
            return delivery;
        }
    }

    private static (string Url, string? Invalid) TryUrl(string baseUrl, string path, JsonObject up)
    {
        try
        {
            return (WebhookRequests.Url(baseUrl, path, up).AbsoluteUri, null);
        }
        catch (UriFormatException e)
        {
            return (baseUrl, "invalid URL: " + e.Message);
        }
    }

    /// <summary>Posts the message; a non-2xx answer or a transport error is a failure. The caller's cancellation propagates.</summary>
    private async Task<(bool Sent, int? Status, string? Failure)> SendAsync(string url, Dictionary<string, string> headers, string body,
        CancellationToken cancellationToken)
    {
        var custom = options.WebhookDeliveryHandler;
        if (custom is null && !IsLoopback(new Uri(url)))
        {
            return (false, null, "not sent: without WebhookDeliveryHandler the fake delivers only to loopback addresses");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post,
            url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        using var invoker = new HttpMessageInvoker(custom is null ? _loopback.Value : custom(), disposeHandler: false);
        using var timeout = new CancellationTokenSource(Timeout, options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await invoker.SendAsync(request, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return (true, status, status is >= 200 and <= 299 ? null : $"HTTP {status}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (true, null, $"no answer within {Timeout.TotalSeconds} s");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return (true, null, e is HttpRequestException ? e.Message : $"{e.GetType().Name}: {e.Message}");
        }
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback && (uri.HostNameType != UriHostNameType.Dns || uri.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase));

    /// <summary>A handler that can only reach loopback addresses (<c>localhost</c> is 127.0.0.1; no DNS, no proxy, no redirects).</summary>
    private static SocketsHttpHandler CreateLoopbackHandler() => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host.Trim('[', ']');
            var address = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
                : IPAddress.TryParse(host, out var parsed) && IPAddress.IsLoopback(parsed) ? parsed
                : throw new HttpRequestException($"The fake delivers webhooks only to loopback addresses, not '{host}'.");
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    public void Dispose()
    {
        if (_loopback.IsValueCreated)
        {
            _loopback.Value.Dispose();
        }
    }
}
