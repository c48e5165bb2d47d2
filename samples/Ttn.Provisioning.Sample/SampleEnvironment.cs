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

    private SampleEnvironment(
        SampleSettings settings,
        Uri identityServer,
        IReadOnlyDictionary<string, Uri> clusters,
        string adminKey,
        FakeThingsStack? fake,
        bool simulateLatency = true)
    {
        Fake = fake;
        IdentityServer = identityServer;
        Clusters = clusters;
        DefaultCluster = clusters.Keys.First();
        Cluster = clusters[DefaultCluster];
        AdminKey = adminKey;
        Recorder = new RequestRecorder
        {
            SimulatedLatency = fake is not null && simulateLatency ? FakeLatency : TimeSpan.Zero,
            ClusterOf = clusters.Count > 1 ? ClusterOf : null,
        };
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
                foreach (var (name, root) in clusters)
                {
                    options.ThingsStack.Clusters[name] = root;
                }

                options.ThingsStack.DefaultCluster = DefaultCluster;
                options.AdminApiKey = adminKey;
                options.WebhookBaseUrl = settings.WebhookBaseUrl;
                options.Secrets.Keys.Add(new SecretKeyOptions { Id = "sample", Key = EncryptionKey });
                options.Secrets.PrimaryKeyId = "sample";
            })
            .ConfigureHttpClient(http => http.AddHttpMessageHandler(Recorder.CreateHandler))
            .AddDevices();
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

    /// <summary>The address of the default cluster, where the walk's first tenant lives.</summary>
    public Uri Cluster { get; }

    /// <summary>The clusters the library is configured with, the default first.</summary>
    public IReadOnlyDictionary<string, Uri> Clusters { get; }

    /// <summary>The cluster of a tenant provisioned without naming one.</summary>
    public string DefaultCluster { get; }

    /// <summary>Another cluster than the default, for a second tenant; null when only one is configured.</summary>
    public string? OtherCluster => Clusters.Keys.Skip(1).FirstOrDefault();

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

    /// <summary>
    /// Starts a FakeThingsStack laid out as TTN Cloud (the Identity Server with cluster eu1, and clusters nam1 and au1,
    /// each on a loopback port of its own), with an admin user and a user API key with every right; the library knows
    /// the same three clusters, eu1 the default.
    /// </summary>
    /// <param name="settings">The command line.</param>
    /// <param name="simulateLatency">Whether to add <see cref="FakeLatency"/> to every request (the sample does; a test
    /// need not, as the round trips are then not checked).</param>
    public static async Task<SampleEnvironment> StartFakeAsync(SampleSettings settings, bool simulateLatency = true)
    {
        var (fake, uri, adminKey) = await StartFakeServerAsync(theThingsNetworkCloud: true);
        var clusters = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var name in (string[])["eu1", "nam1", "au1"])
        {
            clusters[name] = fake.GetServerUri(name)!;
        }

        return new SampleEnvironment(settings, uri, clusters, adminKey, fake, simulateLatency);
    }

    /// <summary>Points at the Things Stack named on the command line, with the admin key from the environment.</summary>
    public static SampleEnvironment Connect(SampleSettings settings, string adminKey) =>
        new(settings, settings.IdentityServer!, new Dictionary<string, Uri> { ["main"] = settings.Cluster! }, adminKey, fake: null);

    /// <summary>A new FakeThingsStack served on loopback ports, with an admin user and its key.</summary>
    /// <param name="theThingsNetworkCloud">Whether to lay it out as TTN Cloud (three clusters behind one Identity Server).</param>
    public static async Task<(FakeThingsStack Fake, Uri Uri, string AdminKey)> StartFakeServerAsync(bool theThingsNetworkCloud = false)
    {
        var fake = new FakeThingsStack(theThingsNetworkCloud ? new FakeThingsStackOptions().UseTheThingsNetworkCloud() : null);
        fake.AddUser(FakeAdminUser, isAdmin: true);
        var adminKey = fake.CreateUserApiKey(FakeAdminUser, "RIGHT_ALL");
        var uri = await fake.StartServerAsync(port: 0);
        return (fake, uri, adminKey);
    }

    /// <summary>
    /// The cluster of an Application, Network or Join Server request (by its host); null for an Identity Server request,
    /// even when the Identity Server shares its host with a cluster (as eu1 does on TTN Cloud).
    /// </summary>
    private string? ClusterOf(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        if (!path.StartsWith("/api/v3/as/", StringComparison.Ordinal)
            && !path.StartsWith("/api/v3/ns/", StringComparison.Ordinal)
            && !path.StartsWith("/api/v3/js/", StringComparison.Ordinal))
        {
            return null;
        }

        return Clusters.FirstOrDefault(c => Uri.Compare(
            c.Value, request.RequestUri, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0).Key;
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
