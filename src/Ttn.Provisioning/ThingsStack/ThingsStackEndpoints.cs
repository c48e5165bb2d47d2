namespace Ttn.Provisioning.ThingsStack;

/// <summary>
/// The hosts the client may talk to (the Identity Server and every configured cluster), the routing between them and
/// the credential allowlist.
/// </summary>
internal sealed class ThingsStackEndpoints
{
    /// <summary>The prefix under which the HTTP gateway serves every API path.</summary>
    public const string ApiPrefix = "/api/v3";

    private readonly Uri _identityServerBase;
    private readonly Dictionary<string, Uri> _clusterBases = new(StringComparer.Ordinal);

    public ThingsStackEndpoints(ThingsStackOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var identityServer = options.IdentityServerUri
            ?? throw new InvalidOperationException("ThingsStackOptions.IdentityServerUri is not configured.");
        EnsureValid(identityServer, nameof(ThingsStackOptions.IdentityServerUri));
        _identityServerBase = ToApiBase(identityServer);
        Clusters = ThingsStackClusters.From(options);
        foreach (var name in Clusters.Names)
        {
            _clusterBases[name] = ToApiBase(Clusters.RootOf(name));
        }
    }

    /// <summary>Gets the configured clusters.</summary>
    public ThingsStackClusters Clusters { get; }

    /// <summary>Gets the <c>…/api/v3/</c> base of the Identity Server.</summary>
    public Uri IdentityServerBase => _identityServerBase;

    /// <summary>Gets the <c>…/api/v3/</c> base of a cluster (the default one when <paramref name="cluster"/> is null).</summary>
    public Uri ClusterBase(string? cluster = null)
    {
        var name = cluster ?? Clusters.DefaultName;
        return _clusterBases.TryGetValue(name, out var apiBase) ? apiBase : throw Clusters.UnknownCluster(name, nameof(cluster));
    }

    /// <summary>
    /// Builds the absolute address of an API path (relative to <c>/api/v3</c>, starting with <c>/</c>):
    /// <c>/as</c>, <c>/ns</c>, <c>/js</c>, <c>/gs</c> go to <paramref name="cluster"/> (the default one when null),
    /// everything else to the Identity Server. An unknown cluster is an <see cref="ArgumentException"/>.
    /// </summary>
    public Uri Resolve(string apiPath, string? cluster = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(apiPath);
        if (apiPath[0] != '/')
        {
            throw new ArgumentException("An API path must start with '/'.", nameof(apiPath));
        }

        var baseUri = IsClusterPath(apiPath) ? ClusterBase(cluster) : _identityServerBase;
        return new Uri(baseUri, apiPath[1..]);
    }

    /// <summary>Whether a path (relative to <c>/api/v3</c>) is served by the cluster.</summary>
    public static bool IsClusterPath(string apiPath) =>
        apiPath.StartsWith("/as/", StringComparison.Ordinal)
        || apiPath.StartsWith("/ns/", StringComparison.Ordinal)
        || apiPath.StartsWith("/js/", StringComparison.Ordinal)
        || apiPath.StartsWith("/gs/", StringComparison.Ordinal);

    /// <summary>
    /// Throws <see cref="InvalidOperationException"/> unless credentials may be sent to <paramref name="requestUri"/>:
    /// same scheme, host and port as one of the configured hosts, under its <c>/api/v3</c> base, and https unless
    /// the host is a loopback address.
    /// </summary>
    public void EnsureAllowed(Uri? requestUri)
    {
        if (requestUri is null || !requestUri.IsAbsoluteUri)
        {
            throw new InvalidOperationException("Refusing to send a The Things Stack request without an absolute address.");
        }

        if (!IsSecureOrLoopback(requestUri))
        {
            throw new InvalidOperationException(
                $"Refusing to send credentials over plain http to '{requestUri.Host}': http is allowed only for loopback addresses.");
        }

        if (!Matches(_identityServerBase, requestUri) && !_clusterBases.Values.Any(apiBase => Matches(apiBase, requestUri)))
        {
            throw new InvalidOperationException(
                $"Refusing to send credentials to '{requestUri.Scheme}://{requestUri.Authority}': "
                + "it is neither the configured Identity Server nor a configured cluster.");
        }
    }

    /// <summary>Checks that a configured root address is usable.</summary>
    public static bool TryValidateBaseUri(Uri uri, out string reason)
    {
        if (!uri.IsAbsoluteUri)
        {
            reason = "the address must be absolute.";
            return false;
        }

        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
        {
            reason = "the address must use https.";
            return false;
        }

        if (!IsSecureOrLoopback(uri))
        {
            reason = $"plain http is allowed only for loopback addresses, not for '{uri.Host}'.";
            return false;
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            reason = "the address must not carry a query, a fragment or user information.";
            return false;
        }

        reason = string.Empty;
        return true;
    }

    private static void EnsureValid(Uri uri, string property)
    {
        if (!TryValidateBaseUri(uri, out var reason))
        {
            throw new InvalidOperationException($"ThingsStackOptions.{property}: {reason}");
        }
    }

    private static bool IsSecureOrLoopback(Uri uri) =>
        uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);

    private static bool Matches(Uri apiBase, Uri requestUri) =>
        string.Equals(apiBase.Scheme, requestUri.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(apiBase.IdnHost, requestUri.IdnHost, StringComparison.OrdinalIgnoreCase)
        && apiBase.Port == requestUri.Port
        && requestUri.AbsolutePath.StartsWith(apiBase.AbsolutePath, StringComparison.Ordinal);

    private static Uri ToApiBase(Uri root)
    {
        var path = root.AbsolutePath.TrimEnd('/');
        if (path.EndsWith(ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^ApiPrefix.Length];
        }

        var builder = new UriBuilder(root) { Path = path + ApiPrefix + "/", Query = string.Empty, Fragment = string.Empty };
        return builder.Uri;
    }
}
