using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ttn.Provisioning.AspNetCore.Endpoints.Contracts;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// <c>POST {prefix}/tenants/{tenant}/settings</c> (owner and admin by default): enables or disables the tenant and chooses
/// the webhook messages TTS sends, body <c>{"enabled":false,"messages":["Uplink","JoinAccept"]}</c> (each value optional).
/// </summary>
internal static class SettingsEndpoint
{
    private const string Example = "{\"enabled\":true,\"messages\":[\"Uplink\",\"JoinAccept\"]}";

    public static void Map(RouteGroupBuilder tenants) =>
        tenants
            .MapPost("/settings", static (string tenant, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, UpdateAsync))
            .AcceptsJson<SettingsRequest>()
            .Describe<SettingsResponse>(
                "TtnUpdateSettings",
                "Changes the tenant's settings: enabled, and which webhook messages The Things Stack sends.",
                "Each value given is changed, each left out kept. Disabling pauses the tenant's webhook on The Things Stack, and "
                    + "operations that would create resources then answer 409 tenant-disabled; enabling unpauses it. Messages "
                    + "are WebhookMessageTypes names (Uplink, NormalizedUplink, JoinAccept, DownlinkAck, DownlinkNack, "
                    + "DownlinkSent, DownlinkFailed, DownlinkQueued, DownlinkQueueInvalidated, LocationSolved, ServiceData, or "
                    + "All), at least one. Sent in one masked request; when The Things Stack does not confirm it, the settings stay "
                    + "stored and pending (502, with them in \"result\"), and asking again or a retry sends them.",
                EndpointConventions.BodyProblems);

    private static async Task<IResult> UpdateAsync(TenantCall call)
    {
        var json = EndpointJsonContext.Default;
        var (body, problem) = await RequestBody.ReadAsync(call.Http, json.SettingsRequest, Example).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        WebhookMessageTypes? messages = null;
        if (body!.Messages is { } names)
        {
            var (selection, refusal) = Parse(names);
            if (refusal is not null)
            {
                return refusal;
            }

            messages = selection;
        }

        var update = new TenantSettingsUpdate { Enabled = body.Enabled, Messages = messages };
        return TenantEndpoint.Answer(
            await call.Service.UpdateSettingsAsync(call.Caller, update, call.Aborted).ConfigureAwait(false),
            SettingsResponse.From,
            json.SettingsResponse);
    }

    /// <summary>The selection the names make: names of kinds, or <c>All</c> (no numbers, no lists in one name, not <c>None</c>).</summary>
    private static (WebhookMessageTypes Selection, TtnProblem? Refusal) Parse(IReadOnlyList<string> names)
    {
        var selection = WebhookMessageTypes.None;
        foreach (var name in names)
        {
            var known = name is { Length: > 0 } && name.All(char.IsAsciiLetter)
                && Enum.TryParse<WebhookMessageTypes>(name, ignoreCase: true, out var kind)
                && kind != WebhookMessageTypes.None;
            if (!known)
            {
                return (selection, TtnProblem.InvalidRequest(
                    "invalid-request",
                    "messages",
                    $"\"messages\" holds a name that is not a kind of webhook message; the kinds are "
                        + $"{string.Join(", ", SettingsView.MessageNames(WebhookMessageTypes.All))}."));
            }

            selection |= Enum.Parse<WebhookMessageTypes>(name, ignoreCase: true);
        }

        return (selection, null);
    }
}
