using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// <c>POST {prefix}/tenants/{tenant}/connection-test</c> (owner, admin, manager and staff by default): tests the tenant's
/// connection with its own application key. A test that ran answers 200 whatever its verdict (<c>test.passed</c> and each
/// check say it); it is a POST because it stores its result on the tenant.
/// </summary>
internal static class ConnectionTestEndpoint
{
    public static void Map(RouteGroupBuilder tenants) =>
        tenants
            .MapPost("/connection-test", static (string tenant, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, TestAsync))
            .Describe<ConnectionTestResponse>(
                "TtnTestConnection",
                "Tests the tenant's connection to The Things Stack with its own application key.",
                "Read-only on The Things Stack, in one round trip: the key (valid, with the rights the library needs), the "
                    + "application, and the webhook on the tenant's cluster (URL, messages, paused, health). 200 with every "
                    + "check, passed or not, the cluster, application, key's last four and correlation ids; the result is "
                    + "stored and shown by the status. 404 not-configured for a tenant with no application key.",
                EndpointConventions.RunProblems);

    private static async Task<IResult> TestAsync(TenantCall call)
    {
        var result = await call.Service.TestConnectionAsync(call.Caller, call.Aborted).ConfigureAwait(false);
        if (result is { Test: { } test, Outcome: ProvisioningOutcome.Succeeded or ProvisioningOutcome.Failed })
        {
            var response = new ConnectionTestResponse
            {
                TenantId = result.TenantId,
                Test = ConnectionTestView.From(test)!,
                TtsRequestCount = result.TtsRequestCount,
            };
            return TypedResults.Json(response, EndpointJsonContext.Default.ConnectionTestResponse);
        }

        return OutcomeProblems.For(result, answer: null);
    }
}
