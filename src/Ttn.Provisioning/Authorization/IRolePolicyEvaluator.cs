using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.Authorization;

/// <summary>
/// Decides whether a role may perform an operation. Pure and synchronous: no I/O, no state.
/// Deny by default: anything not allowed by the table is denied.
/// </summary>
public interface IRolePolicyEvaluator
{
    /// <summary>Decides whether <paramref name="role"/> may perform <paramref name="operation"/>.</summary>
    /// <param name="role">The caller's role in the tenant.</param>
    /// <param name="operation">The operation asked for.</param>
    /// <returns>The decision and its reason.</returns>
    PolicyDecision Evaluate(TenantRole role, ProvisioningOperation operation);

    /// <summary>
    /// Decides whether <paramref name="role"/> may see a stored secret in plain text (for a caller already allowed to read
    /// credentials). A secret it may not see is answered by its last four characters only.
    /// </summary>
    /// <param name="role">The caller's role in the tenant.</param>
    /// <param name="secret">The secret.</param>
    /// <returns><see langword="true"/> when the role may see it.</returns>
    bool MayReveal(TenantRole role, SecretField secret);
}
