namespace Ttn.Provisioning.ThingsStack;

/// <summary>
/// The clusters of <see cref="ThingsStackOptions"/> after the single-cluster rule is applied: every name with its
/// root address, and the default. Built once from validated options.
/// </summary>
internal sealed class ThingsStackClusters
{
    private readonly Dictionary<string, Uri> _roots;

    private ThingsStackClusters(Dictionary<string, Uri> roots, string defaultName)
    {
        _roots = roots;
        DefaultName = defaultName;
    }

    /// <summary>Gets the cluster of a tenant that names none (and of records written before clusters existed).</summary>
    public string DefaultName { get; }

    /// <summary>Gets the configured cluster names, in ordinal order.</summary>
    public IEnumerable<string> Names => _roots.Keys.Order(StringComparer.Ordinal);

    /// <summary>Gets every cluster's root address.</summary>
    public IEnumerable<Uri> Roots => _roots.Values;

    /// <summary>
    /// Builds the clusters of valid options; throws <see cref="InvalidOperationException"/> naming the problem otherwise.
    /// </summary>
    public static ThingsStackClusters From(ThingsStackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var clusters = TryFrom(options, problems);
        return clusters ?? throw new InvalidOperationException(string.Join(" ", problems));
    }

    /// <summary>Builds the clusters, or adds what is wrong to <paramref name="problems"/> and returns null.</summary>
    public static ThingsStackClusters? TryFrom(ThingsStackOptions options, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var roots = new Dictionary<string, Uri>(StringComparer.Ordinal);
        if (options.Clusters.Count == 0)
        {
            if (options.IdentityServerUri is { } identityServer)
            {
                roots[ThingsStackOptions.SingleClusterName] = identityServer;
            }
        }

        foreach (var (name, root) in options.Clusters)
        {
            if (!IsValidName(name))
            {
                problems.Add($"ThingsStackOptions.Clusters: '{name}' is not a cluster name "
                    + "(3 to 36 lower-case letters, digits and single dashes, starting and ending with a letter or digit).");
            }
            else if (root is null)
            {
                problems.Add($"ThingsStackOptions.Clusters['{name}']: an address is required.");
            }
            else if (!ThingsStackEndpoints.TryValidateBaseUri(root, out var reason))
            {
                problems.Add($"ThingsStackOptions.Clusters['{name}']: {reason}");
            }
            else
            {
                roots[name] = root;
            }
        }

        var defaultName = options.DefaultCluster ?? (roots.Count == 1 ? roots.Keys.Single() : null);
        if (defaultName is null)
        {
            problems.Add("ThingsStackOptions.DefaultCluster is required when several clusters are configured.");
        }
        else if (options.DefaultCluster is not null && !roots.ContainsKey(options.DefaultCluster) && problems.Count == before)
        {
            problems.Add($"ThingsStackOptions.DefaultCluster '{options.DefaultCluster}' is not one of the configured clusters "
                + $"({string.Join(", ", roots.Keys.Order(StringComparer.Ordinal))}).");
        }

        return problems.Count == before && defaultName is not null ? new ThingsStackClusters(roots, defaultName) : null;
    }

    /// <summary>Whether <paramref name="name"/> is a configured cluster.</summary>
    public bool Contains(string? name) => name is not null && _roots.ContainsKey(name);

    /// <summary>The root address of a cluster; <see cref="ArgumentException"/> for a name that is not configured.</summary>
    public Uri RootOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _roots.TryGetValue(name, out var root) ? root : throw UnknownCluster(name, nameof(name));
    }

    /// <summary>The error for a cluster name that is not configured, listing the configured ones.</summary>
    public ArgumentException UnknownCluster(string name, string parameterName) =>
        new($"'{name}' is not a configured cluster (ThingsStackOptions.Clusters: {string.Join(", ", Names)}).", parameterName);

    /// <summary>Whether a name can name a cluster: it has the shape of a Things Stack id (it is stored on the tenant).</summary>
    public static bool IsValidName(string? name) => ThingsStackIds.IsValid(name);
}
