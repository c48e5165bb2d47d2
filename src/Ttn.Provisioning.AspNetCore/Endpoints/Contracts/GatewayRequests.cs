using Ttn.Provisioning.Gateways;

namespace Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

/// <summary>
/// The body of <c>POST …/gateways</c>. Holds a secret (<see cref="ClaimAuthenticationCode"/>): never logged nor echoed.
/// </summary>
internal sealed class GatewayRequest
{
    public string? Eui { get; set; }

    /// <summary>The gateway id; null derives <c>eui-&lt;eui lower case&gt;</c>.</summary>
    public string? GatewayId { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public List<string>? FrequencyPlanIds { get; set; }

    public GatewayLocationView? Location { get; set; }

    public bool StatusPublic { get; set; }

    public bool LocationPublic { get; set; }

    /// <summary>A secret: claims the gateway through the Gateway Claiming Server instead of creating it.</summary>
    public string? ClaimAuthenticationCode { get; set; }

    /// <summary>Whether to create an LNS API key (answered once, in the registration's answer).</summary>
    public bool CreateLnsKey { get; set; }

    /// <summary>Whether the answer also carries the LNS key sealed with the library's key ring, for the host to keep.</summary>
    public bool SealLnsKey { get; set; }

    public GatewayDefinition ToDefinition() => new()
    {
        Eui = Eui ?? string.Empty,
        GatewayId = GatewayId,
        Name = Name,
        Description = Description,
        FrequencyPlanIds = FrequencyPlanIds ?? [],
        Location = Location is { } at
            ? new GatewayLocation { Latitude = at.Latitude, Longitude = at.Longitude, Altitude = at.Altitude }
            : null,
        StatusPublic = StatusPublic,
        LocationPublic = LocationPublic,
        ClaimAuthenticationCode = ClaimAuthenticationCode,
        CreateLnsKey = CreateLnsKey,
        SealLnsKey = SealLnsKey,
    };

    /// <summary>Never the claim code: only whether it is set.</summary>
    public override string ToString() =>
        $"gateway {GatewayId ?? Eui ?? "-"} (claim code {(ClaimAuthenticationCode is null ? "none" : "set")})";
}

/// <summary>Where a gateway's antenna is.</summary>
internal sealed class GatewayLocationView
{
    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public int? Altitude { get; set; }
}
