using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Gateways;
using Ttn.Provisioning.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the device and gateway services of Ttn.Provisioning.Devices to <c>AddTtnProvisioning</c>.</summary>
public static class TtnDevicesBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="IDeviceService"/> and <see cref="IGatewayService"/>, which act on the tenants that
    /// <c>AddTtnProvisioning</c> provisions (with their application and organization keys, on their clusters, under the
    /// same role policy and telemetry), and an in-memory device store (replace it with <see cref="UseDeviceStore{TStore}"/>).
    /// Their settings are <see cref="TtnDeviceOptions"/>, validated when the host starts. Registrations use TryAdd, so a
    /// host's own registrations win; calling it twice adds no service twice (each <paramref name="configure"/> applies, in order).
    /// </summary>
    /// <param name="builder">The builder <c>AddTtnProvisioning</c> returned.</param>
    /// <param name="configure">Sets the device options (the device limit, the gateway online window), or null for the defaults.</param>
    /// <returns>The builder.</returns>
    /// <example>
    /// <code>
    /// services.AddTtnProvisioning(o => { /* ... */ }).AddDevices(o => o.MaxDevicesPerTenant = 1000);
    /// </code>
    /// </example>
    public static ITtnProvisioningBuilder AddDevices(this ITtnProvisioningBuilder builder, Action<TtnDeviceOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<TtnDeviceOptions>().ValidateOnStart();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TtnDeviceOptions>, TtnDeviceOptionsValidator>());
        services.TryAddSingleton<IDeviceStore, InMemoryDeviceStore>();
        services.TryAddSingleton<DeviceRuntime>();
        services.TryAddSingleton<IDeviceService, DeviceService>();
        services.TryAddSingleton<IGatewayService, GatewayService>();
        return builder;
    }

    /// <summary>
    /// Keeps device work (unfinished registrations and removals, import jobs) in the host's own store, registered as a
    /// singleton, instead of process memory. Adds the device services too (<see cref="AddDevices"/>).
    /// </summary>
    /// <typeparam name="TStore">The store; its import job write must be an atomic compare-and-swap.</typeparam>
    /// <param name="builder">The builder <c>AddTtnProvisioning</c> returned.</param>
    /// <returns>The builder.</returns>
    public static ITtnProvisioningBuilder UseDeviceStore<
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TStore>(this ITtnProvisioningBuilder builder)
        where TStore : class, IDeviceStore
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<IDeviceStore, TStore>());
        return builder.AddDevices();
    }
}
