namespace Ttn.Provisioning.AspNetCore.Webhooks;

/// <summary>
/// The host's handler of the messages The Things Stack pushes to <c>MapTtnWebhooks</c>: each authentic, well-formed message
/// of a tenant, typed (pattern-match on <see cref="TtnWebhookContext.Message"/>). Register it with
/// <c>services.AddTtnMessageHandler&lt;THandler&gt;()</c>; it is resolved per message from a scope (the request's scope when
/// messages are handled inline), so it may depend on scoped services such as a <c>DbContext</c>.
/// </summary>
/// <remarks>
/// Inline (the default), The Things Stack gets its answer when the handler returns: a handler that throws makes the delivery
/// a failure (500), and The Things Stack marks the webhook unhealthy after enough consecutive failures. In the background
/// mode (<see cref="TtnWebhookDispatch.Background"/>) The Things Stack gets its answer once the message is queued, and a
/// handler's exception is logged. Messages may arrive more than once: de-duplicate on the correlation ids, or set
/// <see cref="TtnWebhookOptions.Deduplication"/>.
/// </remarks>
public interface ITtnMessageHandler
{
    /// <summary>Handles one message.</summary>
    /// <param name="context">The tenant, the message and the downlink details The Things Stack sent with it.</param>
    /// <param name="cancellationToken">
    /// Inline: the request was aborted. Background: the host is stopping and the drain time is over.
    /// </param>
    Task HandleAsync(TtnWebhookContext context, CancellationToken cancellationToken);
}
