using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Ttn.Provisioning.AspNetCore.Tests.Messages;
using Ttn.Provisioning.AspNetCore.Webhooks;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.Webhooks;

namespace Ttn.Provisioning.AspNetCore.Tests.Webhooks;

/// <summary>
/// A host as an application would write it (AddTtnProvisioning, AddTtnWebhooks, a handler, MapTtnWebhooks) on the in-memory
/// TestServer, provisioning on a FakeThingsStack, on fake time, with fake logs at every level. Several hosts can share one
/// <see cref="Shared"/> world (the fake, the store, the key ring and the clock), as instances behind a load balancer do.
/// </summary>
internal sealed class WebhookTestHost : IAsyncDisposable
{
    public const string Prefix = "/ttn/webhook";
    private const string AdminUser = "ops-admin";

    private readonly WebApplication _app;
    private readonly bool _ownsWorld;
    private bool _disposed;

    private WebhookTestHost(WebApplication app, Shared world, bool ownsWorld)
    {
        _app = app;
        World = world;
        _ownsWorld = ownsWorld;
    }

    public Shared World { get; }

    public HttpClient Client => _app.GetTestClient();

    public TestServer Server => _app.GetTestServer();

    public IProvisioningService Service => _app.Services.GetRequiredService<IProvisioningService>();

    public WebhookVerifier Verifier => _app.Services.GetRequiredService<WebhookVerifier>();

    public HandledMessages Handled => _app.Services.GetRequiredService<HandledMessages>();

    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public FakeTimeProvider Time => World.Time;

    /// <summary>A host with a world of its own (disposed with it).</summary>
    public static Task<WebhookTestHost> StartAsync(
        Action<TtnWebhookOptions>? webhooks = null, Action<TtnProvisioningOptions>? provisioning = null) =>
        StartAsync(new Shared(), webhooks, provisioning, ownsWorld: true);

    /// <summary>One more host in a shared world (disposed with the world).</summary>
    public static Task<WebhookTestHost> StartAsync(
        Shared world, Action<TtnWebhookOptions>? webhooks = null, Action<TtnProvisioningOptions>? provisioning = null) =>
        StartAsync(world, webhooks, provisioning, ownsWorld: false);

    private static async Task<WebhookTestHost> StartAsync(
        Shared world, Action<TtnWebhookOptions>? webhooks, Action<TtnProvisioningOptions>? provisioning, bool ownsWorld)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        // Every level of the library's own logs (the sentinel reads them all); the framework's from warnings on (errors included).
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace)
            .AddFilter("Microsoft", LogLevel.Warning)
            .AddFilter("System", LogLevel.Warning);
        var services = builder.Services;
        services.AddFakeLogging();
        services.AddSingleton<TimeProvider>(world.Time);
        services.AddTtnProvisioning(o =>
            {
                o.ThingsStack.IdentityServerUri = new Uri("https://eu1.cloud.thethings.network");
                o.ThingsStack.Clusters["nam1"] = new Uri("https://nam1.cloud.thethings.network");
                o.ThingsStack.MaxRetryAttempts = 0;
                o.AdminApiKey = world.AdminKey;
                o.WebhookBaseUrl = new Uri("https://saas.example.com" + Prefix);
                o.Secrets.Keys.Add(new SecretKeyOptions { Id = "test", Key = Shared.SecretKey });
                o.Secrets.PrimaryKeyId = "test";
                provisioning?.Invoke(o);
            })
            .ConfigureHttpClient(http => http.ConfigurePrimaryHttpMessageHandler(() => world.Fake.CreateHandler()));
        services.AddSingleton<ICredentialStore>(world.Store);
        services.AddSingleton<HandledMessages>();
        services.AddTtnWebhooks(webhooks).AddTtnMessageHandler<RecordingHandler>();

        var app = builder.Build();
        app.MapTtnWebhooks(Prefix);
        await app.StartAsync();
        var host = new WebhookTestHost(app, world, ownsWorld);
        world.Hosts.Add(host);
        return host;
    }

    /// <summary>Provisions the tenant through this host and returns its webhook secret and application id.</summary>
    public async Task<(string Secret, string ApplicationId)> ProvisionAsync(string tenantId = "acme")
    {
        var result = await Service.ProvisionAsync(Owner(tenantId));
        Assert.True(result.IsReady, result.ToString());
        return (await SecretAsync(tenantId), result.ApplicationId!);
    }

    /// <summary>The tenant's webhook secret in force, as the credentials read shows it.</summary>
    public async Task<string> SecretAsync(string tenantId = "acme") =>
        (await Service.GetCredentialsAsync(Owner(tenantId))).Credentials!.WebhookSecret.Secret.Value!;

    public static ProvisioningCaller Owner(string tenantId = "acme") => new(tenantId, "user-1", TenantRole.Owner);

    /// <summary>Posts a body as The Things Stack would, with the secret header (left out when null) and any other headers.</summary>
    public async Task<HttpResponseMessage> PostAsync(
        string tenantId,
        byte[] body,
        string? secret,
        string? contentType = "application/json",
        params (string Name, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{Prefix}/{Uri.EscapeDataString(tenantId)}")
        {
            Content = new ByteArrayContent(body),
        };
        if (contentType is not null)
        {
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        if (secret is not null)
        {
            request.Headers.TryAddWithoutValidation("X-Webhook-Secret", secret);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostAsync(string tenantId, string body, string? secret) =>
        PostAsync(tenantId, Encoding.UTF8.GetBytes(body), secret);

    /// <summary>A test body with its <c>application_id</c> set to the tenant's, as TTS would send it for the tenant's webhook.</summary>
    public static string BodyFor(string file, string applicationId) => WithApplication(TestBodies.Text(file), applicationId);

    public static string WithApplication(string json, string applicationId)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node["end_device_ids"]!["application_ids"] = new JsonObject { ["application_id"] = applicationId };
        return node.ToJsonString();
    }

    public Task StopAsync() => _app.StopAsync();

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _app.DisposeAsync();
        if (_ownsWorld)
        {
            await World.DisposeAsync();
        }
    }

    /// <summary>What hosts share: The Things Stack (fake), the store, the key ring and the clock.</summary>
    internal sealed class Shared : IAsyncDisposable
    {
        public Shared()
        {
            Fake = new FakeThingsStack(new FakeThingsStackOptions
            {
                TimeProvider = Time,
                WebhookDeliveryHandler = () => (DeliverTo ?? Hosts[0]).Server.CreateHandler(),
            });
            Fake.AddUser(AdminUser);
            AdminKey = Fake.CreateUserApiKey(AdminUser, "RIGHT_ALL");
        }

        public static string SecretKey { get; } = SecretProtectionOptions.GenerateKey();

        public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

        public FakeThingsStack Fake { get; }

        public string AdminKey { get; }

        public InMemoryCredentialStore Store { get; } = new();

        public List<WebhookTestHost> Hosts { get; } = [];

        /// <summary>The host the fake delivers webhooks to (default: the first one started).</summary>
        public WebhookTestHost? DeliverTo { get; set; }

        public async ValueTask DisposeAsync()
        {
            foreach (var host in Hosts)
            {
                await host.DisposeAsync();
            }

            await Fake.DisposeAsync();
        }
    }
}
