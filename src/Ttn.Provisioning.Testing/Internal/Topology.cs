namespace Ttn.Provisioning.Testing.Internal;

/// <summary>Where a request lands: whether any server of the fake serves it, and which cluster (null: the Identity Server).</summary>
internal readonly record struct RouteTarget(bool Served, ClusterState? Cluster);

/// <summary>
/// The deployment's layout, fixed when the fake is created: the Identity Server host and the clusters.
/// Without clusters, one unnamed cluster and every host serve everything.
/// </summary>
internal sealed class Topology
{
    private static readonly HashSet<string> ClusterPrefixes = new(["as", "ns", "js", "gs"], StringComparer.Ordinal);

    private readonly HashSet<string> _hosts;

    public Topology(FakeThingsStackOptions options, StateStore state)
    {
        if (options.Clusters.Count == 0)
        {
            Clusters = [new ClusterState(null, null)];
            _hosts = new HashSet<string>(options.Hosts, StringComparer.OrdinalIgnoreCase);
        }
        else
        {
            IdentityServerHost = string.IsNullOrWhiteSpace(options.IdentityServerHost)
                ? throw new ArgumentException("IdentityServerHost is required when Clusters are configured.", nameof(options))
                : options.IdentityServerHost;
            Clusters = [.. options.Clusters.Select(c => string.IsNullOrWhiteSpace(c.Key) || string.IsNullOrWhiteSpace(c.Value)
                ? throw new ArgumentException("A cluster needs a name and a host.", nameof(options))
                : new ClusterState(c.Key, c.Value))];
            _hosts = new HashSet<string>([.. options.Hosts, IdentityServerHost, .. Clusters.Select(c => c.Host!)],
                StringComparer.OrdinalIgnoreCase);
        }
        state.Clusters.AddRange(Clusters);
    }

    /// <summary>The Identity Server host; null without clusters (every host serves the Identity Server then).</summary>
    public string? IdentityServerHost { get; }

    public bool Clustered => IdentityServerHost is not null;

    public IReadOnlyList<ClusterState> Clusters { get; }

    /// <summary>The hosts requests may go to; empty: every host.</summary>
    public IReadOnlyCollection<string> Hosts => _hosts;

    /// <summary>The distinct hosts of a clustered deployment, the Identity Server's first.</summary>
    public IEnumerable<string> DistinctHosts =>
        new[] { IdentityServerHost! }.Concat(Clusters.Select(c => c.Host!)).Distinct(StringComparer.OrdinalIgnoreCase);

    public ClusterState Cluster(string? name)
    {
        if (!Clustered)
        {
            return name is null || name.Length == 0
                ? Clusters[0]
                : throw new ArgumentException($"The fake has no clusters configured; '{name}' is unknown.", nameof(name));
        }
        ArgumentNullException.ThrowIfNull(name);
        return Clusters.FirstOrDefault(c => c.Name == name)
            ?? throw new ArgumentException($"Unknown cluster '{name}' (configured: {string.Join(", ", Clusters.Select(c => c.Name))}).",
                nameof(name));
    }

    /// <summary>The cluster whose host is <paramref name="host"/>, if any.</summary>
    public ClusterState? ClusterAt(string? host) =>
        !Clustered ? Clusters[0] : Clusters.FirstOrDefault(c => string.Equals(c.Host, host, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Resolves a request: <c>/as</c>, <c>/ns</c>, <c>/js</c>, <c>/gs</c> go to the cluster of the host; <c>/configuration</c>
    /// to any component; everything else to the Identity Server, on its host only.
    /// </summary>
    public RouteTarget Resolve(string host, string path)
    {
        var first = FirstSegment(path);
        var cluster = ClusterAt(host);
        if (!Clustered)
        {
            return new RouteTarget(true, cluster);
        }
        var isIdentityServer = string.Equals(host, IdentityServerHost, StringComparison.OrdinalIgnoreCase);
        if (ClusterPrefixes.Contains(first))
        {
            return new RouteTarget(cluster is not null, cluster);
        }
        return first == "configuration"
            ? new RouteTarget(cluster is not null || isIdentityServer, cluster)
            : new RouteTarget(isIdentityServer, null);
    }

    private static string FirstSegment(string path)
    {
        const string Prefix = "/api/v3/";
        if (!path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return "";
        }
        var rest = path[Prefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? rest : rest[..slash];
    }
}
