using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.Authorization;

/// <summary>
/// The role × operation table the <see cref="RolePolicyEvaluator"/> enforces. Starts as the default table; a host
/// changes an operation's roles with <see cref="Allow"/> and a secret's readers with <see cref="Reveal"/>. Anything not
/// listed is denied.
/// </summary>
/// <remarks>
/// Default table:
/// <list type="table">
/// <listheader><term>operation</term><description>roles allowed</description></listheader>
/// <item><term>GetStatus</term><description>Owner, Admin, Manager, Staff, Viewer</description></item>
/// <item><term>GetCredentials, GetHistory</term><description>Owner, Admin, Manager</description></item>
/// <item><term>TestConnection</term><description>Owner, Admin, Manager, Staff</description></item>
/// <item><term>RegisterDevice, RepairDevice, RemoveDevice, ImportDevices, RegisterGateway, RemoveGateway</term>
/// <description>Owner, Admin, Manager</description></item>
/// <item><term>ReadDevices, ReadGateways</term><description>Owner, Admin, Manager, Staff, Viewer</description></item>
/// <item><term>every other operation</term><description>Owner, Admin</description></item>
/// </list>
/// Of the credentials, a Manager sees the application key and the webhook secret in plain text; the organization and
/// gateway keys, which can mint keys or control gateways, only Owner and Admin (<see cref="Reveal"/> changes it).
/// </remarks>
public sealed class RolePolicyOptions
{
    /// <summary>The roles allowed each operation (<see cref="Allow"/> replaces an entry).</summary>
    internal IDictionary<ProvisioningOperation, ISet<TenantRole>> AllowedRoles { get; } = CreateDefaultTable();

    /// <summary>
    /// The roles that see each secret in plain text when they read credentials; the others see its last four characters
    /// (<see cref="Reveal"/> replaces an entry).
    /// </summary>
    internal IDictionary<SecretField, ISet<TenantRole>> SecretReaders { get; } = CreateDefaultSecretReaders();

    /// <summary>Lets <paramref name="roles"/>, and only them, see <paramref name="secret"/> in plain text.</summary>
    /// <param name="secret">The secret.</param>
    /// <param name="roles">The roles that may see it.</param>
    /// <returns>These options, for chaining.</returns>
    public RolePolicyOptions Reveal(SecretField secret, params TenantRole[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        SecretReaders[secret] = new HashSet<TenantRole>(roles);
        return this;
    }

    /// <summary>Allows <paramref name="roles"/>, and only them, to perform <paramref name="operation"/>.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="roles">The roles allowed.</param>
    /// <returns>These options, for chaining.</returns>
    public RolePolicyOptions Allow(ProvisioningOperation operation, params TenantRole[] roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        AllowedRoles[operation] = new HashSet<TenantRole>(roles);
        return this;
    }

    /// <summary>The default secret readers: managers see the application key and the webhook secret, not the keys that mint keys.</summary>
    private static Dictionary<SecretField, ISet<TenantRole>> CreateDefaultSecretReaders() => new()
    {
        [SecretField.OrganizationApiKey] = new HashSet<TenantRole> { TenantRole.Owner, TenantRole.Admin },
        [SecretField.GatewayApiKey] = new HashSet<TenantRole> { TenantRole.Owner, TenantRole.Admin },
        [SecretField.ApplicationApiKey] = new HashSet<TenantRole> { TenantRole.Owner, TenantRole.Admin, TenantRole.Manager },
        [SecretField.WebhookSecret] = new HashSet<TenantRole> { TenantRole.Owner, TenantRole.Admin, TenantRole.Manager },
    };

    /// <summary>Creates the default table.</summary>
    internal static IDictionary<ProvisioningOperation, ISet<TenantRole>> CreateDefaultTable()
    {
        var everyone = new[] { TenantRole.Owner, TenantRole.Admin, TenantRole.Manager, TenantRole.Staff, TenantRole.Viewer };
        var readers = new[] { TenantRole.Owner, TenantRole.Admin, TenantRole.Manager };
        var testers = new[] { TenantRole.Owner, TenantRole.Admin, TenantRole.Manager, TenantRole.Staff };
        var changers = new[] { TenantRole.Owner, TenantRole.Admin };
        var table = new Dictionary<ProvisioningOperation, ISet<TenantRole>>();
        foreach (var operation in Enum.GetValues<ProvisioningOperation>())
        {
            table[operation] = new HashSet<TenantRole>(operation switch
            {
                ProvisioningOperation.GetStatus or ProvisioningOperation.ReadDevices or ProvisioningOperation.ReadGateways => everyone,
                ProvisioningOperation.GetCredentials or ProvisioningOperation.GetHistory => readers,
                ProvisioningOperation.TestConnection => testers,

                // Managers run the day-to-day: they onboard (and remove) devices and gateways.
                ProvisioningOperation.RegisterDevice or ProvisioningOperation.RepairDevice or ProvisioningOperation.RemoveDevice
                    or ProvisioningOperation.ImportDevices or ProvisioningOperation.RegisterGateway
                    or ProvisioningOperation.RemoveGateway => readers,
                _ => changers,
            });
        }

        return table;
    }
}
