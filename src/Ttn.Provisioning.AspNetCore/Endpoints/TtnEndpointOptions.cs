using System.Security.Claims;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// Settings of the endpoints mapped by <c>MapTtnProvisioning</c>: the claims the default <see cref="ITtnCallerResolver"/>
/// reads, the rate-limiter policy of the destructive endpoints, antiforgery, and the pace of CSV imports. Bound from
/// <c>Ttn:Endpoints</c> by <c>AddTtnProvisioning(configuration.GetSection("Ttn"))</c>, or set with
/// <c>services.Configure&lt;TtnEndpointOptions&gt;</c>.
/// </summary>
public sealed class TtnEndpointOptions
{
    /// <summary>The claim holding the caller's tenant id. Defaults to <c>ttn_tenant</c>.</summary>
    public string TenantClaimType { get; set; } = "ttn_tenant";

    /// <summary>The claim holding the caller's user id (recorded in audits). Defaults to <see cref="ClaimTypes.NameIdentifier"/>.</summary>
    public string UserIdClaimType { get; set; } = ClaimTypes.NameIdentifier;

    /// <summary>
    /// The claim holding the caller's role in the tenant: <c>Owner</c>, <c>Admin</c>, <c>Manager</c>, <c>Staff</c> or
    /// <c>Viewer</c> (any case). A missing, unknown or contradictory role is no role, which the role policy denies.
    /// Defaults to <c>ttn_role</c> (not <see cref="ClaimTypes.Role"/>, so the host's own roles are never taken for tenant roles).
    /// </summary>
    public string RoleClaimType { get; set; } = "ttn_role";

    /// <summary>
    /// The host's rate-limiter policy put on the destructive endpoints (start fresh, deep clean), or null for none. The
    /// policy must be registered with <c>AddRateLimiter</c> and the host must call <c>UseRateLimiter</c>. To limit every
    /// endpoint, call <c>RequireRateLimiting</c> on the group <c>MapTtnProvisioning</c> returns.
    /// </summary>
    public string? DestructiveRateLimiterPolicy { get; set; }

    /// <summary>
    /// Whether every POST and DELETE endpoint requires a valid antiforgery token (header <c>RequestVerificationToken</c> by default;
    /// 400 otherwise). Turn it on when browsers call the endpoints with cookie authentication: the host then calls
    /// <c>AddAntiforgery()</c> and sends the token from <c>IAntiforgery.GetAndStoreTokens</c> with each request. Defaults
    /// to false (bearer-token callers are not exposed to cross-site request forgery).
    /// </summary>
    public bool RequireAntiforgeryToken { get; set; }

    /// <summary>
    /// How many requests per second a CSV import through the import endpoint may send to The Things Stack, or null for no
    /// pacing (the default). Set it to your deployment's rate limit, as <c>DeviceImportOptions.MaxRequestsPerSecond</c>
    /// describes: an unpaced import runs into the limit and waits out each 429 answer. Must be positive and finite.
    /// </summary>
    public double? ImportMaxRequestsPerSecond { get; set; }

    /// <summary>
    /// How many devices a CSV import through the import endpoint registers at a time
    /// (<c>DeviceImportOptions.MaxConcurrency</c>): 1 to 64. Defaults to 8.
    /// </summary>
    public int ImportMaxConcurrency { get; set; } = 8;
}
