namespace Ttn.Provisioning.Devices;

/// <summary>
/// The result of <see cref="IDeviceService.RemoveDeviceAsync"/>: the device is removed from the Application, Network
/// and Join Servers, then from the Identity Server, which releases its EUIs at once (verified with a search by EUI).
/// </summary>
/// <remarks>
/// Succeeded when no registry holds the device any more; Failed when one could not be reached or refused (the device is
/// then recorded as unfinished, and removing it again finishes the job).
/// </remarks>
public sealed class DeviceRemovalResult : OperationResult
{
    internal DeviceRemovalResult()
    {
    }

    /// <summary>The device id.</summary>
    public string? DeviceId { get; internal init; }

    /// <summary>The registries the device was removed from by this call.</summary>
    public DeviceRegistries Removed { get; internal init; }

    /// <summary>The registries that did not hold the device (404: already gone).</summary>
    public DeviceRegistries AlreadyGone { get; internal init; }

    /// <summary>
    /// The registries that still hold it: a delete failed, or the Identity Server entry was kept because a server still
    /// holds a part (the entry is what lets the device be found again).
    /// </summary>
    public DeviceRegistries Remaining { get; internal init; }

    /// <summary>
    /// Whether a search by the device's EUIs in the application found nothing afterwards (the EUIs are free for another
    /// registration); null when it was not searched (the EUIs were not known, or the search failed).
    /// </summary>
    public bool? EuisReleased { get; internal init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{base.ToString()}: device {DeviceId ?? "-"} removed from {Removed}, already gone from {AlreadyGone}, remaining in {Remaining}";
}

/// <summary>What <see cref="IDeviceService.RepairDeviceAsync"/> did.</summary>
public enum DeviceRepairAction
{
    /// <summary>Nothing: the device was complete, or absent everywhere.</summary>
    None = 0,

    /// <summary>The device was registered the rest of the way.</summary>
    Completed = 1,

    /// <summary>What was left of the device was removed.</summary>
    Removed = 2,
}

/// <summary>The result of <see cref="IDeviceService.RepairDeviceAsync"/>: which registries held the device before and after.</summary>
public sealed class DeviceRepairResult : OperationResult
{
    internal DeviceRepairResult()
    {
    }

    /// <summary>The device id.</summary>
    public string? DeviceId { get; internal init; }

    /// <summary>What the repair did.</summary>
    public DeviceRepairAction Action { get; internal init; }

    /// <summary>The registries that held the device before the repair.</summary>
    public DeviceRegistries Before { get; internal init; }

    /// <summary>The registries that hold it now (as the repair left them).</summary>
    public DeviceRegistries After { get; internal init; }

    /// <inheritdoc />
    public override string ToString() => $"{base.ToString()}: device {DeviceId ?? "-"} {Action}, held by {Before} before, {After} after";
}
