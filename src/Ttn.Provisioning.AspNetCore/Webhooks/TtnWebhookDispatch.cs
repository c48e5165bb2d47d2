namespace Ttn.Provisioning.AspNetCore.Webhooks;

/// <summary>When the <see cref="ITtnMessageHandler"/> runs, relative to the answer The Things Stack gets.</summary>
public enum TtnWebhookDispatch
{
    /// <summary>
    /// The handler runs within the request; The Things Stack gets 200 once it returned, 500 when it threw. Nothing is lost
    /// when the host stops, but a slow handler makes slow deliveries.
    /// </summary>
    Inline = 0,

    /// <summary>
    /// The message is put on a bounded in-memory queue and The Things Stack gets 202 at once; background workers run the
    /// handler. A full queue answers 503 (with <c>Retry-After</c>) rather than waiting; on shutdown the queue is drained for
    /// <see cref="TtnWebhookOptions.DrainTimeout"/>, and what is left is dropped and logged.
    /// </summary>
    Background,
}
