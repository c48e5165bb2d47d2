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

/// <summary>What the TTS wire saw for one benchmark case (every tenant it measured, warm-up included).</summary>
public sealed record ProvisioningWireStats(int Tenants, int MinRequests, int MaxRequests, double MeanRequests, int MinRoundTrips, int MaxRoundTrips)
{
    private static readonly ConcurrentDictionary<string, ProvisioningWireStats> ByCase = new(StringComparer.Ordinal);

    /// <summary>Records the stats of the case whose parameters are <paramref name="caseKey"/> (see <see cref="KeyOf"/>).</summary>
    public static void Record(string caseKey, ProvisioningWireStats stats) => ByCase[caseKey] = stats;

    /// <summary>The stats measured from the requests of each tenant (grouped by the recorder's tag).</summary>
    internal static ProvisioningWireStats From(IEnumerable<IGrouping<string?, Sample.RecordedRequest>> perTenant)
    {
        var groups = perTenant.Select(g => g.ToList()).ToList();
        return new ProvisioningWireStats(
            Tenants: groups.Count,
            MinRequests: groups.Min(g => g.Count),
            MaxRequests: groups.Max(g => g.Count),
            MeanRequests: groups.Average(g => g.Count),
            MinRoundTrips: groups.Min(Sample.RequestRecorder.SequentialRoundTrips),
            MaxRoundTrips: groups.Max(Sample.RequestRecorder.SequentialRoundTrips));
    }

    /// <summary>A case's parameters as one key, e.g. <c>Concurrency=1, GatewayKey=False</c>.</summary>
    public static string KeyOf(params (string Name, object Value)[] parameters) =>
        string.Join(", ", parameters.Select(p => FormattableString.Invariant($"{p.Name}={p.Value}")));

    public static ProvisioningWireStats? Get(BenchmarkCase benchmarkCase)
    {
        var key = KeyOf([.. benchmarkCase.Parameters.Items.Select(p => (p.Name, p.Value))]);
        return ByCase.TryGetValue(key, out var stats) ? stats : null;
    }
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
            new WireColumn("Requests/tenant", "TTS requests per tenant", s => Range(s.MinRequests, s.MaxRequests)),
            new WireColumn("Round trips", "Sequential TTS round trips per tenant, longest chain", s => Range(s.MinRoundTrips, s.MaxRoundTrips)),
            new WireColumn("Tenants measured", "Tenants measured in the case, warm-up included", s => Invariant(s.Tenants)),
            new ThroughputColumn());
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Range(int min, int max) => min == max ? Invariant(max) : $"{Invariant(min)}-{Invariant(max)}";

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

        public string Legend => "Tenants handled per second (Concurrency / Mean)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            var concurrency = benchmarkCase.Parameters.Items.Any(p => p.Name == "Concurrency")
                ? (int)benchmarkCase.Parameters["Concurrency"]
                : 1;
            return mean is > 0 ? (concurrency / (mean.Value / 1e9)).ToString("0.0", CultureInfo.InvariantCulture) : "?";
        }

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }
}
