using System.Diagnostics.Metrics;

namespace Ttn.Provisioning.AspNetCore.Webhooks;

/// <summary>
/// The receiver's instruments, on the library's meter (<see cref="ProvisioningDiagnostics.Name"/>, so one
/// <c>AddMeter("Ttn.Provisioning")</c> collects them): <c>ttn_provisioning.webhook.accepted</c> (tagged <c>kind</c> and
/// <c>dispatch</c>), <c>ttn_provisioning.webhook.rejected</c> (tagged <c>reason</c>: <c>secret</c>, <c>content_type</c>,
/// <c>too_large</c>, <c>malformed</c> — the parse failures —, <c>application</c>, <c>queue_full</c>, <c>unavailable</c>),
/// <c>ttn_provisioning.webhook.ignored</c> (answered 2xx, not handled; <c>reason</c>: <c>duplicate</c>,
/// <c>tenant_disabled</c>), <c>ttn_provisioning.webhook.handler_failures</c> (tagged <c>dispatch</c>),
/// <c>ttn_provisioning.webhook.queue.length</c> and <c>ttn_provisioning.webhook.queue.dropped</c> (left at shutdown).
/// </summary>
internal static class WebhookTelemetry
{
    /// <summary>The name of each request's activity.</summary>
    public const string ActivityName = "Ttn.Provisioning webhook";

    public static readonly Counter<long> Accepted = ProvisioningDiagnostics.Meter.CreateCounter<long>(
        "ttn_provisioning.webhook.accepted", description: "Webhook deliveries accepted (handled inline or queued).");

    public static readonly Counter<long> Rejected = ProvisioningDiagnostics.Meter.CreateCounter<long>(
        "ttn_provisioning.webhook.rejected", description: "Webhook deliveries refused, by reason.");

    public static readonly Counter<long> Ignored = ProvisioningDiagnostics.Meter.CreateCounter<long>(
        "ttn_provisioning.webhook.ignored", description: "Authentic webhook deliveries answered 2xx but not handled, by reason.");

    public static readonly Counter<long> HandlerFailures = ProvisioningDiagnostics.Meter.CreateCounter<long>(
        "ttn_provisioning.webhook.handler_failures", description: "Message handlers that threw.");

    public static readonly UpDownCounter<long> QueueLength = ProvisioningDiagnostics.Meter.CreateUpDownCounter<long>(
        "ttn_provisioning.webhook.queue.length", description: "Messages waiting for a background handler.");

    public static readonly Counter<long> Dropped = ProvisioningDiagnostics.Meter.CreateCounter<long>(
        "ttn_provisioning.webhook.queue.dropped", description: "Queued messages dropped when the host stopped.");

    public static KeyValuePair<string, object?> Reason(string reason) => new("reason", reason);

    public static KeyValuePair<string, object?> Dispatch(TtnWebhookDispatch dispatch) =>
        new("dispatch", dispatch == TtnWebhookDispatch.Inline ? "inline" : "background");
}
