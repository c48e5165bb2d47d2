namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>
/// The data rate of a transmission (<c>settings.data_rate</c>): one record for the three modulations, with the
/// fields that apply to <see cref="Modulation"/> set.
/// </summary>
public sealed record DataRate
{
    /// <summary>LoRa, FSK or LR-FHSS; <see cref="Modulation.Unknown"/> when the body named none of them.</summary>
    public Modulation Modulation { get; init; }

    /// <summary>LoRa bandwidth, or the LR-FHSS operating channel width (Hz).</summary>
    public int Bandwidth { get; init; }

    /// <summary>LoRa spreading factor (7 to 12).</summary>
    public int SpreadingFactor { get; init; }

    /// <summary>LoRa or LR-FHSS coding rate, such as <c>4/5</c>, or null when absent.</summary>
    public string? CodingRate { get; init; }

    /// <summary>FSK bit rate (bits per second).</summary>
    public int BitRate { get; init; }
}
