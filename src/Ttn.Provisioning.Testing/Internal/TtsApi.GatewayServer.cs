using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>
/// Gateway Server connection stats of the cluster the request went to (pkg/gatewayserver/grpc.go). A gateway
/// is connected only when a test set its stats on that cluster (<c>FakeThingsStack.SetGatewayConnectionStats</c>).
/// </summary>
internal sealed partial class TtsApi
{
    private const string GatewayStatusRead = "RIGHT_GATEWAY_STATUS_READ";

    private void MapGatewayServer()
    {
        _router.Map("GET", "/gs/gateways/{gtw}/connection/stats", GetGatewayConnectionStats);
        _router.Map("POST", "/gs/gateways/connection/stats", BatchGetGatewayConnectionStats);
    }

    private ApiResult GetGatewayConnectionStats(RequestContext context)
    {
        Require(context, EntityKind.Gateway, context["gtw"], GatewayStatusRead);
        return context.ServingCluster.GatewayStats.TryGetValue(context["gtw"], out var stats)
            ? new ApiResult((JsonObject)stats.DeepClone())
            : throw new TtsException(Errors.NotConnected(context["gtw"]));
    }

    /// <summary>
    /// The IS's batch rights check (pkg/identityserver/rights.go <c>assertGatewayRights</c>): a user or organization
    /// key holding STATUS_READ, every gateway existing and reachable with STATUS_READ (public status excepted); then the
    /// stats of the connected ones, keyed by gateway ID.
    /// </summary>
    private ApiResult BatchGetGatewayConnectionStats(RequestContext context)
    {
        var ids = (context.Body["gateway_ids"] as JsonArray ?? [])
            .Select(node => Identifiers.Require(Str(node, "gateway_id"), "gateway_id", "GatewayIdentifiers"))
            .Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            throw new TtsException(Errors.Validation("gateway_ids", "value must contain at least 1 item(s)",
                "BatchGetGatewayConnectionStatsRequestValidationError"));
        }
        RequireBatchGatewayRights(context, ids, GatewayStatusRead);
        var paths = FieldMask(context.Body);
        var entries = new JsonObject();
        foreach (var id in ids)
        {
            if (context.ServingCluster.GatewayStats.TryGetValue(id, out var stats))
            {
                entries[id] = paths.Count == 0 ? stats.DeepClone() : FieldMasks.Filter(stats, paths);
            }
        }
        return new ApiResult(new JsonObject { ["entries"] = entries });
    }

    private void RequireBatchGatewayRights(RequestContext context, List<string> ids, string right)
    {
        if (context.Caller is not { } caller)
        {
            throw new TtsException(Errors.Unauthenticated());
        }
        if (caller.Key.OwnerKind is not (EntityKind.User or EntityKind.Organization))
        {
            throw new TtsException(Errors.NeitherUserNorOrganization());
        }
        if (!caller.Key.Expanded.Contains(right))
        {
            throw new TtsException(Errors.InsufficientRightsPlain());
        }
        if (ids.Any(id => !_state.Gateways.TryGetValue(id, out var gateway) || gateway.IsDeleted))
        {
            throw new TtsException(caller.IsAdmin ? Errors.SomeGatewaysNotFound() : Errors.InsufficientRightsPlain());
        }
        var statusPublic = right == GatewayStatusRead;
        if (ids.Any(id => !(statusPublic && Flag(_state.Gateways[id].Fields, "status_public"))
            && !RightsOn(caller, EntityKind.Gateway, id).Contains(right)))
        {
            throw new TtsException(Errors.InsufficientRightsPlain());
        }
    }
}
