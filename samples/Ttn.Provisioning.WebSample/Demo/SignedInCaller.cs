using System.Security.Claims;
using Ttn.Provisioning.AspNetCore.Endpoints;
using Ttn.Provisioning.Authorization;

namespace Ttn.Provisioning.WebSample.Demo;

/// <summary>
/// The <see cref="ProvisioningCaller"/> of the signed-in user, read from the same claims (and claim types) as the endpoints'
/// default caller resolver, so the pages and <c>/ttn</c> act for the same caller. An unknown role reads as
/// <see cref="TenantRole.None"/>, which the library's policy denies.
/// </summary>
public static class SignedInCaller
{
    /// <summary>The caller, or null when nobody is signed in.</summary>
    public static ProvisioningCaller? Of(ClaimsPrincipal user, TtnEndpointOptions claims)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(claims);
        if (user.Identity?.IsAuthenticated != true || user.FindFirst(claims.UserIdClaimType)?.Value is not { Length: > 0 } userId)
        {
            return null;
        }

        var tenant = user.FindFirst(claims.TenantClaimType)?.Value ?? "";
        var role = Enum.TryParse<TenantRole>(user.FindFirst(claims.RoleClaimType)?.Value, ignoreCase: true, out var parsed)
            && Enum.IsDefined(parsed) ? parsed : TenantRole.None;
        return new ProvisioningCaller(tenant, userId, role);
    }
}
