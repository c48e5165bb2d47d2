namespace Ttn.Provisioning.Authorization;

/// <summary>The role policy's answer for one role and operation, with the reason in words.</summary>
public sealed class PolicyDecision
{
    private PolicyDecision(bool isAllowed, TenantRole role, ProvisioningOperation operation, string reason)
    {
        IsAllowed = isAllowed;
        Role = role;
        Operation = operation;
        Reason = reason;
    }

    /// <summary>Whether the operation may go ahead.</summary>
    public bool IsAllowed { get; }

    /// <summary>The caller's role.</summary>
    internal TenantRole Role { get; }

    /// <summary>The operation asked for.</summary>
    internal ProvisioningOperation Operation { get; }

    /// <summary>Why, in words a person can act on (no secret is ever part of it).</summary>
    public string Reason { get; }

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
