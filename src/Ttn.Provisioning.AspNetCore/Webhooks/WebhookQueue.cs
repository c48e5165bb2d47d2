using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Ttn.Provisioning.AspNetCore.Webhooks;

/// <summary>
/// The bounded queue between the receiver and the background workers (<see cref="TtnWebhookDispatch.Background"/>). A full
/// queue refuses at once rather than making the request wait: a waiting request holds The Things Stack's delivery and a
/// connection, its body and a thread's worth of state here, and would time out on TTS's side anyway (a failed delivery
/// all the same, after a longer wait). Refusing is the back-pressure signal; the queue's size is the burst it absorbs.
/// </summary>
internal sealed class WebhookQueue
{
    private readonly Channel<TtnWebhookContext> _channel;

    public WebhookQueue(IOptions<TtnWebhookOptions> options)
    {
        Capacity = options.Value.QueueCapacity;
        _channel = Channel.CreateBounded<TtnWebhookContext>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = options.Value.MaxConcurrentHandlers == 1,
            SingleWriter = false,
        });
    }

    /// <summary>How many messages the queue holds at most.</summary>
    public int Capacity { get; }

    /// <summary>The workers' end.</summary>
    public ChannelReader<TtnWebhookContext> Reader => _channel.Reader;

    /// <summary>Queues a message; false when the queue is full or closed (the host is stopping).</summary>
    public bool TryEnqueue(TtnWebhookContext context)
    {
        if (!_channel.Writer.TryWrite(context))
        {
            return false;
        }

        WebhookTelemetry.QueueLength.Add(1);
        return true;
    }

    /// <summary>Takes a queued message, if there is one.</summary>
    public bool TryDequeue(out TtnWebhookContext context)
    {
        if (!_channel.Reader.TryRead(out context!))
        {
            return false;
        }

        WebhookTelemetry.QueueLength.Add(-1);
        return true;
    }

    /// <summary>Closes the queue: nothing more is accepted; what is queued can still be read.</summary>
    public void Close() => _channel.Writer.TryComplete();
}
