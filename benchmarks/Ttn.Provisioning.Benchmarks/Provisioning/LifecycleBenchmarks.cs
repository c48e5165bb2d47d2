using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Sample;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.Benchmarks.Provisioning;

/// <summary>
/// What start fresh (provisioning again in the same call) and deep clean of a Ready tenant without devices cost on the
/// wire, measured as provisioning is: an in-process FakeThingsStack behind 50 ms of simulated latency per request,
/// requests per tenant and sequential round trips (the longest chain of requests each started after the previous one
/// had ended). Each iteration first provisions a new tenant (not measured, not counted), then runs the operation on it.
/// Targets (issue 9, item 7): start fresh at most 6 sequential round trips, deep clean at most 7.
/// </summary>
[Config(typeof(ProvisioningBenchmarkConfig))]
public class LifecycleBenchmarks
{
    private const string SetupTag = "setup";

    private FakeThingsStack _fake = null!;
    private ServiceProvider _provider = null!;
    private IProvisioningService _service = null!;
    private RequestRecorder _recorder = null!;
    private int _nextTenant;
    private string _tenant = "";
    private int _measured;

    /// <summary>The operation measured.</summary>
    [Params("StartFresh", "DeepClean")]
    public string Operation { get; set; } = "StartFresh";

    /// <summary>Whether the admin key is a TTS admin's (deep clean then purges, one more round trip per entity).</summary>
    [Params(false, true)]
    public bool AdminMayPurge { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _fake = new FakeThingsStack();
        _fake.AddUser("ops-admin", isAdmin: AdminMayPurge);
        var adminKey = _fake.CreateUserApiKey("ops-admin", "RIGHT_ALL");
        _recorder = new RequestRecorder { SimulatedLatency = ProvisioningBenchmarks.Latency };

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTtnProvisioning(o =>
            {
                o.ThingsStack.IdentityServerUri = new Uri("https://eu1.cloud.thethings.network");
                o.AdminApiKey = adminKey;
                o.WebhookBaseUrl = new Uri("https://saas.example.com/ttn/webhook");
                o.Secrets.Keys.Add(new SecretKeyOptions { Id = "bench", Key = SecretProtectionOptions.GenerateKey() });
                o.Secrets.PrimaryKeyId = "bench";
            })
            .ConfigureHttpClient(http => http
                .AddHttpMessageHandler(_recorder.CreateHandler)
                .ConfigurePrimaryHttpMessageHandler(_fake.CreateHandler));
        _provider = services.BuildServiceProvider();
        _service = _provider.GetRequiredService<IProvisioningService>();
    }

    [IterationSetup]
    public void ProvisionATenant()
    {
        _tenant = $"bench-{Interlocked.Increment(ref _nextTenant)}";
        RequestRecorder.Tag = SetupTag;
        var result = _service.ProvisionAsync(Owner(_tenant)).GetAwaiter().GetResult();
        if (!result.IsReady)
        {
            throw new InvalidOperationException($"Tenant {_tenant} is not ready: {result}");
        }
    }

    [Benchmark(Description = "Start fresh or deep clean a Ready tenant")]
    public async Task RunOperation()
    {
        await Task.Yield();
        RequestRecorder.Tag = _tenant;
        OperationResult result = Operation == "StartFresh"
            ? await _service.StartFreshAsync(Owner(_tenant), provisionAgain: true)
            : await _service.DeepCleanAsync(Owner(_tenant));
        if (result.Outcome != ProvisioningOutcome.Succeeded)
        {
            throw new InvalidOperationException($"{Operation} of {_tenant} did not succeed: {result}");
        }

        _measured++;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        var perTenant = _recorder.Requests.Where(r => r.Tag != SetupTag).GroupBy(r => r.Tag).ToList();
        if (perTenant.Count != _measured)
        {
            throw new InvalidOperationException($"{_measured} operations measured but requests were recorded for {perTenant.Count} tenants.");
        }

        ProvisioningWireStats.Record(
            ProvisioningWireStats.KeyOf(("Operation", Operation), ("AdminMayPurge", AdminMayPurge)),
            ProvisioningWireStats.From(perTenant));
        _provider.Dispose();
        _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static ProvisioningCaller Owner(string tenantId) => new(tenantId, "bench-owner", TenantRole.Owner);
}
