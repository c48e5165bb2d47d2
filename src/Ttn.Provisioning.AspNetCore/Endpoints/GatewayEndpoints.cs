using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// The gateways of the tenant's organization: <c>GET {prefix}/tenants/{tenant}/gateways</c> and
/// <c>GET …/gateways/{gatewayId}/status</c> (every role by default); <c>POST …/gateways</c> and
/// <c>DELETE …/gateways/{gatewayId}</c> (owner, admin and manager by default). The claim authentication code is write-only;
/// the LNS key is answered once, by the registration that created it.
/// </summary>
internal static class GatewayEndpoints
{
    public static void Map(RouteGroupBuilder tenants)
    {
        tenants
            .MapGet(
                "/gateways",
                static (string tenant, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, static async call =>
                    TenantEndpoint.Answer(
                        await call.Gateways.GetGatewayStatusAsync(call.Caller, null, call.Aborted).ConfigureAwait(false),
                        GatewayStatusResponse.From,
                        EndpointJsonContext.Default.GatewayStatusResponse)))
            .Describe<GatewayStatusResponse>(
                "TtnListGateways",
                "Lists the gateways of the tenant's organization with their connection status.",
                "One batch request to the Gateway Server of the tenant's cluster: connected, online (a recent status), protocol, "
                    + "last seen, uplink and downlink counts.",
                EndpointConventions.RunProblems);

        tenants
            .MapPost("/gateways", static (string tenant, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, RegisterAsync))
            .AcceptsJson<GatewayRequest>()
            .Produces<GatewayRegistrationResponse>(StatusCodes.Status201Created, "application/json")
            .Describe<GatewayRegistrationResponse>(
                "TtnRegisterGateway",
                "Registers (or, with its claim authentication code, claims) a gateway under the tenant's organization.",
                "201 when registered or claimed (Location: its status), 200 when the organization already had it. An EUI or id "
                    + "held by another gateway is 409 gateway-conflict with what The Things Stack reveals. With createLnsKey, the "
                    + "answer holds the LNS key in plain text, this once (the library does not keep it). The claim code is write-only.",
                EndpointConventions.BodyProblems);

        tenants
            .MapGet(
                "/gateways/{gatewayId}/status",
                static (string tenant, string gatewayId, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, async call =>
                    DeviceAnswers.Read(
                        await call.Gateways.GetGatewayStatusAsync(call.Caller, [gatewayId], call.Aborted).ConfigureAwait(false),
                        GatewayStatusResponse.From,
                        EndpointJsonContext.Default.GatewayStatusResponse)))
            .Describe<GatewayStatusResponse>(
                "TtnGetGatewayStatus",
                "Reads a gateway's connection status from the Gateway Server.",
                "A gateway that is not connected (or never was) is reported as such, not as an error.",
                EndpointConventions.RunProblems);

        tenants
            .MapDelete(
                "/gateways/{gatewayId}",
                static (string tenant, string gatewayId, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, async call =>
                    TenantEndpoint.Answer(
                        await call.Gateways.RemoveGatewayAsync(call.Caller, gatewayId, call.Aborted).ConfigureAwait(false),
                        GatewayRemovalResponse.From,
                        EndpointJsonContext.Default.GatewayRemovalResponse)))
            .Describe<GatewayRemovalResponse>(
                "TtnRemoveGateway",
                "Deletes a gateway of the tenant (its EUI is free at once) and purges it when the admin key may.",
                "Otherwise The Things Stack keeps its id reserved: the answer says so (idReserved).",
                EndpointConventions.RunProblems);
    }

    private static async Task<IResult> RegisterAsync(TenantCall call)
    {
        var (body, problem) = await RequestBody
            .ReadAsync(call.Http, EndpointJsonContext.Default.GatewayRequest, "{\"eui\":\"…\",\"frequencyPlanIds\":[\"EU_863_870_TTN\"]}")
            .ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = await call.Gateways.RegisterGatewayAsync(call.Caller, body!.ToDefinition(), call.Aborted).ConfigureAwait(false);
        return DeviceAnswers.GatewayRegistration(call.Http, result);
    }
}
