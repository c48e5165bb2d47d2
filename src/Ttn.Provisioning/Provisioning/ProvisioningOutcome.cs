namespace Ttn.Provisioning;

/// <summary>How an operation ended. Every expected outcome is a value; only misuse throws.</summary>
public enum ProvisioningOutcome
{
    /// <summary>The operation did what was asked.</summary>
    Succeeded = 0,

    /// <summary>The role policy denied the caller; nothing was read from The Things Stack and nothing was written.</summary>
    Denied = 1,

    /// <summary>Another run holds the tenant's lease; this call made no TTS request.</summary>
    AlreadyInProgress = 2,

    /// <summary>The tenant has nothing stored for this operation to act on.</summary>
    NotConfigured = 3,

    /// <summary>Only "start fresh" can get the tenant to Ready (for example, its application belongs to another account).</summary>
    UseStartFresh = 4,

    /// <summary>The operation failed; the result says at which step and what The Things Stack answered. A retry may help.</summary>
    Failed = 5,

    /// <summary>The operation does not apply to the tenant's current state (for example, a retry of a Ready tenant).</summary>
    NotApplicable = 6,

    /// <summary>
    /// The tenant is disabled (<see cref="Storage.TenantSettings.Enabled"/>): operations that would create or replace
    /// resources on The Things Stack are refused until it is enabled again. Nothing was sent and nothing written.
    /// </summary>
    TenantDisabled = 7,
}
