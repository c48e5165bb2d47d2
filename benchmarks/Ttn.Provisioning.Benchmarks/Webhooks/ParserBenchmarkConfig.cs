using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Ttn.Provisioning.Benchmarks.Webhooks;

/// <summary>
/// Runs in process (on a shared machine the out-of-process build can exceed BenchmarkDotNet's two-minute build
/// timeout), and adds messages per second (one thread) and the body's size to the summary.
/// </summary>
public sealed class ParserBenchmarkConfig : ManualConfig
{
    public ParserBenchmarkConfig()
    {
        AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithId("InProcess"));
        AddColumn(new MessagesPerSecondColumn(), new BodyBytesColumn());
    }

    private abstract class Column : IColumn
    {
        public abstract string Id { get; }

        public abstract string ColumnName { get; }

        public abstract string Legend { get; }

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public abstract string GetValue(Summary summary, BenchmarkCase benchmarkCase);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;
    }

    private sealed class MessagesPerSecondColumn : Column
    {
        public override string Id => "Webhooks.MessagesPerSecond";

        public override string ColumnName => "Messages/s";

        public override string Legend => "Bodies parsed per second on one thread (1 / Mean)";

        public override string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            return mean is > 0 ? (1e9 / mean.Value).ToString("N0", CultureInfo.InvariantCulture) : "?";
        }
    }

    private sealed class BodyBytesColumn : Column
    {
        public override string Id => "Webhooks.BodyBytes";

        public override string ColumnName => "Body bytes";

        public override string Legend => "Size of the compact body parsed";

        public override string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            benchmarkCase.Parameters["Body"] is string name
                ? WebhookBodies.Compact(name).Length.ToString(CultureInfo.InvariantCulture)
                : "?";
    }
}
