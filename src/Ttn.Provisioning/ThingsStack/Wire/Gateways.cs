using System.Text.Json.Serialization;

namespace Ttn.Provisioning.ThingsStack;

// Gateways.
// Only the fields the library uses are modelled; unknown fields in answers are ignored, null fields left out of requests.

/// <summary><c>Gateway</c>.</summary>
internal sealed record Gateway
{
    public required GatewayIdentifiers Ids { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public string? GatewayServerAddress { get; init; }

    public IReadOnlyList<string>? FrequencyPlanIds { get; init; }

    public bool? StatusPublic { get; init; }

    public bool? LocationPublic { get; init; }

    public IReadOnlyList<GatewayAntenna>? Antennas { get; init; }
}

/// <summary><c>GatewayAntenna</c>: only its location is modelled.</summary>
internal sealed record GatewayAntenna(GatewayLocationWire? Location);

/// <summary><c>Location</c> of an antenna, as the registry keeps it (<c>SOURCE_REGISTRY</c>).</summary>
internal sealed record GatewayLocationWire(double Latitude, double Longitude, int? Altitude, string? Source);

/// <summary><c>GatewayConnectionStats</c> of the Gateway Server (64-bit counters arrive as strings).</summary>
internal sealed record GatewayConnectionStats
{
    public DateTimeOffset? ConnectedAt { get; init; }

    public DateTimeOffset? DisconnectedAt { get; init; }

    public string? Protocol { get; init; }

    public DateTimeOffset? LastStatusReceivedAt { get; init; }

    public DateTimeOffset? LastUplinkReceivedAt { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? UplinkCount { get; init; }

    public DateTimeOffset? LastDownlinkReceivedAt { get; init; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? DownlinkCount { get; init; }
}

/// <summary><c>BatchGetGatewayConnectionStatsRequest</c>.</summary>
internal sealed record GatewayConnectionStatsBatchRequest(IReadOnlyList<GatewayIdentifiers> GatewayIds);

/// <summary><c>BatchGetGatewayConnectionStatsResponse</c>: the connected gateways' stats by gateway id.</summary>
internal sealed record GatewayConnectionStatsBatch(IReadOnlyDictionary<string, GatewayConnectionStats>? Entries);

/// <summary>The <c>authenticated_identifiers</c> of <c>ClaimGatewayRequest</c>; the code is base64 (<c>bytes</c>).</summary>
internal sealed record GatewayClaimIdentifiers(string GatewayEui, string AuthenticationCode)
{
    /// <summary>Never prints the claim authentication code.</summary>
    public override string ToString() => $"GatewayClaimIdentifiers {{ GatewayEui = {GatewayEui} }}";
}

/// <summary><c>OrganizationOrUserIdentifiers</c> (only the organization form is sent).</summary>
internal sealed record GatewayCollaborator(OrganizationIdentifiers OrganizationIds);

/// <summary><c>ClaimGatewayRequest</c> to the Gateway Claiming Server.</summary>
internal sealed record ClaimGatewayRequest(
    GatewayClaimIdentifiers AuthenticatedIdentifiers,
    GatewayCollaborator Collaborator,
    string TargetGatewayId,
    string TargetGatewayServerAddress,
    IReadOnlyList<string> TargetFrequencyPlanIds);
