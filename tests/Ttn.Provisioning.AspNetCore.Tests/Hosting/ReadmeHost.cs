using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Ttn.Provisioning.AspNetCore.Tests.Hosting;

/// <summary>
/// The README's minimal host, line for line (the README's Program.cs is this method's body as top-level statements), so the
/// README cannot drift from code that compiles and starts. The webhook receiver's lines (MapTtnWebhooks and its handler)
/// belong to another part of the package and are left out here.
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
