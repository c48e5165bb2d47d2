namespace Ttn.Provisioning.Authorization;

/// <summary>A caller's role in a tenant, as the host application knows it.</summary>
public enum TenantRole
{
    /// <summary>No role in the tenant (or a role the host could not map). Denied everything.</summary>
    None = 0,

    /// <summary>Owns the tenant: may do everything.</summary>
    Owner = 1,

    /// <summary>Administers the tenant: may do everything.</summary>
    Admin = 2,

    /// <summary>
    /// Manages day-to-day operation: may read status, credentials and history and test the connection; may change nothing.
    /// </summary>
    Manager = 3,

    /// <summary>Staff: may read status and test the connection.</summary>
    Staff = 4,

    /// <summary>Read-only member: may read status only.</summary>
    Viewer = 5,
}
