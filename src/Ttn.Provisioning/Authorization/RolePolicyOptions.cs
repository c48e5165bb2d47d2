namespace Ttn.Provisioning.Authorization;

/// <summary>
/// The role × operation table the <see cref="RolePolicyEvaluator"/> enforces. Starts as the default table;
/// a host may change it. Anything not listed is denied.
/// </summary>
/// <remarks>
/// Default table:
/// <list type="table">
/// <listheader><term>operation</term><description>roles allowed</description></listheader>
/// <item><term>GetStatus</term><description>Owner, Admin, Manager, Staff, Viewer</description></item>
/// <item><term>GetCredentials</term><description>Owner, Admin, Manager</description></item>
/// <item><term>every other operation</term><description>Owner, Admin</description></item>
/// </list>
/// </remarks>
public sealed class RolePolicyOptions
{
    /// <summary>The roles allowed each operation. Replace an entry to change the policy for that operation.</summary>
    public IDictionary<ProvisioningOperation, ISet<TenantRole>> AllowedRoles { get; } = CreateDefaultTable();

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

    /// <summary>Creates the default table.</summary>
    public static IDictionary<ProvisioningOperation, ISet<TenantRole>> CreateDefaultTable()
    {
        var everyone = new[] { TenantRole.Owner, TenantRole.Admin, TenantRole.Manager, TenantRole.Staff, TenantRole.Viewer };
        var readers = new[] { TenantRole.Owner, TenantRole.Admin, TenantRole.Manager };
        var changers = new[] { TenantRole.Owner, TenantRole.Admin };
        var table = new Dictionary<ProvisioningOperation, ISet<TenantRole>>();
        foreach (var operation in Enum.GetValues<ProvisioningOperation>())
        {
            table[operation] = new HashSet<TenantRole>(operation switch
            {
                ProvisioningOperation.GetStatus => everyone,
                ProvisioningOperation.GetCredentials => readers,
                _ => changers,
            });
        }

        return table;
    }
}
