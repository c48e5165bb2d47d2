using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Devices;

/// <summary>The result of <see cref="IDeviceService.GetDeviceAsync"/>.</summary>
/// <remarks>Succeeded with <see cref="Device"/>; Failed with a 404 error when the application has no such device.</remarks>
public sealed class DeviceReadResult : OperationResult
{
    internal DeviceReadResult()
    {
    }

    /// <summary>The device as the Identity Server shows it.</summary>
    public EndDeviceInfo? Device { get; internal init; }
}

/// <summary>The result of <see cref="IDeviceService.ListDevicesAsync"/>: one page of the tenant's devices.</summary>
public sealed class DeviceListResult : OperationResult
{
    internal DeviceListResult()
    {
    }

    /// <summary>The page's devices, as the Identity Server lists them.</summary>
    public IReadOnlyList<EndDeviceInfo> Devices { get; internal init; } = [];

    /// <summary>The page (1-based).</summary>
    public int Page { get; internal init; }

    /// <summary>The page size asked for.</summary>
    public int PageSize { get; internal init; }

    /// <summary>How many devices the application holds, when The Things Stack said (<c>X-Total-Count</c>).</summary>
    public long? TotalCount { get; internal init; }

    /// <summary>The tenant's devices whose registration or removal has not finished (from the device store).</summary>
    public IReadOnlyList<UnfinishedDevice> Unfinished { get; internal init; } = [];
}

/// <summary>
/// The result of <see cref="IDeviceService.DiagnoseDeviceAsync"/>: which of the four registries hold the device, read
/// together. A device held by some registries and not others is split-brain; <see cref="IDeviceService.RepairDeviceAsync"/>
/// completes or removes it.
/// </summary>
public sealed class DeviceDiagnosisResult : OperationResult
{
    internal DeviceDiagnosisResult()
    {
    }

    /// <summary>The device id.</summary>
    public string? DeviceId { get; internal init; }

    /// <summary>The registries that hold the device.</summary>
    public DeviceRegistries HeldBy { get; internal init; }

    /// <summary>
    /// The registries that could not be read (they answered an error other than 404); see <see cref="OperationResult.Error"/>.
    /// </summary>
    public DeviceRegistries Unknown { get; internal init; }

    /// <summary>The registries that do not hold the device.</summary>
    public DeviceRegistries Missing => DeviceRegistries.All & ~HeldBy & ~Unknown;

    /// <summary>Whether every registry was read and all four hold the device.</summary>
    public bool IsComplete => HeldBy == DeviceRegistries.All;

    /// <summary>Whether the device is held by some registries and not by others that were read: half-registered.</summary>
    public bool IsSplitBrain => HeldBy != DeviceRegistries.None && Missing != DeviceRegistries.None;

    /// <summary>The DevEUI a registry reported (the Identity Server's first), when one holds the device.</summary>
    public string? DevEui { get; internal init; }

    /// <summary>The JoinEUI a registry reported, when one holds the device.</summary>
    public string? JoinEui { get; internal init; }

    /// <summary>The device's unfinished entry in the device store, when its registration or removal did not finish.</summary>
    public UnfinishedDevice? Unfinished { get; internal init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{base.ToString()}: device {DeviceId ?? "-"} held by {HeldBy}, missing from {Missing}, unknown {Unknown}";
}
