using Ttn.Provisioning.Authorization;

namespace Ttn.Provisioning;

/// <summary>
/// Who asks for an operation: the tenant acted on, the user in the host application, and that user's role in the
/// tenant. The host builds it from its own authentication; the library decides the role policy on it before any I/O.
/// </summary>
public sealed class ProvisioningCaller
{
    /// <summary>Creates a <see cref="ProvisioningCaller"/>.</summary>
    /// <param name="TenantId">The tenant acted on (the host's id for the customer organisation).</param>
    /// <param name="UserId">The host user making the call, for audit.</param>
    /// <param name="Role">The user's role in that tenant.</param>
    /// <remarks>
    /// The parameters keep the names they had when this type was a positional record, so that hosts' calls with named
    /// arguments (<c>new ProvisioningCaller(TenantId: "acme", UserId: "alice", Role: TenantRole.Owner)</c>) still compile.
    /// </remarks>
    public ProvisioningCaller(string TenantId, string UserId, TenantRole Role)
    {
        this.TenantId = TenantId;
        this.UserId = UserId;
        this.Role = Role;
    }

    /// <summary>The tenant acted on (the host's id for the customer organisation).</summary>
    public string TenantId { get; }

    /// <summary>The host user making the call, for audit.</summary>
    public string UserId { get; }

    /// <summary>The user's role in that tenant.</summary>
    public TenantRole Role { get; }
}
