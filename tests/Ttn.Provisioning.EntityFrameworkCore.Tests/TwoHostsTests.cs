using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.EntityFrameworkCore.Tests;

/// <summary>
/// Two host instances, each with its own service provider, sharing one PostgreSQL database and one FakeThingsStack:
/// the compare-and-swap of the store is what keeps them from provisioning anything twice.
/// </summary>
public sealed class TwoHostsTests(PostgresSchemaFixture fixture) : IClassFixture<PostgresSchemaFixture>, IAsyncLifetime
{
    private static readonly Uri Tts = new("https://eu1.cloud.thethings.network");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly string _secretKey = SecretProtectionOptions.GenerateKey();
    private FakeThingsStack _fake = null!;
    private string _adminKey = null!;

    public async Task InitializeAsync()
    {
        _fake = new FakeThingsStack(new FakeThingsStackOptions { TimeProvider = _time });
        _fake.AddUser("ops-admin");
        _adminKey = _fake.CreateUserApiKey("ops-admin", "RIGHT_ALL");
        if (PostgresTestDatabase.SkipReason is null)
        {
            await fixture.TruncateAsync();
        }
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [PostgresFact]
    public async Task Two_hosts_provisioning_the_same_fifty_tenants_create_each_resource_once()
    {
        await using var hostA = BuildHost();
        await using var hostB = BuildHost();
        var serviceA = hostA.GetRequiredService<IProvisioningService>();
        var serviceB = hostB.GetRequiredService<IProvisioningService>();
        var tenants = Enumerable.Range(1, 50).Select(i => $"tenant-{i:D2}").ToArray();

        var calls = tenants.SelectMany(t => new[] { (Service: serviceA, Tenant: t), (Service: serviceB, Tenant: t) });
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<ProvisioningOutcome>();
        await Parallel.ForEachAsync(calls, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (call, ct) =>
            outcomes.Add((await call.Service.ProvisionAsync(Owner(call.Tenant), cancellationToken: ct)).Outcome));

        Assert.All(outcomes, o => Assert.True(o is ProvisioningOutcome.Succeeded or ProvisioningOutcome.AlreadyInProgress, o.ToString()));
        var store = hostA.GetRequiredService<ICredentialStore>();
        foreach (var tenant in tenants)
        {
            var record = await store.GetAsync(tenant);
            Assert.Equal(ProvisioningState.Ready, record!.State);
            Assert.Single(_fake.Organizations, o => o.Id == record.OrganizationId);
            Assert.Single(_fake.Applications, a => a.Id == record.ApplicationId);
            Assert.Single(_fake.ApiKeys, k => k.EntityType == FakeEntityType.Organization && k.EntityId == record.OrganizationId && k.Name == "ttn-provisioning-organization");
            Assert.Single(_fake.ApiKeys, k => k.EntityType == FakeEntityType.Application && k.EntityId == record.ApplicationId && k.Name == "ttn-provisioning-application");
            Assert.Single(_fake.Webhooks, w => w.ApplicationId == record.ApplicationId);
        }

        Assert.Equal(50, _fake.Organizations.Count);
        Assert.Equal(50, _fake.Applications.Count);
    }

    [PostgresFact]
    public async Task Run_of_a_host_that_died_is_taken_over_by_the_other_once_the_lease_expires()
    {
        var crashing = new CrashOnceStore();
        await using var dying = BuildHost(store => crashing.Inner = store, s => s.AddSingleton<ICredentialStore>(crashing));
        await using var survivor = BuildHost();
        crashing.CrashWhen = r => r.OrganizationApiKey?.Sealed is not null;

        await Assert.ThrowsAsync<IOException>(() => dying.GetRequiredService<IProvisioningService>().ProvisionAsync(Owner("acme")));
        var service = survivor.GetRequiredService<IProvisioningService>();

        var meanwhile = await service.ProvisionAsync(Owner("acme"));
        Assert.Equal(ProvisioningOutcome.AlreadyInProgress, meanwhile.Outcome);

        _time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        var takenOver = await service.RetryAsync(Owner("acme"));

        Assert.True(takenOver.IsReady, takenOver.Error?.Message);
        Assert.Single(_fake.Applications);
        Assert.Single(_fake.ApiKeys, k => k.Name == "ttn-provisioning-organization");
        Assert.Single(_fake.ApiKeys, k => k.Name == "ttn-provisioning-application");
    }

    [PostgresFact]
    public async Task Two_hosts_running_the_same_import_job_register_each_device_of_the_csv_once()
    {
        await using var hostA = BuildHost();
        await using var hostB = BuildHost();
        var ready = await hostA.GetRequiredService<IProvisioningService>().ProvisionAsync(Owner("acme"));
        Assert.True(ready.IsReady, ready.Error?.Message);
        var options = new DeviceImportOptions { JobId = "shared-job", MaxConcurrency = 4 };

        var results = await Task.WhenAll(
            ImportAsync(hostA.GetRequiredService<IDeviceService>(), options),
            ImportAsync(hostB.GetRequiredService<IDeviceService>(), options));

        Assert.All(results, r => Assert.True(
            r.Outcome is ProvisioningOutcome.Succeeded or ProvisioningOutcome.AlreadyInProgress, r.ToString()));
        Assert.Contains(results, r => r.Outcome == ProvisioningOutcome.Succeeded);
        Assert.Equal(20, _fake.EndDevices.Count);
        Assert.All(_fake.EndDevices, d => Assert.Equal(4, d.Records.Count));
        Assert.Equal(20, _fake.EndDevices.Select(d => d.DevEui).Distinct().Count());
        var store = hostB.GetRequiredService<IDeviceStore>();
        Assert.Equal(DeviceImportState.Completed, (await store.GetImportJobAsync("acme", "shared-job"))!.State);
        Assert.Equal(Enumerable.Range(1, 20), (await store.ListImportRowsAsync("acme", "shared-job")).Select(r => r.Row));
        Assert.Empty(await store.ListUnfinishedAsync("acme"));
    }

    private static async Task<DeviceImportResult> ImportAsync(IDeviceService devices, DeviceImportOptions options)
    {
        var csv = new System.Text.StringBuilder("id;dev_eui;join_eui;app_key;frequency_plan_id;lorawan_version;lorawan_phy_version\n");
        for (var n = 1; n <= 20; n++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"sensor-{n};70B3D57ED{n:X7};70B3D57ED0000000;")
                .Append(System.Globalization.CultureInfo.InvariantCulture, $"2B7E151628AED2A6ABF71588{n:X8};EU_863_870_TTN;MAC_V1_0_3;")
                .Append("RP001_V1_0_3_REV_A\n");
        }

        await Task.Yield();
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv.ToString()));
        return await devices.ImportDevicesAsync(Owner("acme"), stream, options);
    }

    private static ProvisioningCaller Owner(string tenantId) => new(tenantId, "owner", TenantRole.Owner);

    private ServiceProvider BuildHost(Action<ICredentialStore>? captureStore = null, Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddLogging();
        services.AddDbContextFactory<TtnProvisioningDbContext>(o => o.UseNpgsql(fixture.ConnectionString));
        services.AddTtnProvisioning(o =>
            {
                o.ThingsStack.IdentityServerUri = Tts;
                o.ThingsStack.MaxRetryAttempts = 0;
                o.AdminApiKey = _adminKey;
                o.WebhookBaseUrl = new Uri("https://saas.example.com/ttn/webhook");
                o.Secrets.Keys.Add(new SecretKeyOptions { Id = "shared", Key = _secretKey });
                o.Secrets.PrimaryKeyId = "shared";
            })
            .UseEntityFrameworkCoreStore<TtnProvisioningDbContext>()
            .ConfigureHttpClient(http => http.ConfigurePrimaryHttpMessageHandler(() => _fake.CreateHandler()))
            .AddDevices();
        if (captureStore is not null)
        {
            captureStore(new EfCoreCredentialStore<TtnProvisioningDbContext>(
                new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<TtnProvisioningDbContext>(
                    new DbContextOptionsBuilder<TtnProvisioningDbContext>().UseNpgsql(fixture.ConnectionString).Options)));
        }

        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>The store of a host that dies: from the first matching write on, every write throws.</summary>
    private sealed class CrashOnceStore : ICredentialStore
    {
        private bool _crashed;

        public ICredentialStore Inner { get; set; } = null!;

        public Func<TenantRecord, bool>? CrashWhen { get; set; }

        public Task<TenantRecord?> GetAsync(string tenantId, CancellationToken cancellationToken = default) => Inner.GetAsync(tenantId, cancellationToken);

        public Task<TenantRecord?> TryWriteAsync(TenantRecord record, CancellationToken cancellationToken = default)
        {
            if (_crashed || CrashWhen?.Invoke(record) == true)
            {
                _crashed = true;
                throw new IOException("Simulated crash: the host died before the store write.");
            }

            return Inner.TryWriteAsync(record, cancellationToken);
        }

        public Task<IReadOnlyList<TenantRecord>> ListAsync(string? afterTenantId, int limit, CancellationToken cancellationToken = default) => Inner.ListAsync(afterTenantId, limit, cancellationToken);

        public Task<bool> DeleteAsync(string tenantId, long expectedVersion, CancellationToken cancellationToken = default) => Inner.DeleteAsync(tenantId, expectedVersion, cancellationToken);

        public Task AppendHistoryAsync(TenantHistoryEntry entry, int maxEntries, CancellationToken cancellationToken = default) =>
            Inner.AppendHistoryAsync(entry, maxEntries, cancellationToken);

        public Task<TenantHistoryPage> GetHistoryAsync(string tenantId, int limit, string? pageToken, CancellationToken cancellationToken = default) =>
            Inner.GetHistoryAsync(tenantId, limit, pageToken, cancellationToken);
    }
}
