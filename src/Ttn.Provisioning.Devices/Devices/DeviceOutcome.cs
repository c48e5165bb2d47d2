namespace Ttn.Provisioning.Devices;

/// <summary>What happened to one end device that was registered (alone or as a row of an import).</summary>
public enum DeviceOutcome
{
    /// <summary>The device was registered in all four registries.</summary>
    Registered = 0,

    /// <summary>
    /// The device was already registered with the same EUIs in the tenant's application; its records were brought in line
    /// with the definition and no second device was created.
    /// </summary>
    AlreadyPresent = 1,

    /// <summary>
    /// Another device holds the device id or the DevEUI/JoinEUI pair (see <see cref="DeviceConflict"/>); nothing of this
    /// device was left behind.
    /// </summary>
    Conflict = 2,

    /// <summary>A step failed and everything this call had created was removed again; registering again may succeed.</summary>
    RolledBack = 3,

    /// <summary>
    /// The registration failed before anything was created, or its roll-back could not remove everything (the device is
    /// then recorded as unfinished: registering it again, repairing or removing it finishes the job).
    /// </summary>
    Failed = 4,
}
