
namespace Ttn.Provisioning.ThingsStack;

// Identifiers of TTS entities, as the wire models carry them (snake_case proto names).
// Only the fields the library uses are modelled; unknown fields in answers are ignored, null fields left out of requests.

/// <summary><c>ApplicationIdentifiers</c>.</summary>
internal sealed record ApplicationIdentifiers(string ApplicationId);

/// <summary><c>OrganizationIdentifiers</c>.</summary>
internal sealed record OrganizationIdentifiers(string OrganizationId);

/// <summary><c>UserIdentifiers</c>.</summary>
internal sealed record UserIdentifiers(string UserId);

/// <summary><c>GatewayIdentifiers</c>; <see cref="Eui"/> is upper-case hex.</summary>
internal sealed record GatewayIdentifiers(string GatewayId, string? Eui = null);

/// <summary><c>EntityIdentifiers</c>: exactly one member is set.</summary>
internal sealed record EntityIdentifiers
{
    public ApplicationIdentifiers? ApplicationIds { get; init; }

    public OrganizationIdentifiers? OrganizationIds { get; init; }

    public UserIdentifiers? UserIds { get; init; }

    public GatewayIdentifiers? GatewayIds { get; init; }
}
