using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ttn.Provisioning.AspNetCore.Webhooks;

/// <summary>
/// Runs the message handler for queued messages (<see cref="TtnWebhookDispatch.Background"/>), each in its own scope,
/// <see cref="TtnWebhookOptions.MaxConcurrentHandlers"/> at a time. When the host stops, the queue is closed (new deliveries
/// get 503), what is queued is handled for <see cref="TtnWebhookOptions.DrainTimeout"/>, and then the handlers' token is
/// cancelled and what is left is dropped, counted and logged. Does nothing in the inline mode.
/// </summary>
internal sealed class WebhookQueueWorker(
    WebhookQueue queue,
    WebhookHandlerInvoker invoker,
    IServiceScopeFactory scopes,
    IOptions<TtnWebhookOptions> options,
    TimeProvider time,
    ILogger<WebhookQueueWorker> logger) : BackgroundService
{
    private long _drained;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.Dispatch != TtnWebhookDispatch.Background)
        {
            return;
        }

        using var drainOver = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        using var stopping = stoppingToken.Register(() =>
        {
            queue.Close();
            drainOver.CancelAfter(settings.DrainTimeout);
        });
        var workers = new Task[settings.MaxConcurrentHandlers];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(() => WorkAsync(stoppingToken, drainOver.Token), CancellationToken.None);
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        if (Interlocked.Read(ref _drained) > 0)
        {
            Log.Drained(logger, Interlocked.Read(ref _drained));
        }

        var dropped = 0;
        while (queue.TryDequeue(out _))
        {
            dropped++;
        }

        if (dropped > 0)
        {
            WebhookTelemetry.Dropped.Add(dropped);
            Log.Dropped(logger, dropped, settings.DrainTimeout);
        }
    }

    private async Task WorkAsync(CancellationToken stoppingToken, CancellationToken drainOver)
    {
        try
        {
            while (await queue.Reader.WaitToReadAsync(drainOver).ConfigureAwait(false))
            {
                while (!drainOver.IsCancellationRequested && queue.TryDequeue(out var context))
                {
                    var scope = scopes.CreateAsyncScope();
                    await using (scope.ConfigureAwait(false))
                    {
                        await invoker.InvokeAsync(scope.ServiceProvider, context, TtnWebhookDispatch.Background, drainOver)
                            .ConfigureAwait(false);
                    }

                    if (stoppingToken.IsCancellationRequested)
                    {
                        Interlocked.Increment(ref _drained);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (drainOver.IsCancellationRequested)
        {
            // The drain time is over: what is still queued is counted as dropped.
        }
    }
}
