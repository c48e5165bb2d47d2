using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Ttn.Provisioning.Benchmarks.Devices;

/// <summary>
/// What the import benchmark's invocations sent, per method and concurrency (the recorder's requests, 429 answers included).
/// </summary>
public static class DeviceImportStats
{
    private static readonly ConcurrentDictionary<(string, int), (long Requests, long RateLimited, long Devices)> ByCase = new();

    public static void Record(string method, int concurrency, int requests, int rateLimited, int devices) =>
        ByCase.AddOrUpdate(
            (method, concurrency),
            (requests, rateLimited, devices),
            (_, s) => (s.Requests + requests, s.RateLimited + rateLimited, s.Devices + devices));

    public static (long Requests, long RateLimited, long Devices) Of(string method, int concurrency) =>
        ByCase.GetValueOrDefault((method, concurrency));
}

/// <summary>In process, one invocation per iteration (an import of the whole file), with the throughput columns.</summary>
public sealed class DeviceImportBenchmarkConfig : ManualConfig
{
    /// <summary>The limit's ceiling: 100 requests per second over 4 requests per device.</summary>
    public const double CeilingDevicesPerSecond = 25;

    public DeviceImportBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithWarmupCount(1)
            .WithIterationCount(5)
            .WithId("Monitoring-InProcess"));
        AddColumn(
            new StatColumn("Devices/s", "Rows of the file over the mean time of an import", (b, s) => Rate(b, s).ToString("0.0", Culture)),
            new StatColumn(
                "Of ceiling", "Devices/s over the limit's ceiling, 25 devices/s", (b, s) => (Rate(b, s) / CeilingDevicesPerSecond).ToString("P0", Culture)),
            new StatColumn("Requests/device", "TTS requests per device, 429 answers included", (b, _) => PerDevice(b, w => w.Requests)),
            new StatColumn("429/device", "Requests answered 429 (rate limited) per device", (b, _) => PerDevice(b, w => w.RateLimited)));
    }

    private static CultureInfo Culture => CultureInfo.InvariantCulture;

    private static int Param(BenchmarkCase benchmark, string name) => (int)benchmark.Parameters[name];

    private static double Rate(BenchmarkCase benchmark, Summary summary) =>
        summary[benchmark]?.ResultStatistics is { } stats ? Param(benchmark, "Devices") / (stats.Mean / 1e9) : double.NaN;

    private static string PerDevice(BenchmarkCase benchmark, Func<(long Requests, long RateLimited, long Devices), long> pick)
    {
        var stats = DeviceImportStats.Of(benchmark.Descriptor.WorkloadMethod.Name, Param(benchmark, "Concurrency"));
        return stats.Devices == 0 ? "-" : ((double)pick(stats) / stats.Devices).ToString("0.00", Culture);
    }

    private sealed class StatColumn(string name, string legend, Func<BenchmarkCase, Summary, string> value) : IColumn
    {
        public string Id => "Import." + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => value(benchmarkCase, summary);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
