using Ttn.Provisioning.AspNetCore.Messages;
using Ttn.Provisioning.AspNetCore.Webhooks;

namespace Ttn.Provisioning.WebSample.Live;

/// <summary>
/// The sample's message handler: the receiver (MapTtnWebhooks) has verified the tenant's secret and parsed the body; this
/// keeps uplinks for the panel and ignores the other kinds.
/// </summary>
public sealed class UplinkRecorder(UplinkBook book, TimeProvider time) : ITtnMessageHandler
{
    /// <inheritdoc />
    public Task HandleAsync(TtnWebhookContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Message is UplinkMessage uplink)
        {
            book.Add(context.TenantId, ReceivedUplink.From(uplink, time.GetUtcNow()));
        }

        return Task.CompletedTask;
    }
}
