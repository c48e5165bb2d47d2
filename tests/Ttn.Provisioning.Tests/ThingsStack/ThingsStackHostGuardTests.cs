using Microsoft.Extensions.Options;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Tests.ThingsStack;

public sealed class ThingsStackHostGuardTests
{
    [Fact]
    public async Task A_request_for_an_unconfigured_host_fails_before_anything_is_sent()
    {
        using var host = new ThingsStackTestHost();
        using var http = host.CreateNamedHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://evil.example.com/api/v3/auth_info");
        request.Headers.Authorization = new("Bearer", ThingsStackTestHost.AdminKey);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => http.SendAsync(request));

        Assert.Contains("evil.example.com", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("NNSXS", ex.Message, StringComparison.Ordinal);
        Assert.Empty(host.Stub.Requests);
    }

    [Theory]
    [InlineData("https://eu1.cloud.thethings.network:8443/api/v3/auth_info", "another port of the Identity Server")]
    [InlineData("https://nam1.cloud.thethings.network:444/api/v3/as/webhooks/app-1", "another port of the cluster")]
    [InlineData("https://eu1.cloud.thethings.network/oauth/token", "a path outside /api/v3")]
    [InlineData("https://eu1.cloud.thethings.network/api/v2/auth_info", "another API version")]
    [InlineData("https://nam1.cloud.thethings.network/api/v30/as/webhooks", "a path that only starts like /api/v3")]
    public async Task A_request_to_another_port_or_path_of_a_configured_host_fails_before_anything_is_sent(string address, string what)
    {
        using var host = new ThingsStackTestHost();
        using var http = host.CreateNamedHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Authorization = new("Bearer", ThingsStackTestHost.AdminKey);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => http.SendAsync(request));

        const string foreign = "neither the configured Identity Server nor a configured cluster";
        Assert.True(ex.Message.Contains(foreign, StringComparison.Ordinal), what);
        Assert.Empty(host.Stub.Requests);
    }

    [Fact]
    public async Task A_configured_base_path_keeps_requests_under_its_own_api_prefix()
    {
        using var host = new ThingsStackTestHost(o => o.IdentityServerUri = new Uri("https://tts.example.com/tenant-a"));
        using var http = host.CreateNamedHttpClient();

        var otherBase = new Uri("https://tts.example.com/tenant-b/api/v3/auth_info");
        var noBase = new Uri("https://tts.example.com/api/v3/auth_info");
        await Assert.ThrowsAsync<InvalidOperationException>(() => http.GetAsync(otherBase));
        await Assert.ThrowsAsync<InvalidOperationException>(() => http.GetAsync(noBase));
        Assert.Empty(host.Stub.Requests);
        var endpoints = new ThingsStackEndpoints(new ThingsStackOptions { IdentityServerUri = new Uri("https://tts.example.com/tenant-a") });
        endpoints.EnsureAllowed(new Uri("https://tts.example.com/tenant-a/api/v3/auth_info"));
    }

    [Fact]
    public async Task Plain_http_to_a_configured_host_that_is_not_loopback_fails_before_anything_is_sent()
    {
        using var host = new ThingsStackTestHost();
        using var http = host.CreateNamedHttpClient();

        await Assert.ThrowsAsync<InvalidOperationException>(() => http.GetAsync(new Uri("http://eu1.cloud.thethings.network/api/v3/auth_info")));

        Assert.Empty(host.Stub.Requests);
    }

    [Fact]
    public async Task Configuring_plain_http_for_a_non_loopback_host_fails_before_anything_is_sent()
    {
        using var host = new ThingsStackTestHost(o => o.Clusters["nam1"] = new Uri("http://nam1.cloud.thethings.network"));

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Client.GetAuthInfoAsync(ThingsStackTestHost.AdminKey));

        Assert.Contains("loopback", ex.Message, StringComparison.Ordinal);
        Assert.Empty(host.Stub.Requests);
    }

    [Theory]
    [InlineData("http://localhost:1885")]
    [InlineData("http://127.0.0.1:1885")]
    [InlineData("http://127.10.0.1")]
    [InlineData("http://[::1]:1885")]
    public async Task Plain_http_is_allowed_for_loopback_addresses(string address)
    {
        using var host = new ThingsStackTestHost(o => o.IdentityServerUri = o.Clusters["nam1"] = new Uri(address));
        host.Stub.Enqueue(System.Net.HttpStatusCode.OK, "{}");

        await host.Client.GetAuthInfoAsync(ThingsStackTestHost.AdminKey);

        Assert.StartsWith(address.TrimEnd('/'), Assert.Single(host.Stub.Requests).Uri.ToString(), StringComparison.Ordinal);
    }
}
