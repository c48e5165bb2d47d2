using System.Text;
using Ttn.Provisioning.Gateways;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>Checks a gateway definition and builds what The Things Stack is sent for it.</summary>
internal static class GatewayWireModel
{
    /// <summary>The definition checked and normalised: upper-case EUI, the id (given, or <c>eui-</c> + the EUI in lower case).</summary>
    /// <exception cref="ArgumentException">A rule is broken (the message never repeats the claim code).</exception>
    public static GatewayDefinition Prepare(GatewayDefinition gateway, string paramName)
    {
        ArgumentNullException.ThrowIfNull(gateway, paramName);
        var eui = ThingsStackIds.NormalizeEui(gateway.Eui, paramName);
        var id = string.IsNullOrEmpty(gateway.GatewayId) ? "eui-" + eui.ToLowerInvariant() : gateway.GatewayId;
        ThingsStackIds.Validate(id, paramName);
        if (gateway.FrequencyPlanIds is not { Count: > 0 } plans || plans.Any(p => string.IsNullOrEmpty(p) || p.Length > 64))
        {
            throw new ArgumentException("A gateway needs at least one frequency plan id, each at most 64 characters.", paramName);
        }

        if (gateway.Name is { Length: > 50 } || gateway.Description is { Length: > 2000 })
        {
            throw new ArgumentException("A gateway name is at most 50 characters and a description at most 2000.", paramName);
        }

        if (gateway.Location is { } location
            && (double.IsNaN(location.Latitude) || location.Latitude is < -90 or > 90
                || double.IsNaN(location.Longitude) || location.Longitude is < -180 or > 180))
        {
            throw new ArgumentException("A latitude is -90 to 90 degrees and a longitude -180 to 180.", paramName);
        }

        if (gateway.ClaimAuthenticationCode is { Length: 0 })
        {
            throw new ArgumentException("A claim authentication code, when given, must not be empty.", paramName);
        }

        return gateway with { Eui = eui, GatewayId = id };
    }

    /// <summary>The gateway as it is created under the organization.</summary>
    public static Gateway ForCreate(GatewayDefinition gateway, string clusterAddress) => new()
    {
        Ids = new GatewayIdentifiers(gateway.GatewayId!, gateway.Eui),
        Name = gateway.Name,
        Description = gateway.Description,
        FrequencyPlanIds = gateway.FrequencyPlanIds,
        GatewayServerAddress = clusterAddress,
        StatusPublic = gateway.StatusPublic,
        LocationPublic = gateway.LocationPublic,
        Antennas = gateway.Location is { } location
            ? [new GatewayAntenna(new GatewayLocationWire(location.Latitude, location.Longitude, location.Altitude, "SOURCE_REGISTRY"))]
            : null,
    };

    /// <summary>The claim of the gateway for the organization, through the Gateway Claiming Server.</summary>
    public static ClaimGatewayRequest ForClaim(GatewayDefinition gateway, string organizationId, string clusterAddress) => new(
        new GatewayClaimIdentifiers(gateway.Eui, Convert.ToBase64String(Encoding.UTF8.GetBytes(gateway.ClaimAuthenticationCode!))),
        new GatewayCollaborator(new OrganizationIdentifiers(organizationId)),
        gateway.GatewayId!,
        clusterAddress,
        gateway.FrequencyPlanIds);
}
