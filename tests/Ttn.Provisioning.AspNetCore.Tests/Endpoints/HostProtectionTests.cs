using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Ttn.Provisioning.AspNetCore.Endpoints;

namespace Ttn.Provisioning.AspNetCore.Tests.Endpoints;

/// <summary>What a host turns on: antiforgery for cookie-authenticated browsers, a rate-limiter policy on destructive endpoints.</summary>
public sealed class HostProtectionTests
{
    [Fact]
    public async Task With_antiforgery_required_a_post_without_a_valid_token_is_400_and_one_with_it_runs()
    {
        await using var host = await EndpointHost.StartAsync(
            services: s => s.AddAntiforgery().Configure<TtnEndpointOptions>(o => o.RequireAntiforgeryToken = true),
            app: a => a.MapGet("/token", (IAntiforgery antiforgery, HttpContext http) => antiforgery.GetAndStoreTokens(http).RequestToken));

        var forged = await host.SendAsync(HttpMethod.Post, "/ttn/tenants/acme/provision", "Owner");
        var read = await host.SendAsync(HttpMethod.Get, "/ttn/tenants/acme/status", "Owner");
        using var tokenRequest = new HttpRequestMessage(HttpMethod.Get, "/token");
        tokenRequest.Headers.Add(TestCallerAuthentication.Header, "acme;user-owner;Owner");
        using var tokenResponse = await host.Client.SendAsync(tokenRequest);
        var token = await tokenResponse.Content.ReadAsStringAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ttn/tenants/acme/provision");
        request.Headers.Add(TestCallerAuthentication.Header, "acme;user-owner;Owner");
        request.Headers.Add("Cookie", tokenResponse.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        request.Headers.Add("RequestVerificationToken", token);
        using var genuine = await host.Client.SendAsync(request);

        Assert.Equal(400, forged.Status);
        Assert.Equal("antiforgery", forged.Text("reasonCode"));
        Assert.Equal(200, read.Status);
        Assert.Equal(200, (int)genuine.StatusCode);
    }

    [Fact]
    public async Task With_antiforgery_required_a_delete_and_an_import_without_a_token_are_400_and_change_nothing()
    {
        await using var host = await EndpointHost.StartAsync(
            services: s => s.AddAntiforgery().Configure<TtnEndpointOptions>(o => o.RequireAntiforgeryToken = true));
        await host.ProvisionAsync();
        await host.Devices.RegisterDeviceAsync(EndpointHost.Owner(), EndpointCase.Device(1));
        host.Fake.Journal.Clear();

        var delete = await host.SendAsync(HttpMethod.Delete, "/ttn/tenants/acme/devices/sensor-1", "Owner");
        var csv = new CsvFile(EndpointCase.Csv(1, 2));
        var import = await host.SendAsync(HttpMethod.Post, "/ttn/tenants/acme/devices/import", "Owner", csv);

        Assert.Equal(("antiforgery", "antiforgery"), (delete.Text("reasonCode"), import.Text("reasonCode")));
        Assert.Equal((400, 400), (delete.Status, import.Status));
        Assert.Empty(host.Fake.Journal.Entries);
        Assert.Single(host.Fake.EndDevices);
    }

    [Fact]
    public async Task The_destructive_rate_limiter_policy_limits_start_fresh_and_deep_clean_only()
    {
        await using var host = await EndpointHost.StartAsync(
            services: s => s
                .Configure<TtnEndpointOptions>(o => o.DestructiveRateLimiterPolicy = "destructive")
                .AddRateLimiter(o =>
                {
                    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                    o.AddFixedWindowLimiter("destructive", w => { w.PermitLimit = 1; w.Window = TimeSpan.FromHours(1); w.QueueLimit = 0; });
                }),
            app: a => a.UseRateLimiter());
        await host.ProvisionAsync();
        var confirm = new { confirm = EndpointHost.Tenant };

        var first = await host.SendAsync(HttpMethod.Post, "/ttn/tenants/acme/deep-clean", "Owner", confirm);
        var second = await host.SendAsync(HttpMethod.Post, "/ttn/tenants/acme/start-fresh", "Owner", confirm);
        var provision = await host.SendAsync(HttpMethod.Post, "/ttn/tenants/acme/provision", "Owner");
        var again = await host.SendAsync(HttpMethod.Post, "/ttn/tenants/acme/provision", "Owner");

        Assert.Equal(200, first.Status);
        Assert.Equal(429, second.Status);
        Assert.Equal(200, provision.Status);
        Assert.Equal(200, again.Status);
    }
}
