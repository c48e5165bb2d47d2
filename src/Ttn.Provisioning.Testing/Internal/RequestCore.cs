namespace Ttn.Provisioning.Testing.Internal;

/// <summary>
/// The one request pipeline both modes share: route to a server (Identity Server or cluster), faults before, rate limit,
/// the API, faults after, journal.
/// </summary>
internal sealed class RequestCore(TtsApi api, Topology topology, FakeFaults faults, FakeJournal journal, TimeProvider time)
{
    private RateLimiter? _rateLimiter;

    public FakeRateLimit? RateLimit
    {
        get => Volatile.Read(ref _rateLimiter)?.Limit;
        set => Volatile.Write(ref _rateLimiter, value is null ? null : new RateLimiter(value));
    }

    public Topology Topology => topology;

    public async Task<FakeResponse> ProcessAsync(FakeRequest request, CancellationToken cancellationToken)
    {
        var apiKeyId = ApiKeyTokens.KeyIdOf(request.Authorization);
        var target = topology.Resolve(request.Host, request.Path);
        var entry = new FakeJournalEntry(time.GetUtcNow(), request.Method.ToUpperInvariant(), request.Host, request.Path,
            request.Query.TrimStart('?'), request.Body, apiKeyId, target.Cluster?.Name);
        try
        {
            var response = await RunAsync(request, target, apiKeyId, cancellationToken).ConfigureAwait(false);
            entry.StatusCode = response.Dropped ? null : response.StatusCode;
            if (!response.Dropped)
            {
                // TTS's web middleware (pkg/webmiddleware/request_id.go) puts an id on every answer, a ULID: 26 characters.
                entry.RequestId = Guid.NewGuid().ToString("N").ToUpperInvariant()[..26];
                response.Headers["X-Request-ID"] = entry.RequestId;
            }

            return response;
        }
        finally
        {
            journal.Add(entry);
        }
    }

    private async Task<FakeResponse> RunAsync(FakeRequest request, RouteTarget target, string? apiKeyId,
        CancellationToken cancellationToken)
    {
        var applicable = faults.Match(request.Method, request.Path, target.Cluster?.Name);
        foreach (var rule in applicable.Where(r => r.Timing == FakeFaultTiming.BeforeOperation))
        {
            if (await ApplyAsync(rule.Fault, cancellationToken).ConfigureAwait(false) is { } faulted)
            {
                return faulted;
            }
        }

        var limiter = Volatile.Read(ref _rateLimiter);
        var limit = limiter?.Take(apiKeyId, time.GetUtcNow());
        var response = limit is { Allowed: false } denied
            ? FakeResponse.Error(Errors.RateLimitExceeded(denied.Key, limiter!.PerMinute))
            : await api.HandleAsync(request, target, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        foreach (var (name, value) in limit?.Headers ?? [])
        {
            response.Headers[name] = value;
        }

        foreach (var rule in applicable.Where(r => r.Timing == FakeFaultTiming.AfterOperation))
        {
            if (await ApplyAsync(rule.Fault, cancellationToken).ConfigureAwait(false) is { } faulted)
            {
                return faulted;
            }
        }
        return response;
    }

    /// <summary>Applies a fault; returns the answer that replaces the normal one, or null to go on.</summary>
    private async Task<FakeResponse?> ApplyAsync(FakeFault fault, CancellationToken cancellationToken)
    {
        switch (fault.Kind)
        {
            case FakeFaultKind.Delay:
                await Task.Delay(fault.DelayDuration, time, cancellationToken).ConfigureAwait(false);
                return null;
            case FakeFaultKind.Status:
                return FakeResponse.Error(Errors.InjectedFault(fault.StatusCode));
            case FakeFaultKind.RateLimited:
                var limited = FakeResponse.Error(Errors.RateLimitExceeded("fake:injected", 60));
                limited.Headers["X-Rate-Limit-Retry"] = ((long)Math.Ceiling(fault.DelayDuration.TotalSeconds)).ToString(
                    System.Globalization.CultureInfo.InvariantCulture);
                return limited;
            default:
                return FakeResponse.Drop();
        }
    }
}
