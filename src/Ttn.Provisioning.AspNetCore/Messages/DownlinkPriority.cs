namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>
/// The scheduling priority of a downlink; the values are TTS's. A name this version does not know reads as
/// <see cref="Lowest"/> (proto3's default); a number it does not know is kept as that number.
/// </summary>
public enum DownlinkPriority
{
    /// <summary><c>LOWEST</c>.</summary>
    Lowest = 0,

    /// <summary><c>LOW</c>.</summary>
    Low = 1,

    /// <summary><c>BELOW_NORMAL</c>.</summary>
    BelowNormal = 2,

    /// <summary><c>NORMAL</c>.</summary>
    Normal = 3,

    /// <summary><c>ABOVE_NORMAL</c>.</summary>
    AboveNormal = 4,

    /// <summary><c>HIGH</c>.</summary>
    High = 5,

    /// <summary><c>HIGHEST</c>.</summary>
    Highest = 6,
}
