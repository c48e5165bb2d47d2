using System.Text;

namespace Ttn.Provisioning.Devices;

/// <summary>
/// The result of <see cref="IDeviceService.RegisterDeviceAsync"/>: what happened to the device, which registries this
/// call created it in, and, when a later step failed, which of those it removed again and which it could not.
/// </summary>
/// <remarks>
/// <see cref="OperationResult.Outcome"/> is Succeeded when the device is registered (<see cref="DeviceOutcome.Registered"/>
/// or <see cref="DeviceOutcome.AlreadyPresent"/>) and Failed otherwise, with <see cref="OperationResult.Error"/> saying
/// what The Things Stack answered; or Denied, NotConfigured (the tenant has no application yet).
/// </remarks>
public sealed class DeviceRegistrationResult : OperationResult
{
    internal DeviceRegistrationResult()
    {
    }

    /// <summary>The device id (given, or derived from the DevEUI).</summary>
    public string? DeviceId { get; internal init; }

    /// <summary>What happened to the device; null when the call was refused before it was tried.</summary>
    public DeviceOutcome? Status { get; internal init; }

    /// <summary>The registries this call created (or, for a device already present, wrote) the device in.</summary>
    public DeviceRegistries Created { get; internal init; }

    /// <summary>The registries the device was removed from again after a later step failed.</summary>
    public DeviceRegistries RolledBack { get; internal init; }

    /// <summary>The registries that still hold a part of the device because removing it failed: a clean-up is owed.</summary>
    public DeviceRegistries NotRolledBack { get; internal init; }

    /// <summary>Who holds the device id or the EUI pair, when <see cref="Status"/> is <see cref="DeviceOutcome.Conflict"/>.</summary>
    public DeviceConflict? Conflict { get; internal init; }

    /// <summary>
    /// The AppKey sealed for the host to keep, when it asked (<see cref="EndDeviceDefinition.SealRootKeys"/>) and the
    /// device is registered; open it with the secret protector and <see cref="Secrets.SecretField.DeviceAppKey"/>.
    /// </summary>
    public string? SealedAppKey { get; internal init; }

    /// <summary>The NwkKey sealed likewise (<see cref="Secrets.SecretField.DeviceNwkKey"/>), for a LoRaWAN 1.1 device.</summary>
    public string? SealedNwkKey { get; internal init; }

    /// <summary>Whether the device is recorded as unfinished (register, repair or remove it again to finish).</summary>
    public bool NeedsCleanup => NotRolledBack != DeviceRegistries.None;

    /// <summary>The device, the outcome and what was created and rolled back; never a key.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(base.ToString());
        text.Append(": device ").Append(DeviceId ?? "-").Append(' ').Append(Status?.ToString() ?? "not tried");
        text.Append(" (created ").Append(Created).Append(", rolled back ").Append(RolledBack);
        text.Append(", not rolled back ").Append(NotRolledBack).Append(')');
        if (Conflict is { } conflict)
        {
            text.Append(": ").Append(conflict.Message);
        }

        return text.ToString();
    }
}
