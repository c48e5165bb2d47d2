namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>The device model (<c>version_ids</c>) as registered in TTS's Device Repository.</summary>
public sealed record VersionIds
{
    /// <summary>The brand, such as <c>the-things-industries</c>, or null.</summary>
    public string? BrandId { get; init; }

    /// <summary>The model, or null.</summary>
    public string? ModelId { get; init; }

    /// <summary>The hardware version, or null.</summary>
    public string? HardwareVersion { get; init; }

    /// <summary>The firmware version, or null.</summary>
    public string? FirmwareVersion { get; init; }

    /// <summary>The band, such as <c>EU_863_870</c>, or null.</summary>
    public string? BandId { get; init; }
}
