using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// <c>GET {prefix}/tenants/{tenant}/history?limit=50&amp;pageToken=…</c> (owner, admin and manager by default): what
/// happened to the tenant, newest first, a page at a time. Never a secret.
/// </summary>
internal static class HistoryEndpoint
{
    public static void Map(RouteGroupBuilder tenants) =>
        tenants
            .MapGet(
                "/history",
                static (string tenant, [FromQuery] string? limit, [FromQuery] string? pageToken, HttpContext http) =>
                    TenantEndpoint.RunAsync(http, tenant, call => ReadAsync(call, limit, pageToken)))
            .Describe<HistoryResponse>(
                "TtnGetHistory",
                "Reads what happened to the tenant, newest first.",
                "One entry per operation that changed, tested or revealed the tenant: when, which operation, who (user and "
                    + "role), how it ended, the failed step, TTS's error name and correlation id, the TTS requests and the "
                    + "duration. limit is 1 to 100 (default 50); pass nextPageToken as pageToken for the next, older page. "
                    + "Makes no request to The Things Stack.",
                EndpointConventions.ReadProblems);

    private static async Task<IResult> ReadAsync(TenantCall call, string? limitText, string? pageToken)
    {
        var limit = 50;
        if (limitText is not null && !int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit))
        {
            return TtnProblem.InvalidRequest("invalid-request", "limit", "\"limit\" must be a whole number from 1 to 100.");
        }

        return TenantEndpoint.Answer(
            await call.Service.GetHistoryAsync(call.Caller, limit, pageToken, call.Aborted).ConfigureAwait(false),
            HistoryResponse.From,
            EndpointJsonContext.Default.HistoryResponse);
    }
}
