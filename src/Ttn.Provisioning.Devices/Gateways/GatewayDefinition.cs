using System.Text;

namespace Ttn.Provisioning.Gateways;

/// <summary>A gateway as the caller describes it, before it is registered under the tenant's organization.</summary>
/// <remarks>
/// <see cref="ClaimAuthenticationCode"/> is a secret: <see cref="object.ToString"/> shows only whether it is set.
/// </remarks>
public sealed record GatewayDefinition
{
    /// <summary>The gateway EUI: 16 hexadecimal characters, without separators.</summary>
    public required string Eui { get; init; }

    /// <summary>The gateway id; when absent, <c>eui-</c> followed by the EUI in lower case (as The Things Stack derives it).</summary>
    public string? GatewayId { get; init; }

    /// <summary>A display name, at most 50 characters.</summary>
    public string? Name { get; init; }

    /// <summary>A description, at most 2000 characters.</summary>
    public string? Description { get; init; }

    /// <summary>The frequency plans, for example <c>EU_863_870_TTN</c>; at least one.</summary>
    public IReadOnlyList<string> FrequencyPlanIds { get; init; } = [];

    /// <summary>Where the gateway's antenna is; null to leave it unset.</summary>
    public GatewayLocation? Location { get; init; }

    /// <summary>Whether anyone may see the gateway's status (false unless asked).</summary>
    public bool StatusPublic { get; init; }

    /// <summary>Whether anyone may see the gateway's location (false unless asked).</summary>
    public bool LocationPublic { get; init; }

    /// <summary>
    /// The claim authentication code printed on the gateway: when set, the gateway is claimed through the Gateway Claiming
    /// Server (for gateways whose maker supports it) instead of created. A secret.
    /// </summary>
    public string? ClaimAuthenticationCode { get; init; }

    /// <summary>
    /// Whether to create an LNS API key for the gateway (<c>RIGHT_GATEWAY_LINK</c>, what a LoRa Basics Station connects
    /// with). The key is answered once, in the result; the library does not keep it.
    /// </summary>
    public bool CreateLnsKey { get; init; }

    /// <summary>
    /// Whether the result also carries the LNS key sealed with the library's key ring (bound to the tenant and
    /// <see cref="Secrets.SecretField.GatewayLnsKey"/>), for the host to keep and open later with its secret protector.
    /// </summary>
    public bool SealLnsKey { get; init; }

    // Replaces the compiler-generated member list, which would print the claim authentication code.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Eui = ").Append(Eui)
            .Append(", GatewayId = ").Append(GatewayId)
            .Append(", Name = ").Append(Name)
            .Append(", FrequencyPlanIds = ").Append(string.Join(',', FrequencyPlanIds))
            .Append(", Location = ").Append(Location)
            .Append(", StatusPublic = ").Append(StatusPublic)
            .Append(", LocationPublic = ").Append(LocationPublic)
            .Append(", ClaimAuthenticationCode = ").Append(ClaimAuthenticationCode is null ? "(none)" : "(set)")
            .Append(", CreateLnsKey = ").Append(CreateLnsKey);
        return true;
    }
}

/// <summary>Where a gateway's antenna is.</summary>
public sealed record GatewayLocation
{
    /// <summary>Degrees north, -90 to 90.</summary>
    public required double Latitude { get; init; }

    /// <summary>Degrees east, -180 to 180.</summary>
    public required double Longitude { get; init; }

    /// <summary>Meters above sea level, when known.</summary>
    public int? Altitude { get; init; }
}
