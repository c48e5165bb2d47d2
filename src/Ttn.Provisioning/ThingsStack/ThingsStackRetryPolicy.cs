using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;

namespace Ttn.Provisioning.ThingsStack;

/// <summary>Which outcomes are transient and how long to wait before the next attempt.</summary>
internal static class ThingsStackRetryPolicy
{
    /// <summary>The TTS header holding the seconds until the next request will be allowed.</summary>
    public const string RateLimitRetryHeader = "X-Rate-Limit-Retry";

    /// <summary>The smallest wait after a 429, as the official JS SDK does (<c>max(1, X-Rate-Limit-Retry)</c>).</summary>
    public static readonly TimeSpan MinimumRateLimitDelay = TimeSpan.FromSeconds(1);

    public static bool IsTransientStatus(HttpStatusCode status)
    {
        var code = (int)status;
        return status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            || (code >= 500 && code != (int)HttpStatusCode.NotImplemented && code != (int)HttpStatusCode.HttpVersionNotSupported);
    }

    /// <summary>
    /// The delay before retry number <paramref name="attempt"/> (0-based): the larger of a jittered exponential
    /// backoff and the server's hint, at least one second after a 429.
    /// </summary>
    public static TimeSpan ComputeDelay(int attempt, HttpResponseMessage? response, ThingsStackOptions options, TimeProvider timeProvider)
    {
        var backoff = Backoff(attempt, options);
        if (response is null)
        {
            return backoff;
        }

        var hint = GetServerDelay(response.Headers, timeProvider) ?? TimeSpan.Zero;
        if (response.StatusCode == HttpStatusCode.TooManyRequests && hint < MinimumRateLimitDelay)
        {
            hint = MinimumRateLimitDelay;
        }

        return hint > backoff ? hint : backoff;
    }

    /// <summary>Reads <c>X-Rate-Limit-Retry</c> (seconds) and <c>Retry-After</c> (delta or HTTP date); the larger wins.</summary>
    public static TimeSpan? GetServerDelay(HttpResponseHeaders headers, TimeProvider timeProvider)
    {
        TimeSpan? result = null;
        if (headers.TryGetValues(RateLimitRetryHeader, out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds >= 0 && seconds < TimeSpan.MaxValue.TotalSeconds)
        {
            result = TimeSpan.FromSeconds(seconds);
        }

        if (headers.RetryAfter is { } retryAfter)
        {
            TimeSpan? fromRetryAfter = null;
            if (retryAfter.Delta is { } delta)
            {
                fromRetryAfter = delta;
            }
            else if (retryAfter.Date is { } date)
            {
                var wait = date - timeProvider.GetUtcNow();
                fromRetryAfter = wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            if (fromRetryAfter is { } value && (result is null || value > result))
            {
                result = value;
            }
        }

        return result;
    }

    private static TimeSpan Backoff(int attempt, ThingsStackOptions options)
    {
        var exponent = Math.Min(Math.Max(attempt, 0), 30);
        var raw = options.BaseRetryDelay.TotalMilliseconds * Math.Pow(2, exponent);
        var capped = Math.Min(raw, options.MaxRetryDelay.TotalMilliseconds);

        // Jitter in [0.8, 1.2], drawn from RandomNumberGenerator (System.Random is banned in this library).
        var jitter = RandomNumberGenerator.GetInt32(800, 1201) / 1000d;
        var withJitter = Math.Min(capped * jitter, options.MaxRetryDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(withJitter);
    }
}
