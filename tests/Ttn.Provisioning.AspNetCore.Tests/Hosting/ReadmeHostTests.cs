using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.AspNetCore.Endpoints;
using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.AspNetCore.Tests.Hosting;

/// <summary>
/// The README's host starts from configuration alone (its options validated at start) and keeps the endpoints behind sign-in.
/// </summary>
public sealed class ReadmeHostTests
{
    [Fact]
    public async Task The_readme_host_starts_from_configuration_and_sends_anonymous_callers_to_sign_in()
    {
        await using var app = ReadmeHost.Build([], builder =>
        {
            builder.WebHost.UseTestServer();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Ttn:AdminApiKey"] = "NNSXS.READMEHOSTADMINKEY000000000000000000000.READMEHOSTSECRET",
                ["Ttn:WebhookBaseUrl"] = "https://saas.example.com/ttn/webhook",
                ["Ttn:ThingsStack:IdentityServerUri"] = "https://eu1.cloud.thethings.network",
                ["Ttn:Secrets:PrimaryKeyId"] = "2026-11",
                ["Ttn:Secrets:Keys:0:Id"] = "2026-11",
                ["Ttn:Secrets:Keys:0:Key"] = SecretProtectionOptions.GenerateKey(),
                ["Ttn:Endpoints:RequireAntiforgeryToken"] = "true",
            });
        });
        await app.StartAsync();
        using var client = app.GetTestClient();

        using var status = await client.GetAsync("/ttn/tenants/acme/status");

        Assert.Equal(302, (int)status.StatusCode);
        Assert.StartsWith("/Account/Login", status.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
        Assert.True(app.Services.GetRequiredService<IOptions<TtnEndpointOptions>>().Value.RequireAntiforgeryToken);
        await app.StopAsync();
    }
}
