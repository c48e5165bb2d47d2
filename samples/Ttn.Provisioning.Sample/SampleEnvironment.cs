using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ttn.Provisioning.EntityFrameworkCore;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.Sample;

/// <summary>
/// Where the walk runs: an in-process FakeThingsStack served on a loopback port, or a real Things Stack. Holds the
/// provisioning service wired with AddTtnProvisioning and a recorder in front of its HTTP transport.
/// </summary>
internal sealed class SampleEnvironment : IAsyncDisposable
{
    /// <summary>Latency added to every request against the fake, so that timings and round trips mean something.</summary>
    public static readonly TimeSpan FakeLatency = TimeSpan.FromMilliseconds(25);

    private const string FakeAdminUser = "ops-admin";

    private readonly ServiceProvider _provider;

    private SampleEnvironment(SampleSettings settings, Uri identityServer, Uri cluster, string adminKey, FakeThingsStack? fake)
    {
        Fake = fake;
        IdentityServer = identityServer;
        Cluster = cluster;
        AdminKey = adminKey;
        Recorder = new RequestRecorder { SimulatedLatency = fake is null ? TimeSpan.Zero : FakeLatency };
        SqlitePath = settings.SqlitePath;
        EncryptionKey = SqlitePath is null ? SecretProtectionOptions.GenerateKey() : LoadOrCreateKey(SqlitePath + ".keys");

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(settings.Verbose ? LogLevel.Information : LogLevel.None));
        if (SqlitePath is not null)
        {
            services.AddDbContextFactory<TtnProvisioningDbContext>(o => o.UseSqlite($"Data Source={SqlitePath}"));
        }

        var provisioning = services.AddTtnProvisioning(options =>
            {
                options.ThingsStack.IdentityServerUri = identityServer;
                options.ThingsStack.Clusters["main"] = cluster;
                options.AdminApiKey = adminKey;
                options.WebhookBaseUrl = settings.WebhookBaseUrl;
                options.Secrets.Keys.Add(new SecretKeyOptions { Id = "sample", Key = EncryptionKey });
                options.Secrets.PrimaryKeyId = "sample";
            })
            .ConfigureHttpClient(http => http.AddHttpMessageHandler(Recorder.CreateHandler));
        if (SqlitePath is not null)
        {
            provisioning.UseEntityFrameworkCoreStore<TtnProvisioningDbContext>();
        }

        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        if (SqlitePath is not null)
        {
            // A sample may create its own schema; a host uses its migrations or schema/sqlite.sql.
            using var context = _provider.GetRequiredService<IDbContextFactory<TtnProvisioningDbContext>>().CreateDbContext();
            context.Database.EnsureCreated();
        }

        Service = _provider.GetRequiredService<IProvisioningService>();
        Devices = _provider.GetRequiredService<Ttn.Provisioning.Devices.IDeviceService>();
        Gateways = _provider.GetRequiredService<Ttn.Provisioning.Gateways.IGatewayService>();
        Store = _provider.GetRequiredService<Ttn.Provisioning.Storage.ICredentialStore>();
    }

    /// <summary>The in-process fake; null against a real Things Stack.</summary>
    public FakeThingsStack? Fake { get; }

    public Uri IdentityServer { get; }

    public Uri Cluster { get; }

    public string AdminKey { get; }

    /// <summary>
    /// The sample's key ring: a fresh key, or with a SQLite store the key kept beside the database so a second run can
    /// open what the first sealed (a real host loads its keys from configuration or a vault, never next to the data).
    /// </summary>
    public string EncryptionKey { get; }

    /// <summary>The SQLite database the tenants are kept in, or null for memory.</summary>
    public string? SqlitePath { get; }

    /// <summary>The credential store the service uses.</summary>
    public Ttn.Provisioning.Storage.ICredentialStore Store { get; }

    public RequestRecorder Recorder { get; }

    public IProvisioningService Service { get; }

    public Ttn.Provisioning.Devices.IDeviceService Devices { get; }

    public Ttn.Provisioning.Gateways.IGatewayService Gateways { get; }

    /// <summary>Starts a FakeThingsStack on 127.0.0.1 with an admin user and a user API key with every right.</summary>
    public static async Task<SampleEnvironment> StartFakeAsync(SampleSettings settings)
    {
        var (fake, uri, adminKey) = await StartFakeServerAsync();
        return new SampleEnvironment(settings, uri, uri, adminKey, fake);
    }

    /// <summary>Points at the Things Stack named on the command line, with the admin key from the environment.</summary>
    public static SampleEnvironment Connect(SampleSettings settings, string adminKey) =>
        new(settings, settings.IdentityServer!, settings.Cluster!, adminKey, fake: null);

    /// <summary>A new FakeThingsStack served on a loopback port, with an admin user and its key.</summary>
    public static async Task<(FakeThingsStack Fake, Uri Uri, string AdminKey)> StartFakeServerAsync()
    {
        var fake = new FakeThingsStack();
        fake.AddUser(FakeAdminUser, isAdmin: true);
        var adminKey = fake.CreateUserApiKey(FakeAdminUser, "RIGHT_ALL");
        var uri = await fake.StartServerAsync(port: 0);
        return (fake, uri, adminKey);
    }

    private static string LoadOrCreateKey(string path)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        var key = SecretProtectionOptions.GenerateKey();
        File.WriteAllText(path, key);
        return key;
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        if (Fake is not null)
        {
            await Fake.DisposeAsync();
        }
    }
}
