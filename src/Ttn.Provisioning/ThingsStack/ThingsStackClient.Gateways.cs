namespace Ttn.Provisioning.ThingsStack;

/// <summary>Gateway API keys, claiming and the Gateway Server's connection stats.</summary>
internal sealed partial class ThingsStackClient
{
    public async Task<ThingsStackApiKey> CreateGatewayApiKeyAsync(
        string apiKey,
        string gatewayId,
        string name,
        IReadOnlyCollection<string> rights,
        CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(gatewayId, nameof(gatewayId));
        var body = Content(ApiKeyRequest(name, rights, expiresAt: null), Json.ApiKeyCreateRequest);
        var result = await SendAsync(
            HttpMethod.Post,
            "/gateways/{gateway_id}/api-keys",
            $"/gateways/{gatewayId}/api-keys",
            null,
            apiKey,
            body,
            Json.ThingsStackApiKey,
            cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public async Task<GatewayIdentifiers> ClaimGatewayAsync(
        string apiKey, ClaimGatewayRequest claim, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ThingsStackIds.Validate(claim.TargetGatewayId, nameof(claim));
        ThingsStackIds.Validate(claim.Collaborator.OrganizationIds.OrganizationId, nameof(claim));
        var wire = claim with
        {
            AuthenticatedIdentifiers = claim.AuthenticatedIdentifiers with
            {
                GatewayEui = ThingsStackIds.NormalizeEui(claim.AuthenticatedIdentifiers.GatewayEui, nameof(claim)),
            },
        };
        var body = Content(wire, Json.ClaimGatewayRequest);
        var result = await SendAsync(
            HttpMethod.Post, "/gcls/claim", "/gcls/claim", null, apiKey, body, Json.GatewayIdentifiers, cancellationToken)
            .ConfigureAwait(false);
        return result.Value;
    }

    public async Task<GatewayConnectionStats> GetGatewayConnectionStatsAsync(
        string cluster, string apiKey, string gatewayId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(gatewayId, nameof(gatewayId));
        var result = await SendAsync(
            HttpMethod.Get,
            "/gs/gateways/{gateway_id}/connection/stats",
            $"/gs/gateways/{gatewayId}/connection/stats",
            cluster,
            apiKey,
            null,
            Json.GatewayConnectionStats,
            cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public async Task<IReadOnlyDictionary<string, GatewayConnectionStats>> GetGatewayConnectionStatsAsync(
        string cluster, string apiKey, IReadOnlyCollection<string> gatewayIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gatewayIds);
        if (gatewayIds.Count == 0)
        {
            throw new ArgumentException("Name at least one gateway.", nameof(gatewayIds));
        }

        foreach (var id in gatewayIds)
        {
            ThingsStackIds.Validate(id, nameof(gatewayIds));
        }

        var ids = gatewayIds.Distinct(StringComparer.Ordinal).Select(id => new GatewayIdentifiers(id));
        var request = new GatewayConnectionStatsBatchRequest([.. ids]);
        var body = Content(request, Json.GatewayConnectionStatsBatchRequest);
        var result = await SendAsync(
            HttpMethod.Post,
            "/gs/gateways/connection/stats",
            "/gs/gateways/connection/stats",
            cluster,
            apiKey,
            body,
            Json.GatewayConnectionStatsBatch,
            cancellationToken).ConfigureAwait(false);
        return result.Value.Entries ?? new Dictionary<string, GatewayConnectionStats>(StringComparer.Ordinal);
    }
}
