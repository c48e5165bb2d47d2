using Microsoft.AspNetCore.Http;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// Turns an HTTP request into the <see cref="ProvisioningCaller"/> the provisioning endpoints act for. The default reads
/// claims (<see cref="TtnEndpointOptions"/>); a host replaces it with one registration, for example
/// <c>services.AddScoped&lt;ITtnCallerResolver, MembershipCallerResolver&gt;()</c>.
/// </summary>
/// <remarks>
/// The endpoints answer 401 when the resolver returns null, and 403 (<c>tenant-mismatch</c>) when it returns a caller
/// whose <see cref="ProvisioningCaller.TenantId"/> is not the tenant in the URL: a resolver grants access to another
/// tenant only by returning a caller for that tenant (for example for support staff). A caller whose role is
/// <see cref="Authorization.TenantRole.None"/> is refused by the role policy (403 with its reason).
/// </remarks>
public interface ITtnCallerResolver
{
    /// <summary>Resolves who is calling.</summary>
    /// <param name="context">The request; its <see cref="HttpContext.User"/> is already authenticated (or anonymous).</param>
    /// <param name="tenantId">The tenant named in the URL, so a resolver can look up the user's role in that tenant.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The caller, or null when the request is not authenticated (or names no user).</returns>
    ValueTask<ProvisioningCaller?> ResolveAsync(HttpContext context, string tenantId, CancellationToken cancellationToken);
}
