using System.Diagnostics;

namespace Ttn.Provisioning.Sample;

/// <summary>One HTTP request to The Things Stack as the recorder saw it.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The request path.</param>
/// <param name="Status">The response status; null when the request threw.</param>
/// <param name="Start">When the request left, as <see cref="Stopwatch"/> ticks.</param>
/// <param name="End">When the response (or the error) arrived, as <see cref="Stopwatch"/> ticks.</param>
/// <param name="Tag">The <see cref="RequestRecorder.Tag"/> of the flow that sent it (e.g. a tenant id), if any.</param>
/// <param name="Cluster">The cluster it went to (see <see cref="RequestRecorder.ClusterOf"/>); null for the Identity Server.</param>
internal sealed record RecordedRequest(
    string Method, string Path, int? Status, long Start, long End, string? Tag = null, string? Cluster = null)
{
    public override string ToString() =>
        $"{Method} {Path} -> {Status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "error"}"
        + (Cluster is null ? "" : $" (on {Cluster})");
}

/// <summary>
/// A handler placed in front of the Things Stack transport: it records every request (start, end, status), and can add
/// a simulated network latency so that the timings and the round trips look like those of a remote TTS.
/// </summary>
internal sealed class RequestRecorder
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private static readonly AsyncLocal<string?> CurrentTag = new();

    /// <summary>
    /// A label for the requests sent from the current asynchronous flow (set it before calling the service, e.g. to
    /// the tenant id, to tell apart the requests of tenants provisioned concurrently).
    /// </summary>
    public static string? Tag
    {
        get => CurrentTag.Value;
        set => CurrentTag.Value = value;
    }

    /// <summary>Added to every request before it is sent; zero for none.</summary>
    public TimeSpan SimulatedLatency { get; init; }

    /// <summary>
    /// Names the cluster a request went to, for the printed request lists when several clusters are configured; null
    /// (the default) to name none.
    /// </summary>
    public Func<HttpRequestMessage, string?>? ClusterOf { get; init; }

    /// <summary>The requests recorded so far.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>The number of requests recorded so far (a mark for <see cref="Since"/>).</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    /// <summary>The requests recorded after <paramref name="mark"/> (a value of <see cref="Count"/>).</summary>
    public IReadOnlyList<RecordedRequest> Since(int mark)
    {
        lock (_gate)
        {
            return _requests.Skip(mark).ToList();
        }
    }

    /// <summary>Forgets every request.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _requests.Clear();
        }
    }

    /// <summary>A new handler that records into this recorder (for <c>AddHttpMessageHandler</c>).</summary>
    public DelegatingHandler CreateHandler() => new Handler(this);

    /// <summary>
    /// The sequential round trips of a set of requests: the longest chain of requests in which each one started after
    /// the previous one had ended (the critical path). Requests that overlap in time went out together and count once.
    /// </summary>
    public static int SequentialRoundTrips(IReadOnlyList<RecordedRequest> requests)
    {
        var ordered = requests.OrderBy(r => r.Start).ToArray();
        var chain = new int[ordered.Length];
        var longest = 0;
        for (var i = 0; i < ordered.Length; i++)
        {
            chain[i] = 1;
            for (var j = 0; j < i; j++)
            {
                if (ordered[j].End <= ordered[i].Start)
                {
                    chain[i] = Math.Max(chain[i], chain[j] + 1);
                }
            }

            longest = Math.Max(longest, chain[i]);
        }

        return longest;
    }

    private void Add(RecordedRequest request)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }
    }

    private sealed class Handler(RequestRecorder recorder) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var start = Stopwatch.GetTimestamp();
            int? status = null;
            try
            {
                if (recorder.SimulatedLatency > TimeSpan.Zero)
                {
                    await Task.Delay(recorder.SimulatedLatency, cancellationToken).ConfigureAwait(false);
                }

                var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                status = (int)response.StatusCode;
                return response;
            }
            finally
            {
                recorder.Add(new RecordedRequest(
                    request.Method.Method,
                    request.RequestUri?.AbsolutePath ?? "?",
                    status,
                    start,
                    Stopwatch.GetTimestamp(),
                    Tag,
                    recorder.ClusterOf?.Invoke(request)));
            }
        }
    }
}
