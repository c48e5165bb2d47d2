using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Ttn.Provisioning;

/// <summary>
/// The name under which the library publishes traces and metrics: an <see cref="ActivitySource"/> and a
/// <see cref="Meter"/> both called <c>Ttn.Provisioning</c>. Subscribe to them with OpenTelemetry
/// (<c>AddSource("Ttn.Provisioning")</c>, <c>AddMeter("Ttn.Provisioning")</c>).
/// </summary>
/// <remarks>
/// Instruments, each tagged with the <c>operation</c>: <c>ttn_provisioning.operation.duration</c> (seconds, with the
/// <c>outcome</c>), <c>ttn_provisioning.tts.requests</c> (requests sent to The Things Stack),
/// <c>ttn_provisioning.step.failures</c> (with the <c>step</c> and whether it was <c>transient</c>),
/// <c>ttn_provisioning.retries</c> and <c>ttn_provisioning.history.write_failures</c> (history entries that could not be
/// written; the operations they record stand); and, untagged, <c>ttn_provisioning.webhook.secret_opens</c> (sealed webhook
/// secrets the webhook verifier opened: on a tenant's first delivery and after a change, never per delivery).
/// </remarks>
public static class ProvisioningDiagnostics
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "Ttn.Provisioning";

    /// <summary>Histogram of operation durations in seconds, tagged with <c>operation</c> and <c>outcome</c>.</summary>
    internal const string OperationDurationInstrument = "ttn_provisioning.operation.duration";

    /// <summary>Counter of failed steps, tagged with <c>operation</c>, <c>step</c> and <c>transient</c>.</summary>
    internal const string StepFailuresInstrument = "ttn_provisioning.step.failures";

    /// <summary>Counter of retries asked for (<c>RetryAsync</c> calls that resumed a run).</summary>
    internal const string RetriesInstrument = "ttn_provisioning.retries";

    /// <summary>Counter of TTS requests, tagged with <c>operation</c>.</summary>
    internal const string TtsRequestsInstrument = "ttn_provisioning.tts.requests";

    /// <summary>Counter of history entries that could not be written, tagged with <c>operation</c>.</summary>
    internal const string HistoryWriteFailuresInstrument = "ttn_provisioning.history.write_failures";

    /// <summary>Counter of sealed webhook secrets opened by the webhook verifier.</summary>
    internal const string WebhookSecretOpensInstrument = "ttn_provisioning.webhook.secret_opens";

    internal static readonly ActivitySource ActivitySource = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly Histogram<double> OperationDuration =
        Meter.CreateHistogram<double>(OperationDurationInstrument, unit: "s", description: "Duration of provisioning service operations.");

    internal static readonly Counter<long> StepFailures =
        Meter.CreateCounter<long>(StepFailuresInstrument, description: "Provisioning steps that failed.");

    internal static readonly Counter<long> Retries =
        Meter.CreateCounter<long>(RetriesInstrument, description: "Retries that resumed a failed or stalled run.");

    internal static readonly Counter<long> TtsRequests =
        Meter.CreateCounter<long>(TtsRequestsInstrument, description: "Requests sent to The Things Stack by the provisioning service.");

    internal static readonly Counter<long> HistoryWriteFailures =
        Meter.CreateCounter<long>(HistoryWriteFailuresInstrument, description: "History entries that could not be written.");

    internal static readonly Counter<long> WebhookSecretOpens = Meter.CreateCounter<long>(
        WebhookSecretOpensInstrument,
        description: "Sealed webhook secrets opened by the webhook verifier (on a miss, never per delivery).");
}
