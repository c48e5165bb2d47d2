using System.Collections.Concurrent;
using System.Net;

namespace Ttn.Provisioning.Testing.Tests;

/// <summary>A webhook received by <see cref="WebhookReceiver"/>: URL, every header, body.</summary>
internal sealed record ReceivedWebhook(Uri Url, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// Stands in for the host's webhook endpoint as <see cref="FakeThingsStackOptions.WebhookDeliveryHandler"/>: records each
/// request and answers <see cref="Status"/>; <see cref="OnRequest"/> runs before answering (for example a call back into the fake).
/// </summary>
internal sealed class WebhookReceiver
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public Func<Task>? OnRequest { get; set; }

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public HttpMessageHandler CreateHandler() => new Handler(this);

    private sealed class Handler(WebhookReceiver receiver) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var headers = request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            receiver._received.Enqueue(new ReceivedWebhook(request.RequestUri!, headers, body));
            if (receiver.OnRequest is { } onRequest)
            {
                await onRequest();
            }
            return new HttpResponseMessage(receiver.Status) { RequestMessage = request };
        }
    }
}
