using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Sample;
using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.Benchmarks.Devices;

/// <summary>
/// Imports a The Things Stack CSV file of new OTAA devices into a Ready tenant, against an in-process FakeThingsStack with
/// 50 ms of simulated latency on every request and a global rate limit of 100 requests per second (GCRA, burst 10, as
/// TTS's limiter), at several <see cref="DeviceImportOptions.MaxConcurrency"/> values. A device is four requests (IS
/// create, JS, NS, AS set), so the limit's ceiling is 25 devices per second; the target (issue 12) is at least 90% of it.
/// </summary>
[Config(typeof(DeviceImportBenchmarkConfig))]
public class DeviceImportBenchmarks
{
    /// <summary>The fake's limit: 10 requests per 100 ms, i.e. 100 per second with a burst of 10.</summary>
    public static readonly FakeRateLimit Limit = new(10, TimeSpan.FromMilliseconds(100), FakeRateLimitScope.Global);

    private const string TenantId = "bench-import";

    private FakeThingsStack _fake = null!;
    private ServiceProvider _provider = null!;
    private IDeviceService _devices = null!;
    private RequestRecorder _recorder = null!;
    private int _nextDevice;
    private int _mark;
    private string _method = string.Empty;

    /// <summary>Devices registered at the same time.</summary>
    [Params(1, 2, 4, 8, 16, 32)]
    public int Concurrency { get; set; }

    /// <summary>Rows of the file each invocation imports.</summary>
    [Params(100)]
    public int Devices { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_fake, _recorder, _provider) = ImportHost.Start();
        _devices = _provider.GetRequiredService<IDeviceService>();
        var ready = _provider.GetRequiredService<IProvisioningService>().ProvisionAsync(Caller).GetAwaiter().GetResult();
        if (!ready.IsReady)
        {
            throw new InvalidOperationException($"The tenant is not ready: {ready.Outcome} {ready.Error}");
        }

        _fake.RateLimit = Limit;
    }

    [IterationSetup(Target = nameof(ImportUnpacedAsync))]
    public void MarkUnpaced() => Mark(nameof(ImportUnpacedAsync));

    [IterationSetup(Target = nameof(ImportPacedAsync))]
    public void MarkPaced() => Mark(nameof(ImportPacedAsync));

    private void Mark(string method)
    {
        _method = method;
        _mark = _recorder.Count;
    }

    /// <summary>No pacing: the lanes run into the limit, and each 429 costs a lane at least a second.</summary>
    [Benchmark(Description = "Import, unpaced")]
    public Task ImportUnpacedAsync() => ImportAsync(maxRequestsPerSecond: null);

    /// <summary>Paced at the limit (<see cref="DeviceImportOptions.MaxRequestsPerSecond"/> = 100).</summary>
    [Benchmark(Description = "Import, paced at 100 requests/s")]
    public Task ImportPacedAsync() => ImportAsync(maxRequestsPerSecond: Limit.Limit / Limit.Window.TotalSeconds);

    private async Task ImportAsync(double? maxRequestsPerSecond)
    {
        using var csv = new MemoryStream(Encoding.UTF8.GetBytes(Csv(Interlocked.Add(ref _nextDevice, Devices) - Devices, Devices)));
        var options = new DeviceImportOptions { MaxConcurrency = Concurrency, MaxRequestsPerSecond = maxRequestsPerSecond };
        var result = await _devices.ImportDevicesAsync(Caller, csv, options);
        if (result.Outcome != ProvisioningOutcome.Succeeded || result.Registered != Devices)
        {
            throw new InvalidOperationException($"The import did not register every device: {result}");
        }
    }

    [IterationCleanup]
    public void CountRequests()
    {
        var requests = _recorder.Since(_mark);
        DeviceImportStats.Record(_method, Concurrency, requests.Count, requests.Count(r => r.Status == 429), Devices);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _provider.Dispose();
        _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    private static ProvisioningCaller Caller => new(TenantId, "bench-owner", TenantRole.Owner);

    /// <summary>Devices <paramref name="first"/> + 1 to <paramref name="first"/> + <paramref name="count"/>, never seen before.</summary>
    private static string Csv(int first, int count)
    {
        var text = new StringBuilder("id;dev_eui;join_eui;app_key;frequency_plan_id;lorawan_version;lorawan_phy_version\n");
        for (var n = first + 1; n <= first + count; n++)
        {
            text.Append(CultureInfo.InvariantCulture, $"bench-{n};70B3D57ED{n:X7};70B3D57ED0000000;2B7E151628AED2A6ABF71588{n:X8};")
                .Append("EU_863_870_TTN;MAC_V1_0_3;RP001_V1_0_3_REV_A\n");
        }

        return text.ToString();
    }
}
