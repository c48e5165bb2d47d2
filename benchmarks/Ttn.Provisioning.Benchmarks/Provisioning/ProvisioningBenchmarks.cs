using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Sample;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.Benchmarks.Provisioning;

/// <summary>
/// Provisions new tenants against an in-process FakeThingsStack with 50 ms of simulated latency on every request
/// (a handler in front of the fake's handler), one tenant at a time and ten at once, with and without the optional
/// gateway key. Every invocation provisions
/// tenants never seen before, so every run is the full happy path of a new tenant.
/// Targets (issue 4, item 6): at most 7 TTS requests per new tenant, at most 4 of them in sequence.
/// The custom columns come from <see cref="ProvisioningWireStats"/>: requests per tenant (the fake's journal and the
/// recorder agree, or the cleanup throws) and sequential round trips, the longest chain of a tenant's requests in which
/// each started after the previous had ended.
/// </summary>
[Config(typeof(ProvisioningBenchmarkConfig))]
public class ProvisioningBenchmarks
{
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    private FakeThingsStack _fake = null!;
    private ServiceProvider _provider = null!;
    private IProvisioningService _service = null!;
    private RequestRecorder _recorder = null!;
    private int _nextTenant;
    private int _tenantsProvisioned;

    /// <summary>How many new tenants one invocation provisions at once.</summary>
    [Params(1, 10)]
    public int Concurrency { get; set; }

    /// <summary>Whether the optional gateway API key is created too (the seventh request).</summary>
    [Params(false, true)]
    public bool GatewayKey { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fake = new FakeThingsStack();
        _fake.AddUser("ops-admin", isAdmin: true);
        var adminKey = _fake.CreateUserApiKey("ops-admin", "RIGHT_ALL");
        _recorder = new RequestRecorder { SimulatedLatency = Latency };

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTtnProvisioning(o =>
            {
                o.ThingsStack.IdentityServerUri = new Uri("https://eu1.cloud.thethings.network");
                o.AdminApiKey = adminKey;
                o.WebhookBaseUrl = new Uri("https://saas.example.com/ttn/webhook");
                o.Secrets.Keys.Add(new SecretKeyOptions { Id = "bench", Key = SecretProtectionOptions.GenerateKey() });
                o.Secrets.PrimaryKeyId = "bench";
                o.CreateGatewayApiKey = GatewayKey;
            })
            .ConfigureHttpClient(http => http
                .AddHttpMessageHandler(_recorder.CreateHandler)
                .ConfigurePrimaryHttpMessageHandler(_fake.CreateHandler));
        _provider = services.BuildServiceProvider();
        _service = _provider.GetRequiredService<IProvisioningService>();
    }

    [Benchmark(Description = "Provision new tenant(s)")]
    public async Task ProvisionNewTenants()
    {
        var tasks = new Task[Concurrency];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = ProvisionOneAsync($"bench-{Interlocked.Increment(ref _nextTenant)}");
        }

        await Task.WhenAll(tasks);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var requests = _recorder.Requests;
        var journal = _fake.Journal.Entries.Count;
        if (journal != requests.Count)
        {
            throw new InvalidOperationException($"The fake received {journal} requests but the recorder saw {requests.Count}.");
        }

        var perTenant = requests.GroupBy(r => r.Tag ?? "?").ToList();
        if (perTenant.Count != _tenantsProvisioned || perTenant.Any(g => g.Key == "?"))
        {
            throw new InvalidOperationException($"{_tenantsProvisioned} tenants provisioned but requests were recorded for {perTenant.Count} flows.");
        }

        ProvisioningWireStats.Record(
            ProvisioningWireStats.KeyOf(("Concurrency", Concurrency), ("GatewayKey", GatewayKey)),
            ProvisioningWireStats.From(perTenant));

        _provider.Dispose();
        _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private async Task ProvisionOneAsync(string tenantId)
    {
        await Task.Yield();
        RequestRecorder.Tag = tenantId;
        var result = await _service.ProvisionAsync(new ProvisioningCaller(tenantId, "bench-owner", TenantRole.Owner));
        if (!result.IsReady)
        {
            throw new InvalidOperationException($"Tenant {tenantId} is not ready: {result.Outcome} {result.Error}");
        }

        Interlocked.Increment(ref _tenantsProvisioned);
    }
}
