using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ttn.Provisioning.AspNetCore.Webhooks;

/// <summary>Runs the host's <see cref="ITtnMessageHandler"/> on one message, inline or from the queue, the same way.</summary>
internal sealed class WebhookHandlerInvoker(ILogger<WebhookHandlerInvoker> logger)
{
    /// <summary>
    /// Resolves the handler from <paramref name="services"/> (a scope) and runs it. A handler's exception is logged and counted
    /// and comes back as false; the cancellation of <paramref name="cancellationToken"/> propagates.
    /// </summary>
    public async Task<bool> InvokeAsync(
        IServiceProvider services, TtnWebhookContext context, TtnWebhookDispatch dispatch, CancellationToken cancellationToken)
    {
        try
        {
            var handler = services.GetRequiredService<ITtnMessageHandler>();
            await handler.HandleAsync(context, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            WebhookTelemetry.HandlerFailures.Add(1, WebhookTelemetry.Dispatch(dispatch));
            Log.HandlerFailed(logger, exception, context.TenantId, context.Message.Kind);
            return false;
        }
    }
}
