using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ttn.Provisioning.DependencyInjection;
using Ttn.Provisioning.Provisioning;
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

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(settings.Verbose ? LogLevel.Information : LogLevel.None));
        services.AddTtnProvisioning(options =>
            {
                options.ThingsStack.IdentityServerUri = identityServer;
                options.ThingsStack.ClusterUri = cluster;
                options.AdminApiKey = adminKey;
                options.WebhookBaseUrl = settings.WebhookBaseUrl;
                options.Secrets.Keys.Add(new SecretKeyOptions { Id = "sample", Key = EncryptionKey });
                options.Secrets.PrimaryKeyId = "sample";
            })
            .ConfigureHttpClient(http => http.AddHttpMessageHandler(Recorder.CreateHandler));
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        Service = _provider.GetRequiredService<IProvisioningService>();
    }

    /// <summary>The in-process fake; null against a real Things Stack.</summary>
    public FakeThingsStack? Fake { get; }

    public Uri IdentityServer { get; }

    public Uri Cluster { get; }

    public string AdminKey { get; }

    /// <summary>A fresh key for the sample's key ring (a real host loads its keys from configuration or a vault).</summary>
    public string EncryptionKey { get; } = SecretProtectionOptions.GenerateKey();

    public RequestRecorder Recorder { get; }

    public IProvisioningService Service { get; }

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

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        if (Fake is not null)
        {
            await Fake.DisposeAsync();
        }
    }
}
