using System.Globalization;
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
        AddColumn(
            new PerSecondColumn("Webhooks.MessagesPerSecond", "Messages/s", "Bodies parsed per second on one thread (1 / Mean)"),
            new BodyBytesColumn());
    }

    private sealed class BodyBytesColumn : SummaryColumn
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
