using Ttn.Provisioning.Devices;

namespace Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

/// <summary>
/// The body of <c>POST …/devices</c> (and the device of a repair that completes one): an OTAA device. Holds secrets
/// (<see cref="AppKey"/>, <see cref="NwkKey"/>): they go to the Join Server only, and are never logged nor echoed.
/// </summary>
internal sealed class DeviceRequest
{
    /// <summary>The device id; null derives <c>eui-&lt;dev_eui lower case&gt;</c>.</summary>
    public string? DeviceId { get; set; }

    public string? DevEui { get; set; }

    /// <summary>The JoinEUI (AppEUI before LoRaWAN 1.1).</summary>
    public string? JoinEui { get; set; }

    /// <summary>A secret: write-only.</summary>
    public string? AppKey { get; set; }

    /// <summary>A secret: write-only (LoRaWAN 1.1).</summary>
    public string? NwkKey { get; set; }

    public string? LorawanVersion { get; set; }

    public string? LorawanPhyVersion { get; set; }

    public string? FrequencyPlanId { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public Dictionary<string, string>? Attributes { get; set; }

    public VersionIdsView? VersionIds { get; set; }

    /// <summary>The core's definition (which checks every rule, without ever repeating a key in its messages).</summary>
    public EndDeviceDefinition ToDefinition() => new()
    {
        DeviceId = DeviceId,
        DevEui = DevEui ?? string.Empty,
        JoinEui = JoinEui ?? string.Empty,
        AppKey = AppKey,
        NwkKey = NwkKey,
        LorawanVersion = LorawanVersion,
        LorawanPhyVersion = LorawanPhyVersion,
        FrequencyPlanId = FrequencyPlanId,
        Name = Name,
        Description = Description,
        Attributes = Attributes,
        VersionIds = VersionIds?.ToVersionIds(),
    };

    /// <summary>Never the keys: only whether each is set.</summary>
    public override string ToString() =>
        $"device {DeviceId ?? "-"} (AppKey {(AppKey is null ? "none" : "set")}, NwkKey {(NwkKey is null ? "none" : "set")})";
}

/// <summary>The device model in the LoRaWAN Device Repository, in a request or an answer.</summary>
internal sealed class VersionIdsView
{
    public string? BrandId { get; set; }

    public string? ModelId { get; set; }

    public string? HardwareVersion { get; set; }

    public string? FirmwareVersion { get; set; }

    public string? BandId { get; set; }

    public static VersionIdsView? From(EndDeviceVersionIds? ids) => ids is null ? null : new()
    {
        BrandId = ids.BrandId,
        ModelId = ids.ModelId,
        HardwareVersion = ids.HardwareVersion,
        FirmwareVersion = ids.FirmwareVersion,
        BandId = ids.BandId,
    };

    public EndDeviceVersionIds ToVersionIds() => new()
    {
        BrandId = BrandId,
        ModelId = ModelId,
        HardwareVersion = HardwareVersion,
        FirmwareVersion = FirmwareVersion,
        BandId = BandId,
    };
}

/// <summary>
/// The body of <c>POST …/devices/{deviceId}/repair</c>: either <c>{"remove":true}</c> (remove whatever part of the device
/// exists) or <c>{"completeWith":{…device…}}</c> (register it the rest of the way; the keys are needed again). Never both.
/// </summary>
internal sealed class DeviceRepairRequest
{
    public bool Remove { get; set; }

    public DeviceRequest? CompleteWith { get; set; }
}
