namespace Ttn.Provisioning.Testing;

/// <summary>Which requests share a rate-limit bucket.</summary>
public enum FakeRateLimitScope
{
    /// <summary>One bucket per API key id (requests without a key share one bucket).</summary>
    PerApiKey,

    /// <summary>One bucket for every request.</summary>
    Global,
}

/// <summary>
/// A rate limit like TTS's (GCRA): <see cref="Limit"/> requests per <see cref="Window"/> with a burst of
/// <see cref="Limit"/>. Over it the fake answers 429 <c>pkg/ratelimit:rate_limit_exceeded</c>; every answer carries the
/// <c>X-Rate-Limit-Limit/-Available/-Reset/-Retry</c> headers.
/// </summary>
public sealed class FakeRateLimit
{
    /// <summary>Creates a rate limit.</summary>
    /// <param name="limit">Requests allowed per window (and burst size).</param>
    /// <param name="window">The window, for example one minute.</param>
    /// <param name="scope">Per API key (default) or global.</param>
    public FakeRateLimit(int limit, TimeSpan window, FakeRateLimitScope scope = FakeRateLimitScope.PerApiKey)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        Limit = limit;
        Window = window;
        Scope = scope;
    }

    /// <summary>Requests allowed per window.</summary>
    public int Limit { get; }

    /// <summary>The window.</summary>
    public TimeSpan Window { get; }

    /// <summary>Per API key or global.</summary>
    public FakeRateLimitScope Scope { get; }
}
