using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Ttn.Provisioning.AspNetCore.Endpoints.Contracts;
using Ttn.Provisioning.Authorization;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// <c>GET {prefix}/tenants/{tenant}/credentials</c>: the credentials masked (last four characters, and whether the role may
/// reveal each), nothing opened, nothing audited. <c>POST …/credentials/reveal</c>: the secrets the role may see in plain
/// text, audited by the core; the others stay masked. Both need the GetCredentials permission (owner, admin, manager by
/// default). Reveal is a POST so a page load, a prefetch or a cache never opens a secret.
/// </summary>
internal static class CredentialsEndpoints
{
    public static void Map(RouteGroupBuilder tenants)
    {
        tenants
            .MapGet("/credentials", static (string tenant, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, MaskedAsync))
            .Describe<CredentialsResponse>(
                "TtnGetCredentials",
                "Shows the tenant's credentials masked.",
                "The last four characters of each stored secret and whether the caller's role may reveal it. Opens nothing and "
                    + "is not audited; use the reveal endpoint to see a secret.",
                EndpointConventions.ReadProblems);

        tenants
            .MapPost("/credentials/reveal", static (string tenant, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, RevealAsync))
            .Describe<CredentialsResponse>(
                "TtnRevealCredentials",
                "Reveals the tenant's credentials the caller's role may see.",
                "Opens the stored secrets and returns in plain text those the role policy lets the caller's role see; the "
                    + "others keep their last four characters (state withheld). Every call is audited. The answer is not cached.",
                [.. EndpointConventions.ReadProblems, StatusCodes.Status404NotFound]);
    }

    private static async Task<IResult> MaskedAsync(TenantCall call)
    {
        // The permission to read credentials is the core's, decided the same way; the masked view itself comes from the
        // status, which holds only last fours, so nothing is opened and no audit record claims a secret was read.
        var policy = call.Http.RequestServices.GetRequiredService<IRolePolicyEvaluator>();
        var decision = policy.Evaluate(call.Caller.Role, ProvisioningOperation.GetCredentials);
        if (!decision.IsAllowed)
        {
            return OutcomeProblems.Denied(decision.Reason)
                .With("tenantId", call.TenantId)
                .With("outcome", nameof(ProvisioningOutcome.Denied));
        }

        var result = await call.Service.GetStatusAsync(call.Caller, call.Aborted).ConfigureAwait(false);
        return TenantEndpoint.Answer(
            result, r => CredentialsResponse.Masked(r.Status!, call.Caller.Role, policy), EndpointJsonContext.Default.CredentialsResponse);
    }

    private static async Task<IResult> RevealAsync(TenantCall call) => TenantEndpoint.Answer(
        await call.Service.GetCredentialsAsync(call.Caller, call.Aborted).ConfigureAwait(false),
        CredentialsResponse.Reveal,
        EndpointJsonContext.Default.CredentialsResponse);
}
