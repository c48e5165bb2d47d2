namespace Ttn.Provisioning.ThingsStack;

/// <summary>
/// Where The Things Stack lives and how patiently the library talks to it.
/// </summary>
/// <remarks>
/// The Things Stack serves entity-registry calls (organizations, applications, API keys, gateways, the
/// end-device registry) on the Identity Server host, and the Application, Network, Join and Gateway Server calls
/// (<c>/as</c>, <c>/ns</c>, <c>/js</c>, <c>/gs</c>) on a regional cluster. Each tenant lives on one cluster, named
/// in <see cref="Clusters"/>; a tenant provisioned without naming one lives on <see cref="DefaultCluster"/>. On The
/// Things Stack Cloud the Identity Server is <c>https://eu1.cloud.thethings.network</c> and the clusters are
/// <c>eu1</c>, <c>nam1</c> and <c>au1</c> (<see cref="UseTheThingsNetworkCloud"/>). API keys are sent only to the
/// Identity Server and the configured clusters, and plain <c>http</c> is accepted only for loopback addresses
/// (simulators and tests).
/// </remarks>
public sealed class ThingsStackOptions
{
    /// <summary>The name of the one cluster of a deployment that configures no <see cref="Clusters"/>.</summary>
    internal const string SingleClusterName = "default";

    /// <summary>
    /// Gets or sets the root address of the Identity Server, for example
    /// <c>https://eu1.cloud.thethings.network</c>. The library appends <c>/api/v3</c> itself. Required.
    /// </summary>
    public Uri? IdentityServerUri { get; set; }

    /// <summary>
    /// Gets the clusters tenants may live on: a name (lower-case letters, digits and dashes, as stored on the tenant)
    /// and the cluster's root address, for example <c>nam1</c> → <c>https://nam1.cloud.thethings.network</c>. When
    /// empty, the Identity Server host is the only cluster, named <c>default</c> (a single-cluster
    /// deployment).
    /// </summary>
    public IDictionary<string, Uri> Clusters { get; } = new Dictionary<string, Uri>(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets the cluster of a tenant provisioned without naming one. Required when <see cref="Clusters"/> holds
    /// more than one entry; otherwise the only cluster. Tenants stored before clusters existed read as this one.
    /// </summary>
    public string? DefaultCluster { get; set; }

    /// <summary>
    /// Gets or sets the time allowed for a single HTTP attempt. Defaults to 15 seconds.
    /// </summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Gets or sets the time allowed for one call, all attempts and the waits between them included.
    /// Defaults to 1 minute (shorter than the provisioning lease, which is renewed between calls).
    /// </summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Gets or sets how many times an idempotent request (GET, PUT, DELETE) is retried after a transient
    /// failure (408, 429, 5xx, a transport error or an attempt timeout). A POST is retried only after a 429, which
    /// TTS answers before acting on the request. Defaults to 4;
    /// 0 turns retries off.
    /// </summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>
    /// Gets or sets the base of the exponential backoff between retries (before jitter). Defaults to 1 second.
    /// </summary>
    public TimeSpan BaseRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Gets or sets the largest backoff the library computes by itself. A longer delay asked for by the server
    /// (<c>X-Rate-Limit-Retry</c> or <c>Retry-After</c>) is still honoured. Defaults to 30 seconds.
    /// </summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Gets or sets the number of items asked for per page when listing. Between 1 and 1000; defaults to 100.
    /// </summary>
    internal int PageSize { get; set; } = 100;

    /// <summary>
    /// Configures The Things Stack Cloud: the Identity Server on <c>eu1</c> and the clusters <c>eu1</c>, <c>nam1</c>
    /// and <c>au1</c> (<c>https://{name}.cloud.thethings.network</c>).
    /// </summary>
    /// <param name="defaultCluster">The cluster of a tenant provisioned without naming one.</param>
    /// <returns>These options, for chaining.</returns>
    public ThingsStackOptions UseTheThingsNetworkCloud(string defaultCluster = "eu1")
    {
        IdentityServerUri = new Uri("https://eu1.cloud.thethings.network");
        foreach (var name in (string[])["eu1", "nam1", "au1"])
        {
            Clusters[name] = new Uri($"https://{name}.cloud.thethings.network");
        }

        DefaultCluster = defaultCluster;
        return this;
    }
}
