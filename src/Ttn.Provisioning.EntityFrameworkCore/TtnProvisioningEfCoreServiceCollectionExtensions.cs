using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Ttn.Provisioning.EntityFrameworkCore;
using Ttn.Provisioning.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the EF Core credential store.</summary>
public static class TtnProvisioningEfCoreServiceCollectionExtensions
{
    /// <summary>
    /// Makes <see cref="EfCoreCredentialStore{TContext}"/> the <see cref="ICredentialStore"/> and
    /// <see cref="EfCoreDeviceStore{TContext}"/> the <see cref="IDeviceStore"/> (singletons), replacing any store registered
    /// before; the device services themselves come with <c>AddDevices()</c>. The host registers
    /// <see cref="IDbContextFactory{TContext}"/> itself, with <c>AddDbContextFactory&lt;TContext&gt;(…)</c> or
    /// <c>AddPooledDbContextFactory&lt;TContext&gt;(…)</c>, and its model must include
    /// <see cref="TtnProvisioningModelBuilderExtensions.ApplyTtnProvisioningModel"/> (or be <see cref="TtnProvisioningDbContext"/>).
    /// </summary>
    /// <typeparam name="TContext">The DbContext whose model holds the tenant table.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddTtnProvisioningEfCoreStore<TContext>(this IServiceCollection services)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        services.RemoveAll<ICredentialStore>();
        services.AddSingleton<ICredentialStore, EfCoreCredentialStore<TContext>>();
        services.RemoveAll<IDeviceStore>();
        services.AddSingleton<IDeviceStore, EfCoreDeviceStore<TContext>>();
        return services;
    }

    /// <summary>
    /// Keeps tenant records and device work (unfinished devices, import jobs) in <typeparamref name="TContext"/>'s database
    /// through <see cref="EfCoreCredentialStore{TContext}"/> and <see cref="EfCoreDeviceStore{TContext}"/> (see
    /// <see cref="AddTtnProvisioningEfCoreStore{TContext}(IServiceCollection)"/>).
    /// </summary>
    /// <typeparam name="TContext">The DbContext whose model holds the tenant and device tables.</typeparam>
    /// <param name="builder">The builder returned by <c>AddTtnProvisioning</c>.</param>
    /// <returns>The same builder.</returns>
    public static ITtnProvisioningBuilder UseEntityFrameworkCoreStore<TContext>(this ITtnProvisioningBuilder builder)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddTtnProvisioningEfCoreStore<TContext>();
        return builder;
    }
}
