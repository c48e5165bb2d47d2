using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Ttn.Provisioning.Tests.Shared.Http;

/// <summary>A request as the stub saw it (the body is read at send time).</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, string? Body);

/// <summary>
/// A primary handler that never touches the network: answers from a queue (or a function) and records requests.
/// <see cref="WaitForRequestsAsync"/> lets a test wait until n requests arrived, without timing assertions.
/// </summary>
public sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<RecordedRequest, HttpResponseMessage>> _responses = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly object _gate = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];

    /// <summary>Gets or sets the answer used when the queue is empty (default: 404 with an empty JSON object).</summary>
    public Func<RecordedRequest, HttpResponseMessage>? Fallback { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public StubHttpHandler Enqueue(HttpStatusCode status, string? json = null, Action<HttpResponseMessage>? configure = null)
    {
        _responses.Enqueue(_ =>
        {
            var response = Json(status, json);
            configure?.Invoke(response);
            return response;
        });
        return this;
    }

    public StubHttpHandler Enqueue(Func<RecordedRequest, HttpResponseMessage> respond)
    {
        _responses.Enqueue(respond);
        return this;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string? json)
    {
        var response = new HttpResponseMessage(status);
        if (json is not null)
        {
            response.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return response;
    }

    /// <summary>Completes when at least <paramref name="count"/> requests have arrived.</summary>
    public Task WaitForRequestsAsync(int count)
    {
        lock (_gate)
        {
            if (_requests.Count >= count)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            return signal.Task;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.Method, request.RequestUri!, request.Headers.Authorization?.ToString(), body);
        HttpResponseMessage response = _responses.TryDequeue(out var respond)
            ? respond(recorded)
            : Fallback?.Invoke(recorded) ?? Json(HttpStatusCode.NotFound, "{}");
        response.RequestMessage = request;

        lock (_gate)
        {
            _requests.Enqueue(recorded);
            foreach (var waiter in _waiters.Where(w => _requests.Count >= w.Count).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return response;
    }
}
