using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.AspNetCore.Webhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the webhook receiver of Ttn.Provisioning.AspNetCore (mapped with <c>app.MapTtnWebhooks()</c>).</summary>
public static class TtnWebhookServiceCollectionExtensions
{
    /// <summary>
    /// Adds the webhook receiver: its options (validated when the host starts), the queue and the background workers of the
    /// background mode. Needs <c>AddTtnProvisioning</c> (the receiver checks secrets with the library's verifier) and a
    /// message handler (<see cref="AddTtnMessageHandler{THandler}"/>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; null keeps the defaults (inline handling, 64 KiB bodies).</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddTtnWebhooks(this IServiceCollection services, Action<TtnWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<TtnWebhookOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TtnWebhookOptions>, TtnWebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WebhookQueue>();
        services.TryAddSingleton<WebhookHandlerInvoker>();
        services.TryAddSingleton<WebhookReceiver>();
        services.AddHostedService<WebhookQueueWorker>();
        return services;
    }

    /// <summary>
    /// Registers the host's message handler (scoped: one instance per message), replacing any handler registered before.
    /// </summary>
    /// <typeparam name="THandler">The handler.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddTtnMessageHandler<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IServiceCollection services)
        where THandler : class, ITtnMessageHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Replace(ServiceDescriptor.Scoped<ITtnMessageHandler, THandler>());
        return services;
    }
}
