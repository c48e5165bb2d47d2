using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ttn.Provisioning;

/// <summary>
/// Checks when the host starts that the library will have an admin API key: either
/// <see cref="TtnProvisioningOptions.AdminApiKey"/> is set or the host registered its own
/// <see cref="IAdminApiKeyProvider"/>. It reads the registrations (without creating the provider), so it holds whichever
/// way the provider was registered.
/// </summary>
internal sealed class AdminApiKeyValidator : IValidateOptions<TtnProvisioningOptions>
{
    private readonly IServiceCollection _services;

    public AdminApiKeyValidator(IServiceCollection services)
    {
        _services = services;
    }

    public ValidateOptionsResult Validate(string? name, TtnProvisioningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var provider = _services.LastOrDefault(d => d.ServiceType == typeof(IAdminApiKeyProvider));
        var usesOptions = provider is null || provider.ImplementationType == typeof(OptionsAdminApiKeyProvider);
        return usesOptions && string.IsNullOrWhiteSpace(options.AdminApiKey)
            ? ValidateOptionsResult.Fail(
                "No admin API key is configured: set TtnProvisioningOptions.AdminApiKey (from configuration or a vault) or register "
                + "an IAdminApiKeyProvider with UseAdminApiKeyProvider<T>().")
            : ValidateOptionsResult.Success;
    }
}
