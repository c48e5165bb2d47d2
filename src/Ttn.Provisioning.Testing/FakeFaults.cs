using System.Text.RegularExpressions;

namespace Ttn.Provisioning.Testing;

/// <summary>What an injected fault does to a request.</summary>
public sealed class FakeFault
{
    private FakeFault(FakeFaultKind kind, int statusCode, TimeSpan delay)
    {
        Kind = kind;
        StatusCode = statusCode;
        DelayDuration = delay;
    }

    internal FakeFaultKind Kind { get; }

    internal int StatusCode { get; }

    internal TimeSpan DelayDuration { get; }

    /// <summary>Answers with this HTTP status and a TTS-shaped error body (<c>pkg/fake:injected_fault</c>).</summary>
    /// <param name="statusCode">The HTTP status, for example 503.</param>
    public static FakeFault Status(int statusCode) =>
        statusCode is >= 400 and <= 599
            ? new(FakeFaultKind.Status, statusCode, TimeSpan.Zero)
            : throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An injected status must be 4xx or 5xx.");

    /// <summary>Waits this long (on the fake's <see cref="TimeProvider"/>) and then lets the request go on.</summary>
    /// <param name="delay">How long to wait.</param>
    public static FakeFault Delay(TimeSpan delay) => new(FakeFaultKind.Delay, 0, delay);

    /// <summary>
    /// Drops the connection: the handler throws <see cref="HttpRequestException"/>; the server resets the connection.
    /// </summary>
    public static FakeFault DropConnection() => new(FakeFaultKind.Drop, 0, TimeSpan.Zero);

    /// <summary>
    /// Answers 429 <c>pkg/ratelimit:rate_limit_exceeded</c> with <c>X-Rate-Limit-Retry</c> telling the client how long
    /// to wait (whole seconds, rounded up), as TTS does when a rate limit is exceeded.
    /// </summary>
    /// <param name="retryAfter">The wait the answer asks for.</param>
    public static FakeFault RateLimited(TimeSpan retryAfter) =>
        retryAfter >= TimeSpan.Zero
            ? new(FakeFaultKind.RateLimited, 429, retryAfter)
            : throw new ArgumentOutOfRangeException(nameof(retryAfter), retryAfter, "The wait must not be negative.");

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        FakeFaultKind.Status => $"Status({StatusCode})",
        FakeFaultKind.Delay => $"Delay({DelayDuration})",
        FakeFaultKind.RateLimited => $"RateLimited({DelayDuration})",
        _ => "DropConnection",
    };
}

internal enum FakeFaultKind
{
    Status,
    Delay,
    Drop,
    RateLimited,
}

/// <summary>When a fault applies relative to the operation.</summary>
public enum FakeFaultTiming
{
    /// <summary>Instead of the operation (a delay: before it); the fake's state is unchanged.</summary>
    BeforeOperation,

    /// <summary>After the fake performed the operation: "TTS succeeded but the response was lost".</summary>
    AfterOperation,
}

/// <summary>One registered fault; counts the requests it matched.</summary>
public sealed class FakeFaultRule
{
    private readonly Regex _path;
    private int _matched;
    private int _applied;

    internal FakeFaultRule(HttpMethod method, string pathPattern, FakeFault fault, int? onCall, FakeFaultTiming timing, string? cluster)
    {
        Cluster = cluster;
        Method = method;
        PathPattern = pathPattern;
        Fault = fault;
        OnCall = onCall;
        Timing = timing;
        var full = pathPattern.StartsWith("/api/v3/", StringComparison.Ordinal) ? pathPattern : "/api/v3/" + pathPattern.TrimStart('/');
        var regex = "^" + string.Join("/", full.TrimEnd('/').Split('/').Select(s => s switch
        {
            "**" => ".*",
            "*" => "[^/]+",
            _ => Regex.Escape(s).Replace(@"\*", "[^/]*", StringComparison.Ordinal),
        })) + "/?$";
        _path = new Regex(regex, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>The HTTP method matched.</summary>
    public HttpMethod Method { get; }

    /// <summary>The path pattern matched (relative to <c>/api/v3</c> or absolute; <c>*</c> is one segment, <c>**</c> any rest).</summary>
    public string PathPattern { get; }

    /// <summary>The fault applied.</summary>
    public FakeFault Fault { get; }

    /// <summary>The 1-based matching call it applies to; null: every matching call.</summary>
    public int? OnCall { get; }

    /// <summary>Before or after the operation.</summary>
    public FakeFaultTiming Timing { get; }

    /// <summary>The cluster whose requests it matches; null: requests to any server.</summary>
    public string? Cluster { get; }

    /// <summary>How many requests matched the method and path so far.</summary>
    public int MatchedCalls => Volatile.Read(ref _matched);

    /// <summary>How many times the fault was applied.</summary>
    public int AppliedCount => Volatile.Read(ref _applied);

    /// <summary>Counts a request; true when the fault applies to it.</summary>
    internal bool Hit(string method, string path, string? cluster)
    {
        if (!string.Equals(method, Method.Method, StringComparison.OrdinalIgnoreCase) || !_path.IsMatch(path)
            || (Cluster is not null && !string.Equals(Cluster, cluster, StringComparison.Ordinal)))
        {
            return false;
        }
        var call = Interlocked.Increment(ref _matched);
        if (OnCall is { } n && n != call)
        {
            return false;
        }
        Interlocked.Increment(ref _applied);
        return true;
    }
}

/// <summary>Faults injected by route and call number.</summary>
public sealed class FakeFaults
{
    private readonly Lock _gate = new();
    private readonly List<FakeFaultRule> _rules = [];

    internal FakeFaults()
    {
    }

    /// <summary>Registers a fault.</summary>
    /// <param name="method">The HTTP method to match.</param>
    /// <param name="pathPattern">The path, relative to <c>/api/v3</c> (for example <c>/applications/*/api-keys</c>); <c>*</c> matches one
    /// segment, <c>**</c> the rest.</param>
    /// <param name="fault">What happens.</param>
    /// <param name="onCall">The 1-based matching call to fault; null (default) faults every matching call.</param>
    /// <param name="timing">
    /// Before the operation (default) or after the fake performed it; <see cref="FakeFault.DropConnection"/> after the
    /// operation is "TTS acted, then the connection dropped, so the client never saw the answer".
    /// </param>
    /// <param name="cluster">Only requests served by this cluster (see <see cref="FakeThingsStackOptions.Clusters"/>); null: any.</param>
    /// <returns>The rule, which counts its matches.</returns>
    /// <example>
    /// Fault the Join Server of one cluster only:
    /// <c>Faults.Add(HttpMethod.Put, "/js/applications/*/devices/*", FakeFault.Status(503), cluster: "nam1")</c>.
    /// </example>
    public FakeFaultRule Add(HttpMethod method, string pathPattern, FakeFault fault, int? onCall = null,
        FakeFaultTiming timing = FakeFaultTiming.BeforeOperation, string? cluster = null)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrEmpty(pathPattern);
        ArgumentNullException.ThrowIfNull(fault);
        if (onCall is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(onCall), onCall, "Calls are numbered from 1.");
        }
        var rule = new FakeFaultRule(method, pathPattern, fault, onCall, timing, cluster);
        lock (_gate)
        {
            _rules.Add(rule);
        }
        return rule;
    }

    /// <summary>Removes one rule.</summary>
    /// <param name="rule">The rule returned by <see cref="Add"/>.</param>
    public void Remove(FakeFaultRule rule)
    {
        lock (_gate)
        {
            _rules.Remove(rule);
        }
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Counts the request against every rule; returns the faults that apply, in registration order.</summary>
    internal List<FakeFaultRule> Match(string method, string path, string? cluster)
    {
        lock (_gate)
        {
            return [.. _rules.Where(r => r.Hit(method, path, cluster))];
        }
    }
}
