using System.Globalization;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>GCRA buckets (as <c>throttled</c>, used by TTS) for one <see cref="FakeRateLimit"/>.</summary>
internal sealed class RateLimiter(FakeRateLimit limit)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _theoreticalArrival = new(StringComparer.Ordinal);

    public FakeRateLimit Limit { get; } = limit;

    /// <summary>Takes one request from the bucket; returns whether it is allowed, the bucket key and the headers to send.</summary>
    public (bool Allowed, string Key, Dictionary<string, string> Headers) Take(string? apiKeyId, DateTimeOffset now)
    {
        var key = Limit.Scope == FakeRateLimitScope.Global ? "fake:global" : "fake:key:" + (apiKeyId ?? "anonymous");
        var interval = Limit.Window / Limit.Limit;
        bool allowed;
        TimeSpan reset, retry;
        int available;
        lock (_gate)
        {
            var tat = _theoreticalArrival.TryGetValue(key, out var stored) && stored > now ? stored : now;
            var newTat = tat + interval;
            var allowAt = newTat - Limit.Window;
            allowed = allowAt <= now;
            if (allowed)
            {
                _theoreticalArrival[key] = newTat;
                available = (int)((Limit.Window - (newTat - now)) / interval);
                reset = newTat - now;
                retry = TimeSpan.Zero;
            }
            else
            {
                available = 0;
                reset = tat - now;
                retry = allowAt - now;
            }
        }
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["X-Rate-Limit-Limit"] = Limit.Limit.ToString(CultureInfo.InvariantCulture),
            ["X-Rate-Limit-Available"] = available.ToString(CultureInfo.InvariantCulture),
            ["X-Rate-Limit-Reset"] = ((long)reset.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            ["X-Rate-Limit-Retry"] = ((long)retry.TotalSeconds).ToString(CultureInfo.InvariantCulture),
        };
        return (allowed, key, headers);
    }

    /// <summary>The limit as TTS reports it in the error: accesses per minute.</summary>
    public int PerMinute => (int)Math.Round(Limit.Limit * (TimeSpan.FromMinutes(1) / Limit.Window));
}
