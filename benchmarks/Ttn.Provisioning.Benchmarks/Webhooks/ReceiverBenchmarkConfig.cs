using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Ttn.Provisioning.Benchmarks.Webhooks;

/// <summary>
/// In process (the summary reads what the cases counted), one invocation per iteration (each sends
/// <see cref="ReceiverBenchmarks.Requests"/> requests), with requests per second and secret openings per request added.
/// </summary>
public sealed class ReceiverBenchmarkConfig : ManualConfig
{
    public ReceiverBenchmarkConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithWarmupCount(3)
            .WithIterationCount(30)
            .WithId("Loopback-InProcess"));
        AddColumn(
            new PerSecondColumn(
                "Webhooks.RequestsPerSecond", "Requests/s", "Requests answered per second with the case's concurrency (1 / Mean)"),
            new InterleavedRatioColumn(),
            new SecretOpensColumn());
    }

    private sealed class SecretOpensColumn : SummaryColumn
    {
        public override string Id => "Webhooks.SecretOpens";

        public override string ColumnName => "Secret opens/request";

        public override string Legend => "Sealed secrets the verifier opened per request after warm-up";

        public override string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
            ReceiverBenchmarks.SecretOpensPerRequest.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out var opens)
                ? opens.ToString("0.####", CultureInfo.InvariantCulture)
                : "-";
    }

    private sealed class InterleavedRatioColumn : SummaryColumn
    {
        public override string Id => "Webhooks.InterleavedRatio";

        public override string ColumnName => "Receiver/empty";

        public override string Legend =>
            "Interleaved case: the receiver's requests/s over the empty endpoint's, median of invocations (and over all of them)";

        public override string GetValue(Summary summary, BenchmarkCase benchmarkCase)
        {
            if (benchmarkCase.Descriptor.WorkloadMethod.Name != nameof(ReceiverBenchmarks.Interleaved)
                || ReceiverBenchmarks.InterleavedRatios.IsEmpty)
            {
                return "-";
            }

            var ratios = ReceiverBenchmarks.InterleavedRatios.Order().ToArray();
            var median = ratios[ratios.Length / 2];
            var total = ReceiverBenchmarks.InterleavedEmpty / ReceiverBenchmarks.InterleavedReceiver;
            return string.Create(CultureInfo.InvariantCulture, $"{median:0.00} ({total:0.00})");
        }
    }
}
