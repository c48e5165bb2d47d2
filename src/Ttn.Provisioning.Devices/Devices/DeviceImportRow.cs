namespace Ttn.Provisioning.Devices;

/// <summary>The result of one row of a device import, as the import job keeps it. Never holds a key.</summary>
public sealed record DeviceImportRow
{
    /// <summary>
    /// The row's 1-based number: the data row of a The Things Stack CSV file as TTS counts it (header and blank lines not
    /// counted), or the position in a sequence of definitions.
    /// </summary>
    public required int Row { get; init; }

    /// <summary>The device id.</summary>
    public required string DeviceId { get; init; }

    /// <summary>What happened to the device.</summary>
    public required DeviceOutcome Outcome { get; init; }

    /// <summary>Why it was not registered (conflict, failure, roll-back), with what The Things Stack answered; null when it was.</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// Whether the device is registered now (<see cref="DeviceOutcome.Registered"/> or <see cref="DeviceOutcome.AlreadyPresent"/>).
    /// </summary>
    public bool Succeeded => Outcome is DeviceOutcome.Registered or DeviceOutcome.AlreadyPresent;
}
