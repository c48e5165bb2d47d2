
namespace Ttn.Provisioning.ThingsStack;

// End devices in the Identity, Join, Network and Application Servers.
// Only the fields the library uses are modelled; unknown fields in answers are ignored, null fields left out of requests.

/// <summary><c>EndDeviceIdentifiers</c>; EUIs are upper-case hex. <see cref="ApplicationIds"/> comes from the path on writes.</summary>
internal sealed record EndDeviceIdentifiers
{
    public required string DeviceId { get; init; }

    public ApplicationIdentifiers? ApplicationIds { get; init; }

    public string? DevEui { get; init; }

    public string? JoinEui { get; init; }
}

/// <summary><c>KeyEnvelope</c>: a plain AES key as 32 hex characters.</summary>
internal sealed record KeyEnvelope(string? Key)
{
    /// <summary>Never shows the key.</summary>
    public override string ToString() => Key is null ? "KeyEnvelope(none)" : "KeyEnvelope(****)";
}

/// <summary><c>RootKeys</c> (OTAA).</summary>
internal sealed record RootKeys
{
    public KeyEnvelope? AppKey { get; init; }

    public KeyEnvelope? NwkKey { get; init; }

    /// <summary>Never shows the keys.</summary>
    public override string ToString() =>
        $"RootKeys(AppKey {(AppKey is null ? "none" : "****")}, NwkKey {(NwkKey is null ? "none" : "****")})";
}

/// <summary><c>EndDevice</c>: the fields the IS, JS, NS and AS records of a provisioned device use.</summary>
internal sealed record EndDevice
{
    public required EndDeviceIdentifiers Ids { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public string? NetworkServerAddress { get; init; }

    public string? ApplicationServerAddress { get; init; }

    public string? JoinServerAddress { get; init; }

    public string? FrequencyPlanId { get; init; }

    public string? LorawanVersion { get; init; }

    public string? LorawanPhyVersion { get; init; }

    public bool? SupportsJoin { get; init; }

    public RootKeys? RootKeys { get; init; }

    public EndDeviceVersionIdentifiers? VersionIds { get; init; }

    /// <summary>Never prints root keys.</summary>
    public override string ToString() =>
        $"EndDevice {{ DeviceId = {Ids.DeviceId}, DevEui = {Ids.DevEui}, JoinEui = {Ids.JoinEui}, "
        + $"RootKeys = {(RootKeys is null ? "null" : "[REDACTED]")} }}";
}

/// <summary><c>EndDeviceVersionIdentifiers</c>: the device model in the LoRaWAN Device Repository.</summary>
internal sealed record EndDeviceVersionIdentifiers
{
    public string? BrandId { get; init; }

    public string? ModelId { get; init; }

    public string? HardwareVersion { get; init; }

    public string? FirmwareVersion { get; init; }

    public string? BandId { get; init; }
}
