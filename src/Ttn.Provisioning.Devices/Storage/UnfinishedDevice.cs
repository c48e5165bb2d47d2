using Ttn.Provisioning.Devices;

namespace Ttn.Provisioning.Storage;

/// <summary>What was being done to a device when it became unfinished.</summary>
public enum DeviceWork
{
    /// <summary>Registering it (or rolling a failed registration back).</summary>
    Register = 0,

    /// <summary>Removing it.</summary>
    Remove = 1,
}

/// <summary>
/// A device whose registration or removal has not finished: written before the first request to The Things Stack and
/// updated after each registry, so a host that stops mid-way leaves a known state. It is removed once the work is
/// done; when the work ended without finishing (a roll-back or a removal that could not remove everything),
/// <see cref="NeedsCleanup"/> says so, and registering, repairing or removing the device again finishes it.
/// </summary>
/// <remarks>Holds ids and EUIs only, never a key.</remarks>
public sealed record UnfinishedDevice
{
    /// <summary>The tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The tenant's application the device belongs to.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>The device id.</summary>
    public required string DeviceId { get; init; }

    /// <summary>The DevEUI (upper-case hex), when known.</summary>
    public string? DevEui { get; init; }

    /// <summary>The JoinEUI (upper-case hex), when known.</summary>
    public string? JoinEui { get; init; }

    /// <summary>What was being done.</summary>
    public DeviceWork Work { get; init; }

    /// <summary>The registries that may hold a part of the device, as far as the work knows.</summary>
    public DeviceRegistries Holds { get; init; }

    /// <summary>
    /// Whether the work ended without finishing, so a clean-up is owed; false while it is in progress (or when the host
    /// stopped during it).
    /// </summary>
    public bool NeedsCleanup { get; init; }

    /// <summary>Why the work did not finish, with what The Things Stack answered; null while in progress.</summary>
    public string? Reason { get; init; }

    /// <summary>When the work started.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When this entry was last written.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}
