using Ttn.Provisioning.Devices;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.DeviceRegistration;

/// <summary>What the four registries hold of a device, read together.</summary>
/// <param name="HeldBy">The registries that hold it.</param>
/// <param name="Unknown">The registries that could not be read.</param>
/// <param name="DevEui">A DevEUI a registry reported.</param>
/// <param name="JoinEui">A JoinEUI a registry reported.</param>
/// <param name="Failure">The first read that failed, if any.</param>
internal sealed record DeviceInspection(
    DeviceRegistries HeldBy, DeviceRegistries Unknown, string? DevEui, string? JoinEui, TtsFailure? Failure);

/// <summary>Reads a device's ids from the Identity, Join, Network and Application Server at the same time.</summary>
internal static class DeviceInspector
{
    private static readonly DeviceRegistries[] Registries =
    [
        DeviceRegistries.IdentityServer, DeviceRegistries.JoinServer, DeviceRegistries.NetworkServer, DeviceRegistries.ApplicationServer,
    ];

    public static async Task<DeviceInspection> InspectAsync(DeviceSession session, string deviceId, CancellationToken cancellationToken)
    {
        var reads = Registries.Select(registry => session.Context.CallAsync(
            $"Reading the device from the {DeviceWireModel.Name(registry)}",
            () => session.Client.GetEndDeviceAsync(
                session.Cluster, session.ApiKey, DeviceWireModel.Component(registry), session.ApplicationId, deviceId,
                cancellationToken: cancellationToken),
            cancellationToken)).ToArray();
        var results = await Task.WhenAll(reads).ConfigureAwait(false);
        var (held, unknown) = (DeviceRegistries.None, DeviceRegistries.None);
        string? devEui = null, joinEui = null;
        TtsFailure? first = null;
        for (var i = 0; i < Registries.Length; i++)
        {
            var result = results[i];
            if (result.Succeeded)
            {
                held |= Registries[i];
                devEui ??= result.Value.Ids.DevEui;
                joinEui ??= result.Value.Ids.JoinEui;
            }
            else if (!result.Failure.IsNotFound)
            {
                unknown |= Registries[i];
                first ??= result.Failure;
            }
        }

        return new DeviceInspection(held, unknown, devEui, joinEui, first);
    }
}
