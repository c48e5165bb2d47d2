using Microsoft.AspNetCore.Http;
using Ttn.Provisioning.Authorization;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// The default <see cref="ITtnCallerResolver"/>: the tenant, user id and role claims of the authenticated principal
/// (<see cref="TtnEndpointOptions"/>). One tenant per principal; a user who belongs to several tenants needs a resolver
/// that looks the role up for the tenant in the URL.
/// </summary>
internal sealed class ClaimsCallerResolver(TtnEndpointOptions options) : ITtnCallerResolver
{
    public ValueTask<ProvisioningCaller?> ResolveAsync(HttpContext context, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || user.FindFirst(options.UserIdClaimType)?.Value is not { Length: > 0 } userId)
        {
            return ValueTask.FromResult<ProvisioningCaller?>(null);
        }

        var tenant = user.FindFirst(options.TenantClaimType)?.Value ?? string.Empty;
        var role = ReadRole(user.FindAll(options.RoleClaimType));
        return ValueTask.FromResult<ProvisioningCaller?>(new ProvisioningCaller(tenant, userId, role));
    }

    /// <summary>The one role named by the claims; none, an unknown name or two different roles is no role (denied).</summary>
    private static TenantRole ReadRole(IEnumerable<System.Security.Claims.Claim> claims)
    {
        TenantRole? role = null;
        foreach (var claim in claims)
        {
            if (!Enum.TryParse<TenantRole>(claim.Value, ignoreCase: true, out var parsed)
                || !Enum.IsDefined(parsed)
                || int.TryParse(claim.Value, out _)
                || (role is { } seen && seen != parsed))
            {
                return TenantRole.None;
            }

            role = parsed;
        }

        return role ?? TenantRole.None;
    }
}
