using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Ttn.Provisioning.AspNetCore.Endpoints;
using Ttn.Provisioning.Authorization;

namespace Ttn.Provisioning.WebSample.Demo;

/// <summary>One demo user: a user id, a display name, and a role in one demo tenant.</summary>
public sealed record DemoUser(string UserId, string Name, string TenantId, TenantRole Role)
{
    /// <summary>What the sign-in list shows.</summary>
    public string Label => $"{Name} ({Role.ToString().ToLowerInvariant()} of {TenantId})";
}

/// <summary>
/// SAMPLE ONLY: the users of two demo tenants in every role, signed in without a password. A real host signs its users in
/// with its own authentication and gives them the same three claims (tenant, user id, role) that the endpoints' default
/// caller resolver reads.
/// </summary>
public static class DemoUsers
{
    /// <summary>The demo tenants.</summary>
    public static readonly IReadOnlyList<string> Tenants = ["acme", "globex"];

    private static readonly (TenantRole Role, string Acme, string Globex)[] People =
    [
        (TenantRole.Owner, "Olivia", "Oscar"),
        (TenantRole.Admin, "Adam", "Ada"),
        (TenantRole.Manager, "Maria", "Max"),
        (TenantRole.Staff, "Sam", "Sofia"),
        (TenantRole.Viewer, "Victor", "Vera"),
    ];

    /// <summary>Every demo user: each tenant in each role.</summary>
    public static IReadOnlyList<DemoUser> All { get; } =
    [
        .. People.Select(p => new DemoUser($"acme-{Lower(p.Role)}", p.Acme, "acme", p.Role)),
        .. People.Select(p => new DemoUser($"globex-{Lower(p.Role)}", p.Globex, "globex", p.Role)),
    ];

    /// <summary>The demo user with this id, or null.</summary>
    public static DemoUser? Find(string? userId) => All.FirstOrDefault(u => string.Equals(u.UserId, userId, StringComparison.Ordinal));

    /// <summary>The signed-in principal of a demo user, with the claim types the endpoints' caller resolver reads.</summary>
    public static ClaimsPrincipal Principal(DemoUser user, TtnEndpointOptions claims)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(claims);
        var identity = new ClaimsIdentity(
            [
                new Claim(claims.UserIdClaimType, user.UserId),
                new Claim(ClaimTypes.Name, user.Name),
                new Claim(claims.TenantClaimType, user.TenantId),
                new Claim(claims.RoleClaimType, Lower(user.Role)),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return new ClaimsPrincipal(identity);
    }

    private static string Lower(TenantRole role) => role.ToString().ToLowerInvariant();
}
