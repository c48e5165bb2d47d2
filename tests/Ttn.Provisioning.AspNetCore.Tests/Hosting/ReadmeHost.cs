using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ttn.Provisioning.AspNetCore.Tests.Hosting;

/// <summary>
/// A host wired as the README's ASP.NET Core block wires one (that block itself compiles, verbatim, in
/// tests/Ttn.Provisioning.ReadmeSnippets), started here with the test's configuration: registration from the "Ttn"
/// section with the device services, cookie authentication, the endpoints behind authorization, and health checks. The
/// webhook receiver has its own tests and is left out.
/// </summary>
internal static class ReadmeHost
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder> forTests)
    {
        var builder = WebApplication.CreateBuilder(args);
        forTests(builder);

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        builder.Services.AddAuthorization();
        builder.Services.AddProblemDetails();
        builder.Services.AddAntiforgery();
        builder.Services.AddTtnProvisioning(builder.Configuration.GetSection("Ttn"))   // keys from user secrets or a vault
            .AddDevices();
        builder.Services.AddHealthChecks().AddTtnProvisioning();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapTtnProvisioning("/ttn").RequireAuthorization();   // with cookies: Ttn:Endpoints:RequireAntiforgeryToken=true
        app.MapHealthChecks("/health/ready");
        app.MapGet("/", () => Results.Text("TTN provisioning host"));
        return app;
    }
}
