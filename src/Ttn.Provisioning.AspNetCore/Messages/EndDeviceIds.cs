namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>
/// The end device a message is about (<c>end_device_ids</c>). EUIs and the DevAddr are upper-case hex, as TTS
/// writes them (a lower-case value is upper-cased on parse).
/// </summary>
public sealed record EndDeviceIds
{
    /// <summary>The device id within its application (<c>device_id</c>); never empty in a parsed message.</summary>
    public string DeviceId { get; init; } = "";

    /// <summary>The application id (<c>application_ids.application_id</c>); never empty in a parsed message.</summary>
    public string ApplicationId { get; init; } = "";

    /// <summary>The DevEUI, 16 upper-case hex digits, or null when TTS did not send it.</summary>
    public string? DevEui { get; init; }

    /// <summary>The JoinEUI (AppEUI before LoRaWAN 1.1), 16 upper-case hex digits, or null.</summary>
    public string? JoinEui { get; init; }

    /// <summary>The device address of the session, 8 upper-case hex digits, or null (for example before a join).</summary>
    public string? DevAddr { get; init; }
}
