using Ttn.Provisioning.Devices;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.DeviceRegistration;

/// <summary>How the registration of one device ended.</summary>
/// <param name="DeviceId">The device.</param>
/// <param name="Status">What happened.</param>
/// <param name="Created">The registries it was written to.</param>
/// <param name="RolledBack">The registries it was removed from again.</param>
/// <param name="NotRolledBack">The registries that still hold a part of it although the registration failed.</param>
/// <param name="Conflict">Who holds its id or EUIs, for a conflict.</param>
/// <param name="Failure">What The Things Stack answered to the step that failed.</param>
internal sealed record RegistrationOutcome(
    string DeviceId,
    DeviceOutcome Status,
    DeviceRegistries Created,
    DeviceRegistries RolledBack,
    DeviceRegistries NotRolledBack,
    DeviceConflict? Conflict,
    TtsFailure? Failure)
{
    /// <summary>Why the device was not registered, in words (failure or conflict, and what the roll-back did); null when it was.</summary>
    public string? Reason => Status switch
    {
        DeviceOutcome.Registered or DeviceOutcome.AlreadyPresent => null,
        DeviceOutcome.Conflict => Conflict?.Message + RollbackText,
        _ => (Failure?.Message ?? "The registration failed.") + RollbackText,
    };

    private string RollbackText =>
        (RolledBack == DeviceRegistries.None ? "" : $" Rolled back from: {RolledBack}.")
        + (NotRolledBack == DeviceRegistries.None ? "" : $" Still held by: {NotRolledBack} (recorded for clean-up).");
}

/// <summary>A device the Identity Server already lists in the application (an import reads them first).</summary>
/// <param name="DevEui">Its DevEUI.</param>
/// <param name="JoinEui">Its JoinEUI.</param>
internal sealed record ListedDevice(string? DevEui, string? JoinEui);
