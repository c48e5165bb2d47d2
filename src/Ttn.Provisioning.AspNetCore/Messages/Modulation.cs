namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>The modulation of a <see cref="DataRate"/>.</summary>
public enum Modulation
{
    /// <summary>The body named no modulation this version knows.</summary>
    Unknown = 0,

    /// <summary>LoRa (<c>data_rate.lora</c>).</summary>
    LoRa,

    /// <summary>FSK (<c>data_rate.fsk</c>).</summary>
    Fsk,

    /// <summary>LR-FHSS (<c>data_rate.lrfhss</c>).</summary>
    LrFhss,
}
