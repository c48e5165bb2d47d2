using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Ttn.Provisioning.Tests.Shared.OpenApi;

namespace Ttn.Provisioning.Testing.Tests;

/// <summary>Test helpers: a fake with an admin, a plain user, and an HttpClient per API key.</summary>
internal sealed class FakeTts : IAsyncDisposable
{
    public const string IsHost = "https://eu1.cloud.thethings.network";

    public FakeTts(FakeThingsStackOptions? options = null)
    {
        Stack = new FakeThingsStack(options);
        Stack.AddUser("root", isAdmin: true);
        Stack.AddUser("alice");
        AdminKey = Stack.CreateUserApiKey("root", "RIGHT_ALL");
        AliceKey = Stack.CreateUserApiKey("alice", "RIGHT_ALL");
    }

    public FakeThingsStack Stack { get; }

    public string AdminKey { get; }

    public string AliceKey { get; }

    /// <summary>Records every request a <see cref="Client"/> made with <c>validate: true</c> that breaks the swagger subset.</summary>
    public OpenApiRequestValidator Validator { get; } = OpenApiRequestValidator.Shared.CreateRecorder();

    /// <summary>A fake with TTN Cloud's layout: the IS on eu1, clusters eu1, nam1 and au1.</summary>
    public static FakeTts Cloud(Action<FakeThingsStackOptions>? configure = null)
    {
        var options = new FakeThingsStackOptions().UseTheThingsNetworkCloud();
        configure?.Invoke(options);
        return new FakeTts(options);
    }

    /// <summary>The base address of a TTN Cloud cluster host.</summary>
    public static string ClusterHost(string cluster) => $"https://{cluster}.cloud.thethings.network";

    /// <summary>
    /// An HttpClient for an API key, to a host (default the IS host), checking each request against the swagger subset when asked.
    /// </summary>
    public HttpClient Client(string? apiKey, string? host = null, bool validate = false)
    {
        var handler = Stack.CreateHandler();
        if (validate)
        {
            handler = new OpenApiValidatingHandler(Validator) { InnerHandler = handler };
        }
        var client = new HttpClient(handler) { BaseAddress = new Uri(host ?? IsHost) };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        }
        return client;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonObject> Body(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static async Task<string?> ErrorName(HttpResponseMessage response) =>
        (await Body(response))["details"]?[0]?["name"]?.GetValue<string>();

    public async Task CreateOrganizationAsync(string orgId, string? key = null, string? host = null)
    {
        using var client = Client(key ?? AliceKey, host);
        var response = await client.PostAsync("/api/v3/users/alice/organizations",
            Json($$"""{"organization":{"ids":{"organization_id":"{{orgId}}"},"name":"Org"} }"""));
        response.EnsureSuccessStatusCode();
    }

    public async Task CreateApplicationAsync(string orgId, string appId, string? key = null)
    {
        using var client = Client(key ?? AliceKey);
        var response = await client.PostAsync($"/api/v3/organizations/{orgId}/applications",
            Json($$"""{"application":{"ids":{"application_id":"{{appId}}"},"name":"App"} }"""));
        response.EnsureSuccessStatusCode();
    }

    public async Task<string> CreateApplicationKeyAsync(string appId, params string[] rights)
    {
        using var client = Client(AliceKey);
        var response = await client.PostAsJsonAsync($"/api/v3/applications/{appId}/api-keys", new { name = "k", rights });
        response.EnsureSuccessStatusCode();
        return (await Body(response))["key"]!.GetValue<string>();
    }

    public async Task CreateDeviceAsync(string appId, string deviceId, string devEui)
    {
        using var client = Client(AliceKey);
        var response = await client.PostAsync($"/api/v3/applications/{appId}/devices", Json($$"""
            {"end_device":{"ids":{"device_id":"{{deviceId}}","dev_eui":"{{devEui}}","join_eui":"0000000000000000"} } }
            """));
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await Stack.DisposeAsync();
        Assert.Empty(Validator.Mismatches);
    }
}
