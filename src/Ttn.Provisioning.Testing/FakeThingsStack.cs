using Ttn.Provisioning.Testing.Internal;

namespace Ttn.Provisioning.Testing;

/// <summary>
/// An in-memory The Things Stack that speaks the TTS HTTP/JSON API (paths under <c>/api/v3</c>, TTS error JSON):
/// users and API keys with enforced rights, organizations and applications with their collaborators, API keys (secret
/// shown once), gateways with Gateway Server stats and claiming, end devices in the Identity Server and in each cluster's
/// Join, Network and Application Server, webhooks with deliveries and health, soft delete with reserved IDs, paging, an
/// optional rate limit, fault injection and a journal. One Identity Server can front several clusters
/// (<see cref="FakeThingsStackOptions.Clusters"/>). Use it in process through <see cref="CreateHandler"/>, or as loopback
/// HTTP servers through <see cref="StartServerAsync"/>; both share one request core. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// await using var tts = new FakeThingsStack(new FakeThingsStackOptions().UseTheThingsNetworkCloud());
/// tts.AddUser("admin", isAdmin: true);
/// var key = tts.CreateUserApiKey("admin", "RIGHT_ALL");
/// using var http = new HttpClient(tts.CreateHandler()) { BaseAddress = new Uri("https://eu1.cloud.thethings.network") };
/// </code>
/// </example>
public sealed partial class FakeThingsStack : IAsyncDisposable
{
    private readonly StateStore _state = new();
    private readonly FakeThingsStackOptions _options;
    private readonly Topology _topology;
    private readonly TtsApi _api;
    private readonly WebhookDeliverer _deliverer;
    private readonly RequestCore _core;
    private readonly Lock _serverGate = new();
    private readonly Dictionary<string, LoopbackServer> _servers = new(StringComparer.OrdinalIgnoreCase);
    private LoopbackServer? _server;

    /// <summary>Creates an empty fake (no users, no keys). The hosts and clusters of <paramref name="options"/> are read now.</summary>
    /// <param name="options">Settings; null for the defaults.</param>
    /// <exception cref="ArgumentException">Clusters are configured without an Identity Server host, or a cluster lacks a name or
    /// host.</exception>
    public FakeThingsStack(FakeThingsStackOptions? options = null)
    {
        _options = options ?? new FakeThingsStackOptions();
        _topology = new Topology(_options, _state);
        _deliverer = new WebhookDeliverer(_state, _options, DownlinkBase);
        _api = new TtsApi(_state, _options, _topology, _deliverer);
        _core = new RequestCore(_api, _topology, Faults, Journal, _options.TimeProvider);
    }

    /// <summary>The clock the fake uses.</summary>
    public TimeProvider TimeProvider => _options.TimeProvider;

    /// <summary>Faults injected by route, call number and cluster.</summary>
    public FakeFaults Faults { get; } = new();

    /// <summary>The requests received.</summary>
    public FakeJournal Journal { get; } = new();

    /// <summary>The rate limit; null (default) for none. Setting it starts with full buckets.</summary>
    public FakeRateLimit? RateLimit
    {
        get => _core.RateLimit;
        set => _core.RateLimit = value;
    }

    /// <summary>
    /// The Identity Server's base URI (<c>http://127.0.0.1:port/</c>) once <see cref="StartServerAsync"/> ran (without
    /// clusters: the one server's); otherwise null.
    /// </summary>
    public Uri? ServerUri
    {
        get
        {
            lock (_serverGate)
            {
                return _server?.BaseUri;
            }
        }
    }

    // ---- transports --------------------------------------------------------------------------

    /// <summary>
    /// A new handler over this fake, for <c>new HttpClient(handler)</c> or <c>ConfigurePrimaryHttpMessageHandler</c>.
    /// Disposing a handler does not affect the fake. Without clusters one fake serves every host alike; with clusters the
    /// request's host decides which server answers (see <see cref="FakeThingsStackOptions.Clusters"/>).
    /// </summary>
    /// <returns>The handler.</returns>
    public HttpMessageHandler CreateHandler() => new FakeThingsStackHandler(_core, _topology.Hosts);

    /// <summary>
    /// Starts HTTP servers on 127.0.0.1 (loopback only) serving the same fake: one without clusters; with clusters one per
    /// distinct host (the Identity Server's, and each cluster's unless it shares that host), see <see cref="GetServerUri"/>.
    /// </summary>
    /// <param name="port">The Identity Server's port; 0 (default) picks a free one. Cluster servers always pick free ports.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The Identity Server's base URI, e.g. <c>http://127.0.0.1:50123/</c>.</returns>
    public Task<Uri> StartServerAsync(int port = 0, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_serverGate)
        {
            if (_server is not null)
            {
                throw new InvalidOperationException("The server is already running.");
            }
            if (!_topology.Clustered)
            {
                _server = LoopbackServer.Start(_core, port, logicalHost: null);
                return Task.FromResult(_server.BaseUri);
            }
            foreach (var host in _topology.DistinctHosts)
            {
                _servers[host] = LoopbackServer.Start(_core, _servers.Count == 0 ? port : 0, host);
            }
            _server = _servers[_topology.IdentityServerHost!];
            return Task.FromResult(_server.BaseUri);
        }
    }

    /// <summary>The base URI of the server standing for a cluster's host; null until <see cref="StartServerAsync"/> ran.</summary>
    /// <param name="cluster">The cluster name; without clusters, null (the one server).</param>
    /// <returns>The URI, e.g. <c>http://127.0.0.1:50124/</c>.</returns>
    /// <exception cref="ArgumentException">The cluster is not configured.</exception>
    public Uri? GetServerUri(string? cluster)
    {
        var state = _topology.Cluster(cluster);
        lock (_serverGate)
        {
            return state.Host is null ? _server?.BaseUri : _servers.GetValueOrDefault(state.Host)?.BaseUri;
        }
    }

    /// <summary>Stops the servers, if started.</summary>
    /// <returns>A task that completes when the servers stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        List<LoopbackServer> servers;
        lock (_serverGate)
        {
            servers = _servers.Count > 0 ? [.. _servers.Values] : _server is null ? [] : [_server];
            _servers.Clear();
            _server = null;
        }
        foreach (var server in servers)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
        _deliverer.Dispose();
    }

    /// <summary>
    /// The API base the AS names in <c>X-Downlink-Push</c>/<c>-Replace</c>: the cluster's server if running, else its host.
    /// </summary>
    private string DownlinkBase(ClusterState cluster)
    {
        var server = GetServerUri(cluster.Name);
        return server is not null ? server.AbsoluteUri.TrimEnd('/') + "/api/v3"
            : cluster.Host is not null ? $"https://{cluster.Host}/api/v3"
            : "http://localhost:1885/api/v3";
    }
}
