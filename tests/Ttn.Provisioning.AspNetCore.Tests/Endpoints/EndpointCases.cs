using System.Net.Http.Json;
using System.Text.Json;
using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.AspNetCore.Tests.Endpoints;

/// <summary>
/// Every endpoint MapTtnProvisioning maps, with what a request needs (state, body), who may call it under the default
/// role policy, and what its success looks like.
/// </summary>
internal sealed partial record EndpointCase(
    string Name,
    HttpMethod Method,
    string Route,
    string[] Allowed,
    Func<EndpointHost, Task<object?>> Arrange,
    Action<JsonElement> Succeeded,
    int SuccessStatus = 200)
{
    public static readonly string[] Everyone = ["Owner", "Admin", "Manager", "Staff", "Viewer"];
    public static readonly string[] Readers = ["Owner", "Admin", "Manager"];
    public static readonly string[] Changers = ["Owner", "Admin"];
    public static readonly string[] StaffUp = ["Owner", "Admin", "Manager", "Staff"];

    public static readonly EndpointCase[] All =
    [
        new("status", HttpMethod.Get, "status", Everyone, Provisioned, json =>
            Assert.Equal("Ready", json.GetProperty("state").GetString())),
        new("credentials", HttpMethod.Get, "credentials", Readers, Provisioned, json =>
        {
            Assert.Equal("stored", json.GetProperty("applicationApiKey").GetProperty("state").GetString());
            Assert.False(json.GetProperty("applicationApiKey").TryGetProperty("value", out _));
        }),
        new("reveal", HttpMethod.Post, "credentials/reveal", Readers, Provisioned, json =>
            Assert.Equal("revealed", json.GetProperty("applicationApiKey").GetProperty("state").GetString())),
        new("provision", HttpMethod.Post, "provision", Changers, Nothing, json =>
            Assert.True(json.GetProperty("isReady").GetBoolean())),
        new("retry", HttpMethod.Post, "retry", Changers, FailedProvisioning, json =>
            Assert.Equal("Ready", json.GetProperty("state").GetString())),
        new("start-fresh", HttpMethod.Post, "start-fresh", Changers, ProvisionedWith(new { confirm = EndpointHost.Tenant }), json =>
        {
            Assert.StartsWith("tp-app-acme-", json.GetProperty("newApplicationId").GetString(), StringComparison.Ordinal);
            Assert.True(json.GetProperty("provisioning").GetProperty("isReady").GetBoolean());
        }),
        new("deep-clean", HttpMethod.Post, "deep-clean", Changers, ProvisionedWith(new { confirm = EndpointHost.Tenant }), json =>
            Assert.True(json.GetProperty("report").GetProperty("isComplete").GetBoolean())),
        new("api-key-check", HttpMethod.Post, "api-key-check", Changers, ApplicationKeyOfTenant, json =>
            Assert.True(json.GetProperty("isSufficient").GetBoolean())),
        new("existing-application", HttpMethod.Post, "existing-application", Changers, BroughtApplication, json =>
            Assert.Equal("their-app", json.GetProperty("applicationId").GetString())),
        new("webhook-secret/rotate", HttpMethod.Post, "webhook-secret/rotate", Changers, Provisioned, json =>
            Assert.Equal(4, json.GetProperty("secretLastFour").GetString()!.Length)),
        new("organization-key/rotate", HttpMethod.Post, "organization-key/rotate", Changers, Provisioned, json =>
            Assert.Single(json.GetProperty("revokedKeyIds").EnumerateArray())),
        new("settings", HttpMethod.Post, "settings", Changers, ProvisionedWith(new { enabled = false }), json =>
            Assert.False(json.GetProperty("settings").GetProperty("enabled").GetBoolean())),
        new("connection-test", HttpMethod.Post, "connection-test", StaffUp, Provisioned, json =>
            Assert.True(json.GetProperty("test").GetProperty("passed").GetBoolean())),
        new("history", HttpMethod.Get, "history", Readers, Provisioned, json =>
            Assert.Equal("Provision", json.GetProperty("entries")[0].GetProperty("operation").GetString())),
        .. DeviceCases(),
    ];

    public string Path(string tenant = EndpointHost.Tenant) => $"/ttn/tenants/{tenant}/{Route}";

    public override string ToString() => Name;

    public static EndpointCase Named(string name) => All.Single(c => c.Name == name);

    private static Task<object?> Nothing(EndpointHost host) => Task.FromResult<object?>(null);

    private static async Task<object?> Provisioned(EndpointHost host)
    {
        await host.ProvisionAsync();
        return null;
    }

    private static Func<EndpointHost, Task<object?>> ProvisionedWith(object body) => async host =>
    {
        await host.ProvisionAsync();
        return body;
    };

    private static async Task<object?> FailedProvisioning(EndpointHost host)
    {
        host.Fake.Faults.Add(HttpMethod.Post, "applications/*/api-keys", FakeFault.Status(503), onCall: 1);
        var result = await host.Service.ProvisionAsync(EndpointHost.Owner());
        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        return null;
    }

    private static async Task<object?> ApplicationKeyOfTenant(EndpointHost host)
    {
        await host.ProvisionAsync();
        var credentials = (await host.Service.GetCredentialsAsync(EndpointHost.Owner())).Credentials!;
        return new { applicationId = credentials.ApplicationId, apiKey = credentials.ApplicationApiKey.Secret.Value };
    }

    private static async Task<object?> BroughtApplication(EndpointHost host)
    {
        using var http = await OtherAccountAsync(host);
        var created = await http.PostAsJsonAsync(
            "/api/v3/applications/their-app/api-keys", new { name = "brought", rights = new[] { "RIGHT_APPLICATION_ALL" } });
        var applicationKey = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
        host.Secrets.Add(SecretKind.Brought, applicationKey);
        return new { applicationId = "their-app", applicationApiKey = applicationKey };
    }

    /// <summary>
    /// Another account (<c>someone-else</c>) with its application <c>their-app</c>: a client of the fake acting as that account.
    /// </summary>
    public static async Task<HttpClient> OtherAccountAsync(EndpointHost host)
    {
        host.Fake.AddUser("someone-else");
        var key = host.Fake.CreateUserApiKey("someone-else", "RIGHT_ALL");
        host.Secrets.Add(SecretKind.Brought, key);
        var http = new HttpClient(host.Fake.CreateHandler()) { BaseAddress = EndpointHost.IdentityServer };
        http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        (await http.PostAsJsonAsync(
            "/api/v3/users/someone-else/applications",
            new { application = new { ids = new { application_id = "their-app" } } })).EnsureSuccessStatusCode();
        return http;
    }
}
