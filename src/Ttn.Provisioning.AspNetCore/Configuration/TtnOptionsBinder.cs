using System.Globalization;
using Microsoft.Extensions.Configuration;
using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.AspNetCore.Configuration;

/// <summary>
/// Binds <see cref="TtnProvisioningOptions"/> from configuration with the configuration binding source generator (no
/// reflection), then gives configured lists their meaning: a list in configuration replaces the default list.
/// </summary>
internal static class TtnOptionsBinder
{
    /// <summary>
    /// Settings that moved or are no longer settings: a value left at such a key would otherwise be ignored without a word.
    /// </summary>
    private static readonly (string Key, string Remedy)[] Retired =
    [
        ("MaxDevicesPerTenant", "has moved to '{0}Devices:MaxDevicesPerTenant' (read by AddDevices()); move the value there"),
        ("GatewayOnlineWithin", "has moved to '{0}Devices:GatewayOnlineWithin' (read by AddDevices()); move the value there"),
        ("MaxOrganizationIdRotations", "is no longer a setting (3 collision-safe ids are tried); remove it"),
        ("ThingsStack:PageSize", "is no longer a setting (lists are read 100 items a page); remove it"),
    ];

    public static void Bind(IConfiguration section, TtnProvisioningOptions options)
    {
        var path = section is IConfigurationSection named ? named.Path + ":" : string.Empty;
        foreach (var (key, remedy) in Retired)
        {
            if (section[key] is not null)
            {
                throw new InvalidOperationException(
                    $"Configuration entry '{path}{key}' " + string.Format(CultureInfo.InvariantCulture, remedy, path) + ".");
            }
        }

        // Scalars, and the nested ThingsStack and Secrets objects (get-only: bound in place).
        section.Bind(options);

        // The binder adds a configured list's items to a get-only list's defaults; a configured list replaces them.
        Replace(options.OrganizationApiKeyRights, section.GetSection(nameof(TtnProvisioningOptions.OrganizationApiKeyRights)));
        Replace(options.ApplicationApiKeyRights, section.GetSection(nameof(TtnProvisioningOptions.ApplicationApiKeyRights)));
        Replace(options.GatewayApiKeyRights, section.GetSection(nameof(TtnProvisioningOptions.GatewayApiKeyRights)));
        var keys = section.GetSection($"{nameof(TtnProvisioningOptions.Secrets)}:{nameof(SecretProtectionOptions.Keys)}");
        if (keys.Exists())
        {
            options.Secrets.Keys.Clear();
            foreach (var entry in keys.GetChildren())
            {
                var key = new SecretKeyOptions();
                entry.Bind(key);
                options.Secrets.Keys.Add(key);
            }
        }
    }

    private static void Replace(IList<string> list, IConfigurationSection section)
    {
        if (!section.Exists())
        {
            return;
        }

        list.Clear();
        foreach (var item in ListValues(section))
        {
            list.Add(item);
        }
    }

    /// <summary>The items of a configured list: its children (<c>Name:0</c>, <c>Name:1</c>…) or one comma-separated value.</summary>
    public static IEnumerable<string> ListValues(IConfigurationSection section) =>
        section.Value is { } single
            ? single.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : section.GetChildren().Select(child => child.Value).OfType<string>().Select(value => value.Trim());
}
