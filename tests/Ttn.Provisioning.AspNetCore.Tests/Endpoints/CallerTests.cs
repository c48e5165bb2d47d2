using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Ttn.Provisioning.AspNetCore.Endpoints;
using Ttn.Provisioning.Authorization;

namespace Ttn.Provisioning.AspNetCore.Tests.Endpoints;

/// <summary>Who calls: unauthenticated, another tenant in the URL, unknown or contradictory roles, a host's own resolver.</summary>
public sealed class CallerTests
{
    [Fact]
    public async Task An_unauthenticated_request_is_401_and_runs_no_operation()
    {
        await using var host = await EndpointHost.StartAsync();

        var answer = await host.SendAsync(HttpMethod.Post, "/ttn/tenants/acme/provision", role: null);

        Assert.Equal(401, answer.Status);
        Assert.Equal("unauthenticated", answer.Text("reasonCode"));
        Assert.Empty(host.Fake.Journal.Entries);
    }

    [Fact]
    public async Task A_group_the_host_secures_challenges_before_the_endpoint_runs()
    {
        await using var host = await EndpointHost.StartAsync(group: g => g.RequireAuthorization());

        var anonymous = await host.SendAsync(HttpMethod.Post, "/ttn/tenants/acme/provision", role: null);
        var owner = await host.SendAsync(HttpMethod.Get, "/ttn/tenants/acme/status", "Owner");

        Assert.Equal(401, anonymous.Status);
        Assert.Equal(200, owner.Status);
        Assert.Empty(host.Fake.Journal.Entries);
    }

    [Fact]
    public async Task A_url_naming_another_tenant_is_403_whether_or_not_that_tenant_exists()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync("globex");
        var requests = host.Fake.Journal.Entries.Count;

        var existing = await host.SendAsync(HttpMethod.Post, "/ttn/tenants/globex/deep-clean", "Owner", new { confirm = "globex" });
        var missing = await host.SendAsync(HttpMethod.Post, "/ttn/tenants/nobody/deep-clean", "Owner", new { confirm = "nobody" });

        Assert.Equal(403, existing.Status);
        Assert.Equal("tenant-mismatch", existing.Text("reasonCode"));
        Assert.Equal(existing.Json.GetProperty("detail").GetString(), missing.Json.GetProperty("detail").GetString());
        Assert.Equal(existing.Status, missing.Status);
        Assert.Equal(requests, host.Fake.Journal.Entries.Count);
        Assert.True((await host.Service.GetStatusAsync(EndpointHost.Owner("globex"))).Status!.State == Storage.ProvisioningState.Ready);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 6101 && r.Message.Contains("user-owner", StringComparison.Ordinal));
    }

    public static TheoryData<string> EveryEndpoint() => new(EndpointCase.All.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(EveryEndpoint))]
    public async Task Every_endpoint_refuses_a_url_naming_another_tenant_before_any_request(string endpoint)
    {
        var @case = EndpointCase.Named(endpoint);
        await using var host = await EndpointHost.StartAsync();
        var body = await @case.Arrange(host);
        await host.ProvisionAsync("globex");
        var requests = host.Fake.Journal.Entries.Count;

        var answer = await host.SendAsync(@case.Method, @case.Path("globex"), "Owner", body);

        Assert.True(answer.Status == 403, answer.ToString());
        Assert.Equal("tenant-mismatch", answer.Text("reasonCode"));
        Assert.Equal(requests, host.Fake.Journal.Entries.Count);
    }

    [Theory]
    [InlineData("Superuser")]
    [InlineData("Owner;Viewer")]
    [InlineData("1")]
    [InlineData("")]
    public async Task An_unknown_missing_or_contradictory_role_is_the_role_policys_deny(string roles)
    {
        await using var host = await EndpointHost.StartAsync();

        var answer = await host.SendAsync(HttpMethod.Get, "/ttn/tenants/acme/status", roles);

        Assert.Equal(403, answer.Status);
        Assert.Equal("denied", answer.Text("reasonCode"));
        Assert.Contains("no recognised role", answer.Text("detail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_principal_without_a_user_id_is_401()
    {
        await using var host = await EndpointHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ttn/tenants/acme/status");
        request.Headers.Add(TestCallerAuthentication.Header, "acme;;Owner");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(401, (int)response.StatusCode);
    }

    [Fact]
    public async Task The_claim_types_come_from_the_endpoint_options()
    {
        await using var host = await EndpointHost.StartAsync(services: s => s.Configure<TtnEndpointOptions>(o =>
        {
            o.TenantClaimType = ClaimTypes.NameIdentifier;
            o.UserIdClaimType = "ttn_tenant";
        }));

        // The header's tenant becomes the user id and its user id the tenant: only "user-owner" is a tenant now.
        var own = await host.SendAsync(HttpMethod.Get, "/ttn/tenants/user-owner/status", "Owner", tenant: "acme");
        var other = await host.SendAsync(HttpMethod.Get, "/ttn/tenants/acme/status", "Owner", tenant: "acme");

        Assert.Equal(200, own.Status);
        Assert.Equal(403, other.Status);
    }

    [Fact]
    public async Task A_host_resolver_replaces_the_default_with_one_registration_and_may_grant_another_tenant()
    {
        await using var host = await EndpointHost.StartAsync(services: s => s.AddSingleton<ITtnCallerResolver, SupportDeskResolver>());
        await host.ProvisionAsync("globex");

        var answer = await host.SendAsync(HttpMethod.Get, "/ttn/tenants/globex/status", "Viewer", tenant: "support");
        var changed = await host.SendAsync(HttpMethod.Post, "/ttn/tenants/globex/retry", "Viewer", tenant: "support");

        Assert.Equal(200, answer.Status);
        Assert.Equal("globex", answer.Text("tenantId"));
        Assert.Equal(403, changed.Status);
        Assert.Equal("denied", changed.Text("reasonCode"));
    }

    /// <summary>Support staff (tenant "support") may read any tenant as a viewer; everyone else is resolved from claims.</summary>
    private sealed class SupportDeskResolver : ITtnCallerResolver
    {
        public ValueTask<ProvisioningCaller?> ResolveAsync(HttpContext context, string tenantId, CancellationToken cancellationToken)
        {
            var user = context.User;
            var userId = user.FindFirst(ClaimTypes.NameIdentifier)?.Value;
            return ValueTask.FromResult<ProvisioningCaller?>(user.FindFirst("ttn_tenant")?.Value == "support" && userId is not null
                ? new ProvisioningCaller(tenantId, userId, TenantRole.Viewer)
                : null);
        }
    }
}
