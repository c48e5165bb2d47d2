using System.Text.Json.Nodes;
using Ttn.Provisioning.Testing.Internal;

namespace Ttn.Provisioning.Testing;

/// <summary>
/// An in-memory The Things Stack that speaks the TTS HTTP/JSON API (paths under <c>/api/v3</c>, TTS error JSON):
/// users and API keys with enforced rights, organizations, applications, API keys (secret shown once), webhooks,
/// end devices in IS/JS/NS/AS, gateways, soft delete with reserved IDs, paging, an optional rate limit, fault
/// injection and a journal. Use it in process through <see cref="CreateHandler"/>, or as a loopback HTTP server
/// through <see cref="StartServerAsync"/>; both share one request core. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// await using var tts = new FakeThingsStack();
/// tts.AddUser("admin", isAdmin: true);
/// var key = tts.CreateUserApiKey("admin", "RIGHT_ALL");
/// using var http = new HttpClient(tts.CreateHandler()) { BaseAddress = new Uri("https://eu1.cloud.thethings.network") };
/// </code>
/// </example>
public sealed class FakeThingsStack : IAsyncDisposable
{
    private readonly StateStore _state = new();
    private readonly FakeThingsStackOptions _options;
    private readonly TtsApi _api;
    private readonly RequestCore _core;
    private readonly Lock _serverGate = new();
    private LoopbackServer? _server;

    /// <summary>Creates an empty fake (no users, no keys).</summary>
    /// <param name="options">Settings; null for the defaults.</param>
    public FakeThingsStack(FakeThingsStackOptions? options = null)
    {
        _options = options ?? new FakeThingsStackOptions();
        _api = new TtsApi(_state, _options);
        _core = new RequestCore(_api, Faults, Journal, _options.TimeProvider);
    }

    /// <summary>The clock the fake uses.</summary>
    public TimeProvider TimeProvider => _options.TimeProvider;

    /// <summary>Faults injected by route and call number.</summary>
    public FakeFaults Faults { get; } = new();

    /// <summary>The requests received.</summary>
    public FakeJournal Journal { get; } = new();

    /// <summary>The rate limit; null (default) for none. Setting it starts with full buckets.</summary>
    public FakeRateLimit? RateLimit
    {
        get => _core.RateLimit;
        set => _core.RateLimit = value;
    }

    /// <summary>The server's base URI (<c>http://127.0.0.1:port/</c>) once <see cref="StartServerAsync"/> ran; otherwise null.</summary>
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

    // ---- setup -------------------------------------------------------------------------------

    /// <summary>Adds a user (user and organization IDs share one namespace).</summary>
    /// <param name="userId">The user ID (TTS user-ID rules).</param>
    /// <param name="isAdmin">Whether the user is an admin (may purge, sees everything).</param>
    public void AddUser(string userId, bool isAdmin = false)
    {
        Identifiers.Require(userId, "user_id", "UserIdentifiers", user: true);
        lock (_state.Gate)
        {
            if (_state.Users.ContainsKey(userId) || _state.Organizations.ContainsKey(userId))
            {
                throw new InvalidOperationException($"The ID '{userId}' is already taken.");
            }
            _state.Users[userId] = new UserEntity(userId, isAdmin);
        }
    }

    /// <summary>Creates an API key of a user and returns its full token (<c>NNSXS.…</c>).</summary>
    /// <param name="userId">The user that owns the key.</param>
    /// <param name="rights">The rights, e.g. <c>RIGHT_ALL</c> or <c>RIGHT_USER_ORGANIZATIONS_CREATE</c> (the <c>RIGHT_</c> prefix may be left out).</param>
    /// <returns>The token to send as <c>Authorization: Bearer …</c>.</returns>
    public string CreateUserApiKey(string userId, params string[] rights) => CreateUserApiKey(userId, expiresAt: null, rights);

    /// <summary>Creates an API key of a user that expires, and returns its full token.</summary>
    /// <param name="userId">The user that owns the key.</param>
    /// <param name="expiresAt">When the key expires (401 <c>api_key_expired</c> afterwards); null for never.</param>
    /// <param name="rights">The rights.</param>
    /// <returns>The token.</returns>
    public string CreateUserApiKey(string userId, DateTimeOffset? expiresAt, params string[] rights)
    {
        ArgumentNullException.ThrowIfNull(rights);
        var parsed = rights.Select(r => Rights.TryParse(JsonValue.Create(r), out var right)
            ? right
            : throw new ArgumentException($"Unknown right '{r}'.", nameof(rights))).Distinct().ToList();
        lock (_state.Gate)
        {
            if (!_state.Users.ContainsKey(userId))
            {
                throw new InvalidOperationException($"No user '{userId}'; call AddUser first.");
            }
            return _api.IssueKey(EntityKind.User, userId, "fake-user-key", parsed, expiresAt, TimeProvider.GetUtcNow()).Token;
        }
    }

    // ---- transports --------------------------------------------------------------------------

    /// <summary>
    /// A new handler over this fake, for <c>new HttpClient(handler)</c> or <c>ConfigurePrimaryHttpMessageHandler</c>.
    /// Disposing a handler does not affect the fake; one fake serves the Identity Server and cluster hosts alike.
    /// </summary>
    /// <returns>The handler.</returns>
    public HttpMessageHandler CreateHandler() => new FakeThingsStackHandler(_core, [.. _options.Hosts]);

    /// <summary>Starts an HTTP server on 127.0.0.1 (loopback only) serving the same fake.</summary>
    /// <param name="port">The port; 0 (default) picks a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The base URI, e.g. <c>http://127.0.0.1:50123/</c>.</returns>
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
            _server = LoopbackServer.Start(_core, port);
            return Task.FromResult(_server.BaseUri);
        }
    }

    /// <summary>Stops the server, if started.</summary>
    /// <returns>A task that completes when the server stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        LoopbackServer? server;
        lock (_serverGate)
        {
            (server, _server) = (_server, null);
        }
        if (server is not null)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }

    // ---- inspection --------------------------------------------------------------------------

    /// <summary>The organizations, live and soft-deleted.</summary>
    public IReadOnlyList<FakeRegistryEntity> Organizations => Snapshot(EntityKind.Organization);

    /// <summary>The applications, live and soft-deleted.</summary>
    public IReadOnlyList<FakeRegistryEntity> Applications => Snapshot(EntityKind.Application);

    /// <summary>The gateways, live and soft-deleted.</summary>
    public IReadOnlyList<FakeRegistryEntity> Gateways => Snapshot(EntityKind.Gateway);

    /// <summary>Every API key (user, organization, application, gateway), without secrets.</summary>
    public IReadOnlyList<FakeApiKey> ApiKeys
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.ApiKeys.Values.OrderBy(k => k.CreatedAt).Select(k =>
                    new FakeApiKey(k.Id, k.Name, (FakeEntityType)(int)k.OwnerKind, k.OwnerId, [.. k.Rights], k.CreatedAt, k.ExpiresAt))];
            }
        }
    }

    /// <summary>The webhooks.</summary>
    public IReadOnlyList<FakeWebhook> Webhooks
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.Webhooks.Values.OrderBy(w => w.CreatedAt).Select(w => new FakeWebhook(
                    w.ApplicationId, w.WebhookId, w.Data["base_url"]?.ToString(), w.Data["format"]?.ToString(),
                    StringMap(w.Data["headers"]), w.Data.ToJsonString()))];
            }
        }
    }

    /// <summary>The end devices that at least one registry holds.</summary>
    public IReadOnlyList<FakeEndDevice> EndDevices
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.Devices.Values.OrderBy(d => d.CreatedAt).Select(d => new FakeEndDevice(
                    d.ApplicationId, d.DeviceId, d.DevEui, d.JoinEui,
                    d.IdentityServer is not null, d.JoinServer is not null, d.NetworkServer is not null, d.ApplicationServer is not null))];
            }
        }
    }

    private List<FakeRegistryEntity> Snapshot(EntityKind kind)
    {
        lock (_state.Gate)
        {
            return [.. _state.Registry(kind).Values.OrderBy(e => e.CreatedAt).Select(e => new FakeRegistryEntity(
                e.Id, e.Fields["name"]?.ToString(), e.CreatedAt, e.DeletedAt, StringMap(e.Fields["attributes"]),
                [.. e.Users.Keys], [.. e.Organizations.Keys], e.Eui))];
        }
    }

    private static Dictionary<string, string> StringMap(JsonNode? node) =>
        node is JsonObject obj
            ? obj.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
