using Microsoft.Extensions.Configuration;
using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.AspNetCore.Configuration;

/// <summary>
/// Binds <see cref="TtnProvisioningOptions"/> from configuration with the configuration binding source generator (no
/// reflection), then gives configured lists their meaning: a list in configuration replaces the default list.
/// </summary>
internal static class TtnOptionsBinder
{
    /// <summary>Settings that moved to another section: a value left at the old key would otherwise be ignored.</summary>
    private static readonly (string Old, string New)[] Moved =
    [
        ("MaxDevicesPerTenant", "Devices:MaxDevicesPerTenant"),
        ("GatewayOnlineWithin", "Devices:GatewayOnlineWithin"),
    ];

    public static void Bind(IConfiguration section, TtnProvisioningOptions options)
    {
        var path = section is IConfigurationSection named ? named.Path + ":" : string.Empty;
        foreach (var (old, now) in Moved)
        {
            if (section[old] is not null)
            {
                throw new InvalidOperationException(
                    $"Configuration entry '{path}{old}' has moved to '{path}{now}' (read by AddDevices()); move the value there.");
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
