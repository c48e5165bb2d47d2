namespace Ttn.Provisioning.Devices;

/// <summary>
/// An end device as the Identity Server shows it: ids, EUIs and the descriptive fields the read asked for. Never holds
/// a key (the Join Server's root keys are never read back).
/// </summary>
public sealed class EndDeviceInfo
{
    internal EndDeviceInfo(string deviceId, string applicationId)
    {
        DeviceId = deviceId;
        ApplicationId = applicationId;
    }

    /// <summary>The device id.</summary>
    public string DeviceId { get; }

    /// <summary>The application the device belongs to.</summary>
    public string ApplicationId { get; }

    /// <summary>The DevEUI (upper-case hex), when set.</summary>
    public string? DevEui { get; internal init; }

    /// <summary>The JoinEUI (upper-case hex), when set.</summary>
    public string? JoinEui { get; internal init; }

    /// <summary>The name, when the read asked for it and it is set.</summary>
    public string? Name { get; internal init; }

    /// <summary>The description, when the read asked for it and it is set.</summary>
    public string? Description { get; internal init; }

    /// <summary>The attributes, when the read asked for them.</summary>
    public IReadOnlyDictionary<string, string>? Attributes { get; internal init; }

    /// <summary>The device model, when the read asked for it and it is set.</summary>
    public EndDeviceVersionIds? VersionIds { get; internal init; }

    /// <summary>When the Identity Server created the entry.</summary>
    public DateTimeOffset? CreatedAt { get; internal init; }

    /// <summary>When the entry was last changed.</summary>
    public DateTimeOffset? UpdatedAt { get; internal init; }

    /// <inheritdoc />
    public override string ToString() => $"{ApplicationId}/{DeviceId} (DevEUI {DevEui ?? "-"}, JoinEUI {JoinEui ?? "-"})";
}
