using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Gateways;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.Tests.Shared.OpenApi;
using Ttn.Provisioning.Tests.ThingsStack;

namespace Ttn.Provisioning.Tests.Provisioning;

/// <summary>
/// The provisioning service wired the way a host wires it (AddTtnProvisioning), talking to a FakeThingsStack through
/// the OpenAPI validator, on fake time, with fake logs.
/// </summary>
internal sealed class ProvisioningTestHost : IAsyncDisposable
{
    public const string AdminUser = "ops-admin";
    public static readonly Uri IdentityServer = new("https://eu1.cloud.thethings.network");
    public static readonly Uri Cluster = new("https://nam1.cloud.thethings.network");
    public static readonly Uri WebhookBase = new("https://saas.example.com/ttn/webhook");

    private readonly ServiceProvider _provider;
    private int _inFlight;

    public ProvisioningTestHost(
        Action<TtnProvisioningOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        Action<FakeThingsStackOptions>? fake = null,
        Action<TtnDeviceOptions>? devices = null,
        bool adminIsTtsAdmin = false,
        params string[] adminRights)
        : this(realTime: false, configure, services, fake, devices, adminIsTtsAdmin, adminRights)
    {
    }

    /// <summary>A host whose service and fake run on the system clock when <paramref name="realTime"/> (for load), not on <see cref="Time"/>.</summary>
    public ProvisioningTestHost(
        bool realTime,
        Action<TtnProvisioningOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        Action<FakeThingsStackOptions>? fake = null,
        Action<TtnDeviceOptions>? devices = null,
        bool adminIsTtsAdmin = false,
        params string[] adminRights)
    {
        TimeProvider clock = realTime ? TimeProvider.System : Time;
        var fakeOptions = new FakeThingsStackOptions { TimeProvider = clock };
        fake?.Invoke(fakeOptions);
        Fake = new FakeThingsStack(fakeOptions);
        Fake.AddUser(AdminUser, isAdmin: adminIsTtsAdmin);
        AdminKey = Fake.CreateUserApiKey(AdminUser, adminRights.Length == 0 ? ["RIGHT_ALL"] : adminRights);

        var collection = new ServiceCollection();
        collection.AddSingleton(clock);
        collection.AddFakeLogging();
        collection.AddTtnProvisioning(o =>
            {
                o.ThingsStack.IdentityServerUri = IdentityServer;
                o.ThingsStack.Clusters["nam1"] = Cluster;
                o.ThingsStack.MaxRetryAttempts = 0;
                o.AdminApiKey = AdminKey;
                o.WebhookBaseUrl = WebhookBase;
                o.Secrets.Keys.Add(new SecretKeyOptions { Id = "test", Key = SecretKey });
                o.Secrets.PrimaryKeyId = "test";
                configure?.Invoke(o);
            })
            .ConfigureHttpClient(http => http
                .AddHttpMessageHandler(() => new OpenApiValidatingHandler(Validator))
                .AddHttpMessageHandler(() => new InFlightCounter(this))
                .ConfigurePrimaryHttpMessageHandler(() => Fake.CreateHandler()))
            .AddDevices(devices);
        collection.AddSingleton<ICredentialStore>(CrashStore);
        collection.AddSingleton<IDeviceStore>(DeviceStore);
        services?.Invoke(collection);
        _provider = collection.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public static string SecretKey { get; } = SecretProtectionOptions.GenerateKey();

    public ObservableTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    /// <summary>HTTP attempts sent to the fake and not yet answered.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public FakeThingsStack Fake { get; }

    public string AdminKey { get; }

    public OpenApiRequestValidator Validator { get; } = OpenApiRequestValidator.Shared.CreateRecorder();

    /// <summary>The store the service uses: an in-memory store that counts writes and can simulate a crash.</summary>
    public CrashingStore CrashStore { get; } = new(new InMemoryCredentialStore());

    /// <summary>The device store the services use: an in-memory store that can simulate a crash.</summary>
    public CrashingDeviceStore DeviceStore { get; } = new(new InMemoryDeviceStore());

    public IProvisioningService Service => _provider.GetRequiredService<IProvisioningService>();

    public IDeviceService Devices => _provider.GetRequiredService<IDeviceService>();

    public IGatewayService Gateways => _provider.GetRequiredService<IGatewayService>();

    public ICredentialStore Store => _provider.GetRequiredService<ICredentialStore>();

    public ISecretProtector Protector => _provider.GetRequiredService<ISecretProtector>();

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public IServiceProvider Services => _provider;

    public static ProvisioningCaller Owner(string tenantId = "acme") => new(tenantId, "user-1", TenantRole.Owner);

    /// <summary>A host whose tenant "acme" is provisioned and Ready.</summary>
    public static async Task<ProvisioningTestHost> ReadyAsync(Action<FakeThingsStackOptions>? fake = null)
    {
        var host = new ProvisioningTestHost(fake: fake);
        Assert.True((await host.Service.ProvisionAsync(Owner())).IsReady);
        return host;
    }

    /// <summary>
    /// A host on TTN Cloud's layout: the fake serves the Identity Server on eu1 and the clusters eu1, nam1 and au1; the
    /// library knows the same three, with nam1 as the default.
    /// </summary>
    public static ProvisioningTestHost Cloud(Action<TtnProvisioningOptions>? configure = null, Action<FakeThingsStackOptions>? fake = null) => new(
        o =>
        {
            o.ThingsStack.UseTheThingsNetworkCloud(defaultCluster: "nam1");
            configure?.Invoke(o);
        },
        fake: f =>
        {
            f.UseTheThingsNetworkCloud();
            fake?.Invoke(f);
        });

    public static ProvisioningCaller As(TenantRole role, string tenantId = "acme") => new(tenantId, "user-2", role);

    /// <summary>The live (not deleted) API keys on the fake whose name the library gives its keys of that kind.</summary>
    public IReadOnlyList<FakeApiKey> LiveKeys(string kind) =>
        Fake.ApiKeys.Where(k => k.Name == $"ttn-provisioning-{kind}").ToList();

    public async Task<TenantRecord> RecordAsync(string tenantId = "acme") =>
        await Store.GetAsync(tenantId) ?? throw new InvalidOperationException("No record.");

    /// <summary>Counts the attempts in flight (it sits inside the retry pipeline, so each attempt counts once).</summary>
    private sealed class InFlightCounter(ProvisioningTestHost host) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref host._inFlight);
            try
            {
                return await base.SendAsync(request, cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref host._inFlight);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Assert.Empty(Validator.Mismatches);
        await _provider.DisposeAsync();
        await Fake.DisposeAsync();
    }
}
