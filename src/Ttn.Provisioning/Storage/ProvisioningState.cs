namespace Ttn.Provisioning.Storage;

/// <summary>Where a tenant is in its lifecycle: <c>Idle → Provisioning → Ready | Failed</c>.</summary>
public enum ProvisioningState
{
    /// <summary>Nothing is provisioned, or everything was cleaned.</summary>
    Idle = 0,

    /// <summary>A run is in progress (or stalled, when its lease has expired).</summary>
    Provisioning = 1,

    /// <summary>Every resource exists and its credentials are stored.</summary>
    Ready = 2,

    /// <summary>The last run failed; the record says at which step and why.</summary>
    Failed = 3,
}
