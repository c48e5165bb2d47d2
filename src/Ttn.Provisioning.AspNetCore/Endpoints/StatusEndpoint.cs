using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary><c>GET {prefix}/tenants/{tenant}/status</c>: the tenant's status, for every role by default. Never a secret.</summary>
internal static class StatusEndpoint
{
    public static void Map(RouteGroupBuilder tenants) =>
        tenants.MapGet("/status", static (string tenant, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, static async call =>
            {
                var result = await call.Service.GetStatusAsync(call.Caller, call.Aborted).ConfigureAwait(false);
                var settings = call.Http.RequestServices.GetRequiredService<IOptions<TtnProvisioningOptions>>().Value;
                return TenantEndpoint.Answer(
                    result,
                    r => TenantStatusResponse.From(r.Status!, settings.CreateGatewayApiKey),
                    EndpointJsonContext.Default.TenantStatusResponse);
            }))
            .Describe<TenantStatusResponse>(
                "TtnGetStatus",
                "Reads the tenant's provisioning status.",
                "State, steps (done, failed, in progress, pending), the last error with what The Things Stack answered, the next "
                    + "action, ids, and the last four characters of each stored secret. Makes no request to The Things Stack.",
                EndpointConventions.ReadProblems);
}
