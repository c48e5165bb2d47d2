using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// <c>POST {prefix}/tenants/{tenant}/provision[?cluster=…]</c> and <c>POST …/retry</c> (owner and admin by default). No body.
/// </summary>
internal static class ProvisionEndpoints
{
    public static void Map(RouteGroupBuilder tenants)
    {
        tenants
            .MapPost(
                "/provision",
                static (string tenant, [FromQuery] string? cluster, HttpContext http) =>
                    TenantEndpoint.RunAsync(http, tenant, call => ProvisionAsync(call, cluster)))
            .Describe<ProvisioningResponse>(
                "TtnProvision",
                "Provisions the tenant on The Things Stack.",
                "Organization, organization key, application, application key, optional gateway key and webhook; resumes from "
                    + "the last completed step, and answers at once for a tenant already Ready. ?cluster= names a configured "
                    + "cluster for a new tenant (400 for one not configured; 409 use-start-fresh for a tenant on another one). "
                    + "409 while another run holds the tenant, or tenant-disabled; 502 with the step, TTS error name and "
                    + "correlation id when a step fails.",
                EndpointConventions.RunProblems);

        tenants.MapPost("/retry", static (string tenant, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, RetryAsync))
            .Describe<ProvisioningResponse>(
                "TtnRetry",
                "Resumes a failed or stalled provisioning run from its failed step.",
                "409 use-start-fresh when retrying cannot help (start fresh instead), 409 not-applicable when there is nothing "
                    + "to retry.",
                EndpointConventions.RunProblems);
    }

    private static async Task<IResult> ProvisionAsync(TenantCall call, string? cluster) => TenantEndpoint.Answer(
        await call.Service.ProvisionAsync(call.Caller, cluster, call.Aborted).ConfigureAwait(false),
        ProvisioningResponse.From,
        EndpointJsonContext.Default.ProvisioningResponse);

    private static async Task<IResult> RetryAsync(TenantCall call) => TenantEndpoint.Answer(
        await call.Service.RetryAsync(call.Caller, call.Aborted).ConfigureAwait(false),
        ProvisioningResponse.From,
        EndpointJsonContext.Default.ProvisioningResponse);
}
