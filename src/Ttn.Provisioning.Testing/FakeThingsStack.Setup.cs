using System.Text.Json.Nodes;
using Ttn.Provisioning.Testing.Internal;

namespace Ttn.Provisioning.Testing;

/// <summary>Setup: users and their keys, claimable gateways, Gateway Server stats, webhook health.</summary>
public sealed partial class FakeThingsStack
{
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
    /// <param name="rights">The rights, e.g. <c>RIGHT_ALL</c> or <c>RIGHT_USER_ORGANIZATIONS_CREATE</c> (the <c>RIGHT_</c> prefix may be
    /// left out).</param>
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

    /// <summary>
    /// Makes a gateway EUI claimable through the Gateway Claiming Server (<c>POST /gcls/claim</c>), as a gateway whose
    /// vendor's claimer knows it with this owner token.
    /// </summary>
    /// <param name="eui">The gateway EUI (16 hex characters).</param>
    /// <param name="authenticationCode">The claim authentication code (owner token) a claim must present.</param>
    public void AddClaimableGateway(string eui, string authenticationCode)
    {
        ArgumentException.ThrowIfNullOrEmpty(authenticationCode);
        var normalized = ParseEui(eui);
        lock (_state.Gate)
        {
            _state.ClaimableGateways[normalized] = new ClaimableGateway(normalized, authenticationCode);
        }
    }

    /// <summary>
    /// Sets what a cluster's Gateway Server reports for a gateway (<c>GET /gs/gateways/{id}/connection/stats</c>); null
    /// disconnects it (404 <c>not_connected</c>, the state of every gateway until set).
    /// </summary>
    /// <param name="gatewayId">The gateway ID.</param>
    /// <param name="stats">The stats; null when not connected.</param>
    /// <param name="cluster">
    /// The cluster; null: the one whose host the gateway's <c>gateway_server_address</c> names (or the only cluster of a
    /// fake without clusters).
    /// </param>
    /// <exception cref="ArgumentException">The cluster is unknown, or null and no cluster matches the gateway's address.</exception>
    public void SetGatewayConnectionStats(string gatewayId, FakeGatewayConnectionStats? stats, string? cluster = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(gatewayId);
        lock (_state.Gate)
        {
            var target = cluster is not null || !_topology.Clustered ? _topology.Cluster(cluster) : ClusterOfGateway(gatewayId);
            if (stats is null)
            {
                target.GatewayStats.Remove(gatewayId);
            }
            else
            {
                target.GatewayStats[gatewayId] = GatewayStatsJson(stats);
            }
        }
    }

    /// <summary>Sets a webhook's <c>health_status</c> directly; null makes it unknown (no delivery yet).</summary>
    /// <param name="applicationId">The application.</param>
    /// <param name="webhookId">The webhook.</param>
    /// <param name="health">The status.</param>
    /// <param name="cluster">The cluster; null without clusters.</param>
    /// <exception cref="InvalidOperationException">No such webhook.</exception>
    public void SetWebhookHealth(string applicationId, string webhookId, FakeWebhookHealth? health, string? cluster = null)
    {
        lock (_state.Gate)
        {
            var webhook = _topology.Cluster(cluster).Webhooks.GetValueOrDefault(ClusterState.WebhookKey(applicationId, webhookId))
                ?? throw new InvalidOperationException($"No webhook '{webhookId}' of '{applicationId}' in that cluster.");
            webhook.Health = health switch
            {
                null => null,
                { IsHealthy: true } => WebhookHealth.Good,
                _ => new WebhookHealth(false, health.FailedAttempts, health.LastFailedAttemptAt, null),
            };
        }
    }

    private ClusterState ClusterOfGateway(string gatewayId)
    {
        var address = _state.Gateways.TryGetValue(gatewayId, out var gateway) ? TtsApi.Text(gateway.Fields, "gateway_server_address")
            : null;
        var host = address is null ? null : address.Contains("://", StringComparison.Ordinal) ? new Uri(address).Host
            : address.Split(':')[0];
        return _topology.ClusterAt(host)
            ?? throw new ArgumentException(
                $"Gateway '{gatewayId}' has no gateway_server_address of a configured cluster; name the cluster.",
                nameof(gatewayId));
    }

    private static JsonObject GatewayStatsJson(FakeGatewayConnectionStats stats)
    {
        var json = new JsonObject();
        void Time(string name, DateTimeOffset? value)
        {
            if (value is { } at)
            {
                json[name] = TtsApi.Time(at);
            }
        }
        Time("connected_at", stats.ConnectedAt);
        Time("disconnected_at", stats.DisconnectedAt);
        if (stats.Protocol is not null)
        {
            json["protocol"] = stats.Protocol;
        }
        Time("last_status_received_at", stats.LastStatusReceivedAt);
        Time("last_uplink_received_at", stats.LastUplinkReceivedAt);
        if (stats.UplinkCount != 0)
        {
            json["uplink_count"] = stats.UplinkCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        Time("last_downlink_received_at", stats.LastDownlinkReceivedAt);
        if (stats.DownlinkCount != 0)
        {
            json["downlink_count"] = stats.DownlinkCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return json;
    }

    private static string ParseEui(string eui)
    {
        try
        {
            return Identifiers.Eui(eui, "eui", "GatewayIdentifiers") ?? throw new ArgumentException("An EUI is required.", nameof(eui));
        }
        catch (TtsException e)
        {
            throw new ArgumentException(e.Message, nameof(eui), e);
        }
    }
}
