using System.Collections.Concurrent;
using Ttn.Provisioning.AspNetCore.Webhooks;

namespace Ttn.Provisioning.AspNetCore.Tests.Webhooks;

/// <summary>What the message handler received, shared by the handler's per-message instances; optionally acts on each.</summary>
internal sealed class HandledMessages
{
    private readonly ConcurrentQueue<TtnWebhookContext> _handled = new();

    public IReadOnlyList<TtnWebhookContext> All => [.. _handled];

    public int Count => _handled.Count;

    /// <summary>Runs before a message is recorded (to throw, or to wait); null: record at once.</summary>
    public Func<TtnWebhookContext, CancellationToken, Task>? OnHandle { get; set; }

    public async Task HandleAsync(TtnWebhookContext context, CancellationToken cancellationToken)
    {
        if (OnHandle is { } onHandle)
        {
            await onHandle(context, cancellationToken);
        }

        _handled.Enqueue(context);
    }
}

/// <summary>The host's handler in these tests: scoped, as a host's would be; hands each message to <see cref="HandledMessages"/>.</summary>
internal sealed class RecordingHandler(HandledMessages handled) : ITtnMessageHandler
{
    public Task HandleAsync(TtnWebhookContext context, CancellationToken cancellationToken) =>
        handled.HandleAsync(context, cancellationToken);
}
