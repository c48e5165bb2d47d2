using System.Collections.Concurrent;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Ttn.Provisioning.Benchmarks.Provisioning;

/// <summary>What the TTS wire saw for one benchmark case (every tenant it provisioned, warm-up included).</summary>
public sealed record ProvisioningWireStats(int Tenants, int MinRequests, int MaxRequests, double MeanRequests, int MinRoundTrips, int MaxRoundTrips)
{
    private static readonly ConcurrentDictionary<(int Concurrency, bool GatewayKey), ProvisioningWireStats> ByCase = new();

    public static void Record(int concurrency, bool gatewayKey, ProvisioningWireStats stats) => ByCase[(concurrency, gatewayKey)] = stats;

    public static ProvisioningWireStats? Get(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Parameters["Concurrency"] is int concurrency
        && benchmarkCase.Parameters["GatewayKey"] is bool gatewayKey
        && ByCase.TryGetValue((concurrency, gatewayKey), out var stats) ? stats : null;
}

/// <summary>
/// Runs in process (so the columns can read what the benchmark recorded), as a macro-benchmark: one invocation per
/// iteration, no pilot. Each invocation takes a few hundred milliseconds of simulated network time.
/// </summary>
public sealed class ProvisioningBenchmarkConfig : ManualConfig
{
    public ProvisioningBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithWarmupCount(3)
            .WithIterationCount(20)
            .WithId("Monitoring-InProcess"));
        AddColumn(
            new WireColumn("Requests/tenant", "TTS requests per new tenant (target at most 7)", s => s.MinRequests == s.MaxRequests ? Invariant(s.MaxRequests) : $"{s.MinRequests}-{s.MaxRequests}"),
            new WireColumn("Round trips", "Sequential TTS round trips per tenant, longest chain (target at most 4)", s => s.MinRoundTrips == s.MaxRoundTrips ? Invariant(s.MaxRoundTrips) : $"{s.MinRoundTrips}-{s.MaxRoundTrips}"),
            new WireColumn("Tenants measured", "New tenants provisioned in the case, warm-up included", s => Invariant(s.Tenants)),
            new ThroughputColumn());
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed class WireColumn(string name, string legend, Func<ProvisioningWireStats, string> value) : IColumn
    {
        public string Id => "Wire." + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            ProvisioningWireStats.Get(benchmarkCase) is { } stats ? value(stats) : "?";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }

    private sealed class ThroughputColumn : IColumn
    {
        public string Id => "Wire.TenantsPerSecond";

        public string ColumnName => "Tenants/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "New tenants provisioned per second (Concurrency / Mean)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return mean is > 0 && benchmarkCase.Parameters["Concurrency"] is int concurrency
                ? (concurrency / (mean.Value / 1e9)).ToString("0.0", CultureInfo.InvariantCulture)
                : "?";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
