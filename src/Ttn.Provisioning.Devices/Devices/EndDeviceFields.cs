namespace Ttn.Provisioning.Devices;

/// <summary>The TTS field paths that errors name (the <c>field</c> attribute of TTS's own validation errors).</summary>
internal static class EndDeviceFields
{
    public const string DeviceId = "ids.device_id";
    public const string DevEui = "ids.dev_eui";
    public const string JoinEui = "ids.join_eui";
    public const string AppKey = "root_keys.app_key.key";
    public const string NwkKey = "root_keys.nwk_key.key";
    public const string LorawanVersion = "lorawan_version";
    public const string LorawanPhyVersion = "lorawan_phy_version";
    public const string FrequencyPlanId = "frequency_plan_id";
    public const string Name = "name";
    public const string Description = "description";
    public const string Attributes = "attributes";
    public const string BrandId = "version_ids.brand_id";
    public const string ModelId = "version_ids.model_id";
    public const string HardwareVersion = "version_ids.hardware_version";
    public const string FirmwareVersion = "version_ids.firmware_version";
    public const string BandId = "version_ids.band_id";
}
