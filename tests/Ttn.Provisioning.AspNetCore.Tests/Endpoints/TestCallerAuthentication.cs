using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ttn.Provisioning.AspNetCore.Tests.Endpoints;

/// <summary>
/// Test authentication: the header <c>X-Test-Caller: tenant;user;role</c> signs the request in with the claims the default
/// caller resolver reads. No header: anonymous.
/// </summary>
internal sealed class TestCallerAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestCaller";
    public const string Header = "X-Test-Caller";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var value) || value.ToString() is not { Length: > 0 } text)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var parts = text.Split(';');
        var claims = new List<Claim>();
        if (parts[0].Length > 0)
        {
            claims.Add(new Claim("ttn_tenant", parts[0]));
        }

        if (parts.Length > 1 && parts[1].Length > 0)
        {
            claims.Add(new Claim(ClaimTypes.NameIdentifier, parts[1]));
        }

        claims.AddRange(parts.Skip(2).Where(role => role.Length > 0).Select(role => new Claim("ttn_role", role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
