using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// <c>POST {prefix}/tenants/{tenant}/webhook-secret/rotate</c> and <c>POST …/organization-key/rotate</c> (owner and admin by
/// default). No body; each answers the last four characters of the new secret only.
/// </summary>
internal static class RotationEndpoints
{
    public static void Map(RouteGroupBuilder tenants)
    {
        tenants
            .MapPost(
                "/webhook-secret/rotate",
                static (string tenant, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, RotateWebhookSecretAsync))
            .Describe<WebhookSecretRotationResponse>(
                "TtnRotateWebhookSecret",
                "Replaces the webhook secret.",
                "Stored (pending) before it is sent to The Things Stack and promoted once accepted; the old secret stays valid "
                    + "through the grace period. Answers the new secret's last four characters only.",
                EndpointConventions.RunProblems);

        tenants
            .MapPost(
                "/organization-key/rotate",
                static (string tenant, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, RotateOrganizationKeyAsync))
            .Describe<OrganizationKeyRotationResponse>(
                "TtnRotateOrganizationKey",
                "Replaces the organization API key and revokes the old one.",
                "The new key is created and stored before the old one is revoked. Answers the new key's id and last four "
                    + "characters, and the ids of the keys revoked.",
                EndpointConventions.RunProblems);
    }

    private static async Task<IResult> RotateWebhookSecretAsync(TenantCall call) => TenantEndpoint.Answer(
        await call.Service.RotateWebhookSecretAsync(call.Caller, call.Aborted).ConfigureAwait(false),
        WebhookSecretRotationResponse.From,
        EndpointJsonContext.Default.WebhookSecretRotationResponse);

    private static async Task<IResult> RotateOrganizationKeyAsync(TenantCall call) => TenantEndpoint.Answer(
        await call.Service.RotateOrganizationKeyAsync(call.Caller, call.Aborted).ConfigureAwait(false),
        OrganizationKeyRotationResponse.From,
        EndpointJsonContext.Default.OrganizationKeyRotationResponse);
}
