namespace Ttn.Provisioning.Authorization;

/// <summary>The role policy's answer for one role and operation, with the reason in words.</summary>
/// <param name="IsAllowed">Whether the operation may go ahead.</param>
/// <param name="Role">The caller's role.</param>
/// <param name="Operation">The operation asked for.</param>
/// <param name="Reason">Why, in words a person can act on (no secret is ever part of it).</param>
public sealed record PolicyDecision(bool IsAllowed, TenantRole Role, ProvisioningOperation Operation, string Reason)
{
    /// <summary>An allowing decision.</summary>
    /// <param name="role">The caller's role.</param>
    /// <param name="operation">The operation.</param>
    public static PolicyDecision Allow(TenantRole role, ProvisioningOperation operation) =>
        new(true, role, operation, $"Role {role} may perform {operation}.");

    /// <summary>A denying decision.</summary>
    /// <param name="role">The caller's role.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="reason">Why it is denied.</param>
    public static PolicyDecision Deny(TenantRole role, ProvisioningOperation operation, string reason) =>
        new(false, role, operation, reason);
}
