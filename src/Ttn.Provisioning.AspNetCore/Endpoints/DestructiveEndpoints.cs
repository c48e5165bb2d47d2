using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// <c>POST {prefix}/tenants/{tenant}/start-fresh</c> and <c>POST …/deep-clean</c> (owner and admin by default): each needs
/// the body <c>{"confirm":"&lt;tenant id&gt;"}</c> (400 otherwise) and carries the host's destructive rate-limiter policy.
/// </summary>
internal static class DestructiveEndpoints
{
    public static void Map(RouteGroupBuilder tenants, TtnEndpointOptions options)
    {
        var startFresh = tenants
            .MapPost("/start-fresh", static (string tenant, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, StartFreshAsync))
            .AcceptsJson<StartFreshRequest>()
            .Describe<StartFreshResponse>(
                "TtnStartFresh",
                "Removes what can be removed of the tenant's application and keys and provisions again under new ids.",
                "Needs {\"confirm\":\"<tenant id>\"} (and optionally \"provisionAgain\": false, and \"cluster\" to move the "
                    + "tenant to another configured cluster: 400 for one not configured). Answers the per-resource report; "
                    + "a resource that could not be removed is listed, never swallowed (502, with the report in \"result\").",
                EndpointConventions.BodyProblems);

        var deepClean = tenants
            .MapPost("/deep-clean", static (string tenant, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, DeepCleanAsync))
            .AcceptsJson<ConfirmationRequest>()
            .Describe<DeepCleanResponse>(
                "TtnDeepClean",
                "Removes everything the tenant owns on The Things Stack.",
                "Needs {\"confirm\":\"<tenant id>\"}. End devices, webhooks, API keys, application, gateways, organization, in "
                    + "that order; only what is confirmed gone is cleared from the store, so running it again finishes a partial "
                    + "clean (502, with the report in \"result\").",
                EndpointConventions.BodyProblems);

        if (options.DestructiveRateLimiterPolicy is { Length: > 0 } policy)
        {
            startFresh.RequireRateLimiting(policy);
            deepClean.RequireRateLimiting(policy);
        }
    }

    private static async Task<IResult> StartFreshAsync(TenantCall call)
    {
        var json = EndpointJsonContext.Default;
        var (body, problem) = await RequestBody.ReadAsync(call.Http, json.StartFreshRequest, Confirmation.Example).ConfigureAwait(false);
        if ((problem ?? Confirmation.Check(body!, call.TenantId, "Start fresh")) is { } refusal)
        {
            return refusal;
        }

        return TenantEndpoint.Answer(
            await call.Service.StartFreshAsync(call.Caller, body!.ProvisionAgain, body.Cluster, call.Aborted).ConfigureAwait(false),
            StartFreshResponse.From,
            json.StartFreshResponse);
    }

    private static async Task<IResult> DeepCleanAsync(TenantCall call)
    {
        var json = EndpointJsonContext.Default;
        var (body, problem) = await RequestBody.ReadAsync(call.Http, json.ConfirmationRequest, Confirmation.Example).ConfigureAwait(false);
        if ((problem ?? Confirmation.Check(body!, call.TenantId, "Deep clean")) is { } refusal)
        {
            return refusal;
        }

        return TenantEndpoint.Answer(
            await call.Service.DeepCleanAsync(call.Caller, call.Aborted).ConfigureAwait(false),
            DeepCleanResponse.From,
            json.DeepCleanResponse);
    }
}
