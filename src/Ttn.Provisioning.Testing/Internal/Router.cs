using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>
/// What an endpoint answers: a JSON body and, for lists, the <c>X-Total-Count</c>; <see cref="After"/> runs outside the
/// state lock before the answer is sent (webhook deliveries).
/// </summary>
internal sealed record ApiResult(JsonObject Body, int? TotalCount = null, Func<CancellationToken, Task>? After = null);

/// <summary>One request as an endpoint sees it.</summary>
internal sealed class RequestContext(
    IReadOnlyDictionary<string, string> route,
    IReadOnlyDictionary<string, List<string>> query,
    JsonObject body,
    Caller? caller,
    DateTimeOffset now,
    ClusterState? cluster,
    string host)
{
    public IReadOnlyDictionary<string, string> RouteValues { get; } = route;

    public IReadOnlyDictionary<string, List<string>> Query { get; } = query;

    public JsonObject Body { get; } = body;

    public Caller? Caller { get; } = caller;

    public DateTimeOffset Now { get; } = now;

    /// <summary>The cluster that serves a <c>/as</c>, <c>/ns</c>, <c>/js</c> or <c>/gs</c> request (null on the Identity Server).</summary>
    public ClusterState? Cluster { get; } = cluster;

    /// <summary>The cluster of a cluster route (the topology guarantees one).</summary>
    public ClusterState ServingCluster => Cluster ?? throw new InvalidOperationException("A cluster route reached no cluster.");

    /// <summary>The host the request was sent to.</summary>
    public string Host { get; } = host;

    public string this[string routeValue] => RouteValues[routeValue];

    public string? QueryValue(string name) => Query.TryGetValue(name, out var values) && values.Count > 0 ? values[^1] : null;
}

/// <summary>The authenticated API key of a request.</summary>
internal sealed record Caller(ApiKeyEntity Key, bool IsAdmin);

/// <summary>Matches <c>METHOD /path/{value}/…</c> templates (paths relative to <c>/api/v3</c>), first match wins.</summary>
internal sealed class Router
{
    private readonly List<(string Method, string[] Segments, Func<RequestContext, ApiResult> Handler)> _routes = [];

    public void Map(string method, string template, Func<RequestContext, ApiResult> handler) =>
        _routes.Add((method, template.Trim('/').Split('/'), handler));

    public Func<RequestContext, ApiResult>? Match(string method, string[] segments, out Dictionary<string, string> values)
    {
        foreach (var (routeMethod, template, handler) in _routes)
        {
            if (!string.Equals(routeMethod, method, StringComparison.OrdinalIgnoreCase) || template.Length != segments.Length)
            {
                continue;
            }
            values = new Dictionary<string, string>(StringComparer.Ordinal);
            var matched = true;
            for (var i = 0; i < template.Length && matched; i++)
            {
                if (template[i].StartsWith('{'))
                {
                    values[template[i].Trim('{', '}')] = segments[i];
                }
                else
                {
                    matched = string.Equals(template[i], segments[i], StringComparison.Ordinal);
                }
            }
            if (matched)
            {
                return handler;
            }
        }
        values = [];
        return null;
    }
}
