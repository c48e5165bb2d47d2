namespace Ttn.Provisioning.Devices;

/// <summary>
/// Identifies an end device model in the LoRaWAN Device Repository (TTS <c>version_ids</c>). Every part is optional.
/// </summary>
/// <remarks>
/// TTS rules (checked by <see cref="EndDeviceValidator"/>): <see cref="BrandId"/> and <see cref="ModelId"/> follow the
/// identifier rule (lower-case letters, digits, single hyphens, at most 36 characters); the versions and the band id
/// are at most 32 characters.
/// </remarks>
public sealed record EndDeviceVersionIds
{
    /// <summary>The brand, for example <c>the-things-industries</c> (TTS <c>brand_id</c>).</summary>
    public string? BrandId { get; init; }

    /// <summary>The model, for example <c>generic-node-sensor-edition</c> (TTS <c>model_id</c>).</summary>
    public string? ModelId { get; init; }

    /// <summary>The hardware version, for example <c>1.0</c> (TTS <c>hardware_version</c>).</summary>
    public string? HardwareVersion { get; init; }

    /// <summary>The firmware version, for example <c>1.0</c> (TTS <c>firmware_version</c>).</summary>
    public string? FirmwareVersion { get; init; }

    /// <summary>The band, for example <c>EU_863_870</c> (TTS <c>band_id</c>).</summary>
    public string? BandId { get; init; }
}
