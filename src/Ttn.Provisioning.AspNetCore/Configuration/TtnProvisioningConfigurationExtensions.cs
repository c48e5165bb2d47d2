using Microsoft.Extensions.Configuration;
using Ttn.Provisioning.AspNetCore.Configuration;
using Ttn.Provisioning.AspNetCore.Endpoints;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds Ttn.Provisioning with its settings read from configuration.</summary>
public static class TtnProvisioningConfigurationExtensions
{
    /// <summary>
    /// Adds Ttn.Provisioning as <c>AddTtnProvisioning(Action&lt;TtnProvisioningOptions&gt;)</c> does, with every setting
    /// bound from <paramref name="configuration"/> (for example <c>builder.Configuration.GetSection("Ttn")</c>) when the
    /// options are first used, and validated when the host starts, exactly as when they are set in code.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section that holds the settings.</param>
    /// <returns>The builder, for the credential store and the rest.</returns>
    /// <remarks>
    /// <para>
    /// The section mirrors <see cref="Ttn.Provisioning.TtnProvisioningOptions"/>: <c>AdminApiKey</c>, <c>WebhookBaseUrl</c>,
    /// <c>LeaseDuration</c> (<c>00:02:00</c>), … ; <c>ThingsStack:IdentityServerUri</c>, <c>ThingsStack:Clusters:{name}</c>,
    /// <c>ThingsStack:DefaultCluster</c>, … ;
    /// <c>Secrets:PrimaryKeyId</c> and <c>Secrets:Keys:0:Id</c> / <c>Secrets:Keys:0:Key</c>; a configured list (the API key
    /// rights, the keys) replaces the default list rather than adding to it. Besides: <c>RolePolicy:AllowedRoles:&lt;operation&gt;</c>
    /// and <c>RolePolicy:SecretReaders:&lt;secret&gt;</c>, each a list of roles (or one comma-separated value) that replaces
    /// that entry of the default table; <c>Endpoints</c> for <see cref="TtnEndpointOptions"/>; and <c>Devices</c> for
    /// <see cref="TtnDeviceOptions"/> (<c>Devices:MaxDevicesPerTenant</c>, <c>Devices:GatewayOnlineWithin</c>), read by the device
    /// services that <c>AddDevices()</c> adds.
    /// </para>
    /// <para>
    /// Keep the admin API key and the secret keys out of <c>appsettings.json</c>: put them in the host's secret store (user
    /// secrets in development, environment variables such as <c>Ttn__AdminApiKey</c>, a key vault), which configuration
    /// merges into the same section. A value that cannot be converted (a malformed <c>LeaseDuration</c>) stops the host at
    /// start with an error naming the entry, and so does an unknown operation or role in <c>RolePolicy</c>.
    /// </para>
    /// </remarks>
    public static ITtnProvisioningBuilder AddTtnProvisioning(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var builder = services.AddTtnProvisioning(options => TtnOptionsBinder.Bind(configuration, options));
        builder.ConfigureRolePolicy(policy => RolePolicyBinder.Bind(configuration.GetSection(RolePolicyBinder.SectionName), policy));
        services.AddOptions<RolePolicyOptions>().ValidateOnStart();
        services.AddOptions<TtnEndpointOptions>().Bind(configuration.GetSection("Endpoints"));
        services.AddOptions<TtnDeviceOptions>().Bind(configuration.GetSection("Devices"));
        return builder;
    }
}
