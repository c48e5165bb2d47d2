using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Gateways;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.AspNetCore.Tests.Endpoints;

/// <summary>
/// A real WebApplication on the TestServer: test authentication from a header, problem details, AddTtnProvisioning against a
/// FakeThingsStack on fake time, every log kept (FakeLogger), and every secret that crosses the wire to TTS collected.
/// </summary>
internal sealed partial class EndpointHost : IAsyncDisposable
{
    public const string Tenant = "acme";
    public const string AdminUser = "ops-admin";
    public static readonly Uri IdentityServer = new("https://eu1.cloud.thethings.network");

    private readonly WebApplication _app;

    private EndpointHost(WebApplication app, FakeThingsStack fake, FakeTimeProvider time, string adminKey, SecretHarvest secrets)
    {
        _app = app;
        Fake = fake;
        Time = time;
        AdminKey = adminKey;
        Secrets = secrets;
        Client = app.GetTestClient();
    }

    public FakeThingsStack Fake { get; }

    public FakeTimeProvider Time { get; }

    public string AdminKey { get; }

    /// <summary>Every secret seen on the wire to TTS, by kind.</summary>
    public SecretHarvest Secrets { get; }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public IProvisioningService Service => Services.GetRequiredService<IProvisioningService>();

    public IDeviceService Devices => Services.GetRequiredService<IDeviceService>();

    public IGatewayService Gateways => Services.GetRequiredService<IGatewayService>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public static async Task<EndpointHost> StartAsync(
        Action<IServiceCollection>? services = null,
        Action<RouteGroupBuilder>? group = null,
        Action<TtnProvisioningOptions>? configure = null,
        Action<WebApplication>? app = null,
        string[]? adminRights = null,
        bool theThingsNetworkCloud = false,
        bool devices = true,
        Action<TtnDeviceOptions>? deviceOptions = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
        var fakeOptions = new FakeThingsStackOptions { TimeProvider = time };
        var fake = new FakeThingsStack(theThingsNetworkCloud ? fakeOptions.UseTheThingsNetworkCloud() : fakeOptions);
        fake.AddUser(AdminUser);
        var adminKey = fake.CreateUserApiKey(AdminUser, adminRights ?? ["RIGHT_ALL"]);
        var secrets = new SecretHarvest();
        secrets.Add(SecretKind.Admin, adminKey);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddFakeLogging();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddAuthentication(TestCallerAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestCallerAuthentication>(TestCallerAuthentication.SchemeName, null);
        builder.Services.AddAuthorization();
        builder.Services.AddProblemDetails();
        var provisioning = builder.Services.AddTtnProvisioning(o =>
            {
                o.ThingsStack.IdentityServerUri = IdentityServer;
                o.ThingsStack.MaxRetryAttempts = 0;
                if (theThingsNetworkCloud)
                {
                    o.ThingsStack.UseTheThingsNetworkCloud();
                }

                o.AdminApiKey = adminKey;
                o.WebhookBaseUrl = new Uri("https://saas.example.com/ttn/webhook");
                o.Secrets.Keys.Add(new SecretKeyOptions { Id = "test", Key = SecretProtectionOptions.GenerateKey() });
                o.Secrets.PrimaryKeyId = "test";
                configure?.Invoke(o);
            })
            .ConfigureHttpClient(http => http
                .AddHttpMessageHandler(() => new SecretHarvester(secrets))
                .ConfigurePrimaryHttpMessageHandler(() => fake.CreateHandler()));
        if (devices)
        {
            provisioning.AddDevices(deviceOptions);
        }

        services?.Invoke(builder.Services);

        var web = builder.Build();
        web.UseAuthentication();
        web.UseAuthorization();
        app?.Invoke(web);
        var endpoints = web.MapTtnProvisioning("/ttn");
        group?.Invoke(endpoints);
        await web.StartAsync();
        return new EndpointHost(web, fake, time, adminKey, secrets);
    }

    public static ProvisioningCaller Owner(string tenantId = Tenant) => new(tenantId, "setup-user", TenantRole.Owner);

    /// <summary>Provisions the tenant through the service (not the endpoints), for tests that need a Ready tenant.</summary>
    public async Task ProvisionAsync(string tenantId = Tenant)
    {
        var result = await Service.ProvisionAsync(Owner(tenantId));
        Assert.True(result.IsReady, result.ToString());
    }

    /// <summary>Sends a request as <paramref name="role"/> of <paramref name="tenant"/> (no role: anonymous).</summary>
    public async Task<Answer> SendAsync(
        HttpMethod method, string path, string? role, object? body = null, string tenant = Tenant, string? rawBody = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (role is not null)
        {
            request.Headers.Add(TestCallerAuthentication.Header, $"{tenant};user-{role.ToLowerInvariant()};{role}");
        }

        if (rawBody is not null || body is not null)
        {
            request.Content = body switch
            {
                CsvFile csv => new StringContent(csv.Text, Encoding.UTF8, "text/csv"),
                HttpContent content => content,
                _ => new StringContent(rawBody ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
            };
        }

        using var response = await Client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Answer(
            (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, text, response.Headers.CacheControl,
            response.Headers.Location);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await Fake.DisposeAsync();
    }

    /// <summary>Collects the secrets crossing the wire: bearer tokens, keys TTS answers with, webhook secrets sent.</summary>
    private sealed partial class SecretHarvester(SecretHarvest secrets) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.Authorization is AuthenticationHeaderValue { Parameter: { } token })
            {
                secrets.Add(SecretKind.Bearer, token);
            }

            if (request.Content is not null)
            {
                var body = await request.Content.ReadAsStringAsync(cancellationToken);
                foreach (Match match in WebhookSecretPattern().Matches(body))
                {
                    secrets.Add(SecretKind.WebhookSecret, match.Groups[1].Value);
                }
            }

            var response = await base.SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            var path = request.RequestUri!.AbsolutePath;
            var kind = path.Contains("/organizations/", StringComparison.Ordinal) ? SecretKind.OrganizationKey : SecretKind.ApplicationKey;
            foreach (Match match in ApiKeyPattern().Matches(answer))
            {
                secrets.Add(kind, match.Value);
            }

            return response;
        }

        [GeneratedRegex("NNSXS\\.[A-Z0-9]+\\.[A-Z0-9]+")]
        private static partial Regex ApiKeyPattern();

        [GeneratedRegex("\"X-Webhook-Secret\"\\s*:\\s*\"([^\"]+)\"")]
        private static partial Regex WebhookSecretPattern();
    }
}

/// <summary>A body sent as <c>text/csv</c>.</summary>
internal sealed record CsvFile(string Text);

/// <summary>What an endpoint answered.</summary>
internal sealed record Answer(int Status, string? MediaType, string Body, CacheControlHeaderValue? CacheControl, Uri? Location = null)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string? Text(string property) => Json.TryGetProperty(property, out var value) ? value.ToString() : null;

    public override string ToString() => $"{Status} {MediaType} {Body}";
}

/// <summary>The kinds of secret the sentinel tells apart (organization and gateway keys both come from organization routes).</summary>
internal enum SecretKind
{
    Admin,
    Bearer,
    OrganizationKey,
    ApplicationKey,
    WebhookSecret,
    Brought,
}

/// <summary>Secrets seen, by kind; thread-safe.</summary>
internal sealed class SecretHarvest
{
    private readonly ConcurrentDictionary<string, SecretKind> _secrets = new(StringComparer.Ordinal);

    public void Add(SecretKind kind, string secret)
    {
        if (secret.Length >= 16)
        {
            _secrets.TryAdd(secret, kind);
        }
    }

    public IReadOnlyList<(string Secret, SecretKind Kind)> All => _secrets.Select(s => (s.Key, s.Value)).ToList();

    /// <summary>The forms in which a secret would show: itself, its part after the last dot (the key's secret), and base64.</summary>
    public static IEnumerable<string> Forms(string secret)
    {
        var part = secret.Contains('.', StringComparison.Ordinal) ? secret[(secret.LastIndexOf('.') + 1)..] : secret;
        return [part, Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), Convert.ToBase64String(Encoding.UTF8.GetBytes(part))];
    }
}
