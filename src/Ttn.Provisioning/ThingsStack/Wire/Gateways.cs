
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
}
