namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>
/// Where a <see cref="Location"/> comes from; the values are TTS's. A name this version does not know reads as
/// <see cref="Unknown"/>; a number it does not know is kept as that number.
/// </summary>
public enum LocationSource
{
    /// <summary>Not known or not set (<c>SOURCE_UNKNOWN</c>).</summary>
    Unknown = 0,

    /// <summary>Determined by GPS (<c>SOURCE_GPS</c>).</summary>
    Gps = 1,

    /// <summary>Set in and updated from a registry (<c>SOURCE_REGISTRY</c>).</summary>
    Registry = 3,

    /// <summary>Estimated with IP geolocation (<c>SOURCE_IP_GEOLOCATION</c>).</summary>
    IpGeolocation = 4,

    /// <summary>Estimated with WiFi RSSI geolocation (<c>SOURCE_WIFI_RSSI_GEOLOCATION</c>).</summary>
    WifiRssiGeolocation = 5,

    /// <summary>Estimated with Bluetooth RSSI geolocation (<c>SOURCE_BT_RSSI_GEOLOCATION</c>).</summary>
    BtRssiGeolocation = 6,

    /// <summary>Estimated with LoRa RSSI geolocation (<c>SOURCE_LORA_RSSI_GEOLOCATION</c>).</summary>
    LoraRssiGeolocation = 7,

    /// <summary>Estimated with LoRa TDOA geolocation (<c>SOURCE_LORA_TDOA_GEOLOCATION</c>).</summary>
    LoraTdoaGeolocation = 8,

    /// <summary>Estimated by a combination of sources (<c>SOURCE_COMBINED_GEOLOCATION</c>).</summary>
    CombinedGeolocation = 9,
}
