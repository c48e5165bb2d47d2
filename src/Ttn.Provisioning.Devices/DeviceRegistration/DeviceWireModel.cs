using Ttn.Provisioning.Devices;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.DeviceRegistration;

/// <summary>
/// What each registry is sent for an OTAA device, as the official CLI splits a device: the Identity Server gets the
/// registry entry, the Join Server the root keys, the Network Server the radio settings, the Application Server the ids.
/// </summary>
internal static class DeviceWireModel
{
    /// <summary>The registries written after the Identity Server, in order.</summary>
    public static readonly DeviceRegistries[] ClusterSteps =
        [DeviceRegistries.JoinServer, DeviceRegistries.NetworkServer, DeviceRegistries.ApplicationServer];

    /// <summary>The registries a removal deletes from before the Identity Server, in order.</summary>
    public static readonly DeviceRegistries[] RemovalOrder =
        [DeviceRegistries.ApplicationServer, DeviceRegistries.NetworkServer, DeviceRegistries.JoinServer];

    /// <summary>The Identity Server entry: ids, descriptive fields, the model, and the cluster in the server addresses.</summary>
    public static EndDevice ForIdentityServer(EndDeviceDefinition device, string clusterAddress) => new()
    {
        Ids = Ids(device),
        Name = device.Name,
        Description = device.Description,
        Attributes = device.Attributes,
        VersionIds = device.VersionIds is { } model
            ? new EndDeviceVersionIdentifiers
            {
                BrandId = model.BrandId,
                ModelId = model.ModelId,
                HardwareVersion = model.HardwareVersion,
                FirmwareVersion = model.FirmwareVersion,
                BandId = model.BandId,
            }
            : null,
        NetworkServerAddress = clusterAddress,
        ApplicationServerAddress = clusterAddress,
        JoinServerAddress = clusterAddress,
    };

    /// <summary>What a Join, Network or Application Server is sent, and the field mask of the set.</summary>
    public static (EndDevice Device, IReadOnlyCollection<string> FieldMask) ForCluster(
        DeviceRegistries registry, EndDeviceDefinition device, string clusterAddress) => registry switch
    {
        DeviceRegistries.JoinServer => (
            new EndDevice
            {
                Ids = Ids(device),
                NetworkServerAddress = clusterAddress,
                ApplicationServerAddress = clusterAddress,
                RootKeys = new RootKeys
                {
                    AppKey = new KeyEnvelope(device.AppKey),
                    NwkKey = device.NwkKey is { } nwkKey ? new KeyEnvelope(nwkKey) : null,
                },
            },
            device.NwkKey is null
                ? [.. IdPaths, "network_server_address", "application_server_address", "root_keys.app_key.key"]
                : [.. IdPaths, "network_server_address", "application_server_address", "root_keys.app_key.key", "root_keys.nwk_key.key"]),
        DeviceRegistries.NetworkServer => (
            new EndDevice
            {
                Ids = Ids(device),
                FrequencyPlanId = device.FrequencyPlanId,
                LorawanVersion = device.LorawanVersion,
                LorawanPhyVersion = device.LorawanPhyVersion,
                SupportsJoin = true,
            },
            [.. IdPaths, "frequency_plan_id", "lorawan_version", "lorawan_phy_version", "supports_join"]),
        DeviceRegistries.ApplicationServer => (new EndDevice { Ids = Ids(device) }, IdPaths),
        _ => throw new ArgumentOutOfRangeException(nameof(registry), registry, "Not a cluster registry."),
    };

    /// <summary>The client's component for a single registry.</summary>
    public static EndDeviceComponent Component(DeviceRegistries registry) => registry switch
    {
        DeviceRegistries.IdentityServer => EndDeviceComponent.IdentityServer,
        DeviceRegistries.JoinServer => EndDeviceComponent.JoinServer,
        DeviceRegistries.NetworkServer => EndDeviceComponent.NetworkServer,
        DeviceRegistries.ApplicationServer => EndDeviceComponent.ApplicationServer,
        _ => throw new ArgumentOutOfRangeException(nameof(registry), registry, "Not a single registry."),
    };

    /// <summary>The registry's name for messages.</summary>
    public static string Name(DeviceRegistries registry) => registry switch
    {
        DeviceRegistries.IdentityServer => "Identity Server",
        DeviceRegistries.JoinServer => "Join Server",
        DeviceRegistries.NetworkServer => "Network Server",
        DeviceRegistries.ApplicationServer => "Application Server",
        _ => registry.ToString(),
    };

    /// <summary>Whether two EUIs are the same (hex compared without regard to case; null never matches).</summary>
    public static bool SameEui(string? a, string? b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static readonly string[] IdPaths = ["ids.join_eui", "ids.dev_eui"];

    private static EndDeviceIdentifiers Ids(EndDeviceDefinition device) =>
        new() { DeviceId = device.DeviceId!, DevEui = device.DevEui, JoinEui = device.JoinEui };
}
