using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Ttn.Provisioning.AspNetCore.Webhooks;
using Ttn.Provisioning.Webhooks;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the webhook receiver of Ttn.Provisioning.AspNetCore.</summary>
public static class TtnWebhookEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>POST {prefix}/{tenant}</c>, where The Things Stack delivers each tenant's messages with the secret header the
    /// library registered (<see cref="Ttn.Provisioning.TtnProvisioningOptions.WebhookSecretHeader"/>); set
    /// <see cref="Ttn.Provisioning.TtnProvisioningOptions.WebhookBaseUrl"/> to this prefix's public address. Each authentic,
    /// well-formed message reaches the host's <see cref="ITtnMessageHandler"/>.
    /// </summary>
    /// <param name="endpoints">The application's endpoints.</param>
    /// <param name="prefix">The route prefix (default <c>/ttn/webhook</c>).</param>
    /// <returns>The route group, for the host's conventions (a rate limiter, a host filter, tags).</returns>
    /// <exception cref="InvalidOperationException">
    /// <c>AddTtnProvisioning</c>, <c>AddTtnWebhooks</c> or <c>AddTtnMessageHandler</c> was not called.
    /// </exception>
    /// <remarks>
    /// Answers (never a body): 200 handled (or a duplicate), 202 queued, 204 a disabled tenant's message dropped, 400 not a
    /// message, 403 a wrong or missing secret, an unknown tenant, or a message about another application, 413 too large, 415
    /// not JSON, 500 the handler threw, 503 the queue is full or the store cannot be read (with <c>Retry-After</c>).
    /// Tenant ids with a <c>/</c> cannot be routed (the escaped slash stays escaped in route values).
    /// <para>
    /// The Things Stack counts any answer other than 2xx as a failed delivery, and after the deployment's
    /// <c>unhealthy_attempts_threshold</c> consecutive failures it stops delivering to the webhook for
    /// <c>unhealthy_retry_interval</c> (readable at <c>GET /as/configuration</c>; TTN Cloud's console spoke of 24 hours).
    /// That is why a disabled tenant's authentic message is answered 204 (dropped on purpose, not failed): its webhook is
    /// paused on TTS anyway, so only deliveries already under way arrive, and they must not make TTS mark the webhook
    /// unhealthy. A wrong secret is 403 on purpose: TTS should notice.
    /// </para>
    /// </remarks>
    public static RouteGroupBuilder MapTtnWebhooks(
        this IEndpointRouteBuilder endpoints, [StringSyntax("Route")] string prefix = "/ttn/webhook")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var services = endpoints.ServiceProvider;
        var registered = services.GetRequiredService<IServiceProviderIsService>();
        if (!registered.IsService(typeof(WebhookVerifier)))
        {
            throw new InvalidOperationException("MapTtnWebhooks needs services.AddTtnProvisioning(...): it checks secrets with it.");
        }

        if (!registered.IsService(typeof(WebhookReceiver)))
        {
            throw new InvalidOperationException("MapTtnWebhooks needs services.AddTtnWebhooks().");
        }

        if (!registered.IsService(typeof(ITtnMessageHandler)))
        {
            throw new InvalidOperationException("MapTtnWebhooks needs a message handler: services.AddTtnMessageHandler<THandler>().");
        }

        var receiver = services.GetRequiredService<WebhookReceiver>();
        var group = endpoints.MapGroup(prefix);
        group.MapPost("/{tenant}", (RequestDelegate)receiver.ReceiveAsync).WithDisplayName("Ttn.Provisioning webhook");
        return group;
    }
}
