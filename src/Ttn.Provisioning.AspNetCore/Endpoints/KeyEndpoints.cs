using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// The endpoints that take a key (owner and admin by default): <c>POST …/api-key-check</c> and
/// <c>POST …/existing-application</c> read a key from the body, which is never logged, stored by the endpoint, or echoed.
/// </summary>
internal static class KeyEndpoints
{
    public static void Map(RouteGroupBuilder tenants)
    {
        tenants
            .MapPost("/api-key-check", static (string tenant, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, CheckApiKeyAsync))
            .AcceptsJson<ApiKeyCheckRequest>()
            .Describe<ApiKeyCheckResponse>(
                "TtnCheckApiKey",
                "Checks what an API key may do on an application.",
                "The key is sent in the body, used for one request to The Things Stack, and neither stored, logged nor echoed.",
                EndpointConventions.BodyProblems);

        tenants
            .MapPost(
                "/existing-application",
                static (string tenant, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, ConfigureExistingApplicationAsync))
            .AcceptsJson<ExistingApplicationRequest>()
            .Describe<ProvisioningResponse>(
                "TtnConfigureExistingApplication",
                "Brings an existing application and application key instead of provisioning one.",
                "Checks the key's rights, stores it sealed and ensures the webhook. The key is never logged nor echoed.",
                EndpointConventions.BodyProblems);
    }

    private static async Task<IResult> CheckApiKeyAsync(TenantCall call)
    {
        var json = EndpointJsonContext.Default;
        var (body, problem) = await RequestBody
            .ReadAsync(call.Http, json.ApiKeyCheckRequest, "{\"applicationId\":\"…\",\"apiKey\":\"…\"}")
            .ConfigureAwait(false);
        if ((problem ?? Required(body!.ApplicationId, "applicationId") ?? Required(body.ApiKey, "apiKey")) is { } refusal)
        {
            return refusal;
        }

        return TenantEndpoint.Answer(
            await call.Service.CheckApiKeyAsync(call.Caller, body!.ApiKey!, body.ApplicationId!, call.Aborted).ConfigureAwait(false),
            result => ApiKeyCheckResponse.From(result, body.ApplicationId!),
            json.ApiKeyCheckResponse);
    }

    private static async Task<IResult> ConfigureExistingApplicationAsync(TenantCall call)
    {
        var json = EndpointJsonContext.Default;
        var (body, problem) = await RequestBody
            .ReadAsync(call.Http, json.ExistingApplicationRequest, "{\"applicationId\":\"…\",\"applicationApiKey\":\"…\"}")
            .ConfigureAwait(false);
        var refusal = problem ?? Required(body!.ApplicationId, "applicationId") ?? Required(body.ApplicationApiKey, "applicationApiKey");
        if (refusal is not null)
        {
            return refusal;
        }

        var result = await call.Service
            .ConfigureExistingApplicationAsync(call.Caller, body!.ApplicationId!, body.ApplicationApiKey!, call.Aborted)
            .ConfigureAwait(false);
        return TenantEndpoint.Answer(result, ProvisioningResponse.From, json.ProvisioningResponse);
    }

    private static TtnProblem? Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? TtnProblem.InvalidRequest("invalid-request", field, $"\"{field}\" is required.") : null;
}
