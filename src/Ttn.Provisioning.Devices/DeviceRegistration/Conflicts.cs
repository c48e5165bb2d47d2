using Ttn.Provisioning.Devices;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.DeviceRegistration;

/// <summary>Conflicts as The Things Stack reveals them: its error attributes name the other application and device.</summary>
internal static class Conflicts
{
    /// <summary>An EUI pair already registered (<c>end_device_euis_taken</c>, <c>duplicate_identifiers</c>) in a registry.</summary>
    public static DeviceConflict FromRegistry(DeviceRegistries registry, ThingsStackException error)
    {
        var applicationId = error.Attributes.GetValueOrDefault("application_id");
        var deviceId = error.Attributes.GetValueOrDefault("device_id");
        var holder = (applicationId, deviceId) switch
        {
            ({ } a, { } d) => $" as device '{d}' in application '{a}'",
            (null, { } d) => $" as device '{d}'",
            ({ } a, null) => $" in application '{a}'",
            _ => string.Empty,
        };
        var message = registry == DeviceRegistries.IdentityServer
            ? $"The DevEUI/JoinEUI pair is already registered{holder}; nothing was created."
            : $"The {DeviceWireModel.Name(registry)} already holds this DevEUI/JoinEUI pair{holder} although the Identity Server "
                + "did not show it: usually a leftover of an earlier registration. It was not overwritten; remove that device "
                + "(or repair it) first.";
        return new DeviceConflict(registry, applicationId, deviceId, message);
    }

    /// <summary>The device id is taken in the application by a device with other EUIs.</summary>
    public static DeviceConflict IdTaken(string applicationId, string deviceId) => new(
        DeviceRegistries.IdentityServer,
        applicationId,
        deviceId,
        $"The device id '{deviceId}' is taken in application '{applicationId}' by a device with other EUIs; nothing was created.");
}
