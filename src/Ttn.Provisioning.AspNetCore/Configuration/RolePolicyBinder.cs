using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.AspNetCore.Configuration;

/// <summary>
/// Binds <c>RolePolicy:AllowedRoles:&lt;operation&gt;</c> and <c>RolePolicy:SecretReaders:&lt;secret&gt;</c>: each configured
/// entry replaces that entry of the default table (the binder would add to it). Unknown names are refused, all at once.
/// </summary>
internal static class RolePolicyBinder
{
    public const string SectionName = "RolePolicy";

    public static void Bind(IConfigurationSection section, RolePolicyOptions policy)
    {
        var failures = new List<string>();
        foreach (var entry in section.GetSection(nameof(RolePolicyOptions.AllowedRoles)).GetChildren())
        {
            var roles = ParseRoles(entry, failures);
            if (!TryParseName<ProvisioningOperation>(entry.Key, out var operation))
            {
                var names = string.Join(", ", Enum.GetNames<ProvisioningOperation>());
                failures.Add($"{entry.Path}: '{entry.Key}' is not an operation ({names}).");
            }
            else if (roles is not null)
            {
                policy.Allow(operation, roles);
            }
        }

        foreach (var entry in section.GetSection(nameof(RolePolicyOptions.SecretReaders)).GetChildren())
        {
            var roles = ParseRoles(entry, failures);
            if (!TryParseName<SecretField>(entry.Key, out var secret))
            {
                failures.Add($"{entry.Path}: '{entry.Key}' is not a secret ({string.Join(", ", Enum.GetNames<SecretField>())}).");
            }
            else if (roles is not null)
            {
                policy.Reveal(secret, roles);
            }
        }

        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(RolePolicyOptions), failures);
        }
    }

    /// <summary>The roles an entry lists, or null (with a failure for each bad name) when one is not a role.</summary>
    private static TenantRole[]? ParseRoles(IConfigurationSection entry, List<string> failures)
    {
        var roles = new List<TenantRole>();
        var valid = true;
        foreach (var name in TtnOptionsBinder.ListValues(entry))
        {
            if (TryParseName<TenantRole>(name, out var role) && role != TenantRole.None)
            {
                roles.Add(role);
            }
            else
            {
                failures.Add($"{entry.Path}: '{name}' is not a role (Owner, Admin, Manager, Staff, Viewer).");
                valid = false;
            }
        }

        return valid ? [.. roles] : null;
    }

    /// <summary>A defined member by its name (any case); numbers are not names.</summary>
    private static bool TryParseName<TEnum>(string name, out TEnum value)
        where TEnum : struct, Enum
    {
        value = default;
        return name.Length > 0
            && !char.IsAsciiDigit(name.TrimStart('-', '+').FirstOrDefault('0'))
            && Enum.TryParse(name, ignoreCase: true, out value)
            && Enum.IsDefined(value);
    }
}
