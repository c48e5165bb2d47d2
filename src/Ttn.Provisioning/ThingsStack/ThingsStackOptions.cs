namespace Ttn.Provisioning.ThingsStack;

/// <summary>
/// Where The Things Stack lives and how patiently the library talks to it.
/// </summary>
/// <remarks>
/// The Things Stack serves entity-registry calls (organizations, applications, API keys, gateways, the
/// end-device registry) on the Identity Server host, and the Application, Network and Join Server calls
/// (<c>/as</c>, <c>/ns</c>, <c>/js</c>) on the regional cluster host. On The Things Stack Community Edition the
/// Identity Server is always <c>https://eu1.cloud.thethings.network</c>, while the cluster may be
/// <c>eu1</c>, <c>nam1</c> or <c>au1</c>. API keys are sent only to these two hosts, and plain <c>http</c> is
/// accepted only for loopback addresses (simulators and tests).
/// </remarks>
public sealed class ThingsStackOptions
{
    /// <summary>
    /// Gets or sets the root address of the Identity Server, for example
    /// <c>https://eu1.cloud.thethings.network</c>. The library appends <c>/api/v3</c> itself. Required.
    /// </summary>
    public Uri? IdentityServerUri { get; set; }

    /// <summary>
    /// Gets or sets the root address of the cluster that serves the Application, Network and Join Server APIs,
    /// for example <c>https://nam1.cloud.thethings.network</c>. When <see langword="null"/>, the
    /// <see cref="IdentityServerUri"/> is used (a single-cluster deployment).
    /// </summary>
    public Uri? ClusterUri { get; set; }

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
    public int PageSize { get; set; } = 100;
}
