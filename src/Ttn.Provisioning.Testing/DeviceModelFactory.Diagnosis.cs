using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Testing;

/// <summary>The results that show which registries hold a device: a diagnosis, a repair and a removal.</summary>
public static partial class DeviceModelFactory
{
    /// <summary>Builds a <see cref="Devices.DeviceDiagnosisResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="deviceId">The device id.</param>
    /// <param name="heldBy">The registries that hold the device.</param>
    /// <param name="unknown">The registries that could not be read.</param>
    /// <param name="devEui">The DevEUI a registry reported.</param>
    /// <param name="joinEui">The JoinEUI a registry reported.</param>
    /// <param name="unfinished">The device's unfinished entry in the device store.</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static DeviceDiagnosisResult DeviceDiagnosisResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        string? deviceId = null,
        DeviceRegistries heldBy = DeviceRegistries.None,
        DeviceRegistries unknown = DeviceRegistries.None,
        string? devEui = null,
        string? joinEui = null,
        UnfinishedDevice? unfinished = null,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        DeviceId = deviceId,
        HeldBy = heldBy,
        Unknown = unknown,
        DevEui = devEui,
        JoinEui = joinEui,
        Unfinished = unfinished,
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds a <see cref="Devices.DeviceRepairResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="deviceId">The device id.</param>
    /// <param name="action">What the repair did.</param>
    /// <param name="before">The registries that held the device before the repair.</param>
    /// <param name="after">The registries that hold it now.</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static DeviceRepairResult DeviceRepairResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        string? deviceId = null,
        DeviceRepairAction action = DeviceRepairAction.None,
        DeviceRegistries before = DeviceRegistries.None,
        DeviceRegistries after = DeviceRegistries.None,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        DeviceId = deviceId,
        Action = action,
        Before = before,
        After = after,
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds a <see cref="Devices.DeviceRemovalResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="deviceId">The device id.</param>
    /// <param name="removed">The registries the device was removed from.</param>
    /// <param name="alreadyGone">The registries that did not hold the device.</param>
    /// <param name="remaining">The registries that still hold it.</param>
    /// <param name="euisReleased">Whether a search by the device's EUIs found nothing afterwards; null when not searched.</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static DeviceRemovalResult DeviceRemovalResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        string? deviceId = null,
        DeviceRegistries removed = DeviceRegistries.None,
        DeviceRegistries alreadyGone = DeviceRegistries.None,
        DeviceRegistries remaining = DeviceRegistries.None,
        bool? euisReleased = null,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        DeviceId = deviceId,
        Removed = removed,
        AlreadyGone = alreadyGone,
        Remaining = remaining,
        EuisReleased = euisReleased,
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };
}
