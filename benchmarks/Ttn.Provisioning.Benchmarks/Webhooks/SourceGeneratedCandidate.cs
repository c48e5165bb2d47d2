using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ttn.Provisioning.Benchmarks.Webhooks;

/// <summary>
/// The alternative to the hand-written reader, measured to choose between them: System.Text.Json's
/// source-generated deserializer into wire DTOs of the uplink fields the parser reads, with proto3's numbers as
/// strings allowed. It stops at the DTOs; a real parser would still map them to the public records (more
/// allocations), parse durations, and turn JsonException into a result.
/// </summary>
internal static class SourceGeneratedCandidate
{
    public static UpDto? Parse(byte[] body) => JsonSerializer.Deserialize(body, CandidateContext.Default.UpDto);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    MaxDepth = 32)]
[JsonSerializable(typeof(UpDto))]
internal sealed partial class CandidateContext : JsonSerializerContext;

internal sealed class UpDto
{
    public EndDeviceIdsDto? EndDeviceIds { get; set; }
    public List<string>? CorrelationIds { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public bool Simulated { get; set; }
    public UplinkDto? UplinkMessage { get; set; }
}

internal sealed class EndDeviceIdsDto
{
    public string? DeviceId { get; set; }
    public ApplicationIdsDto? ApplicationIds { get; set; }
    public string? DevEui { get; set; }
    public string? JoinEui { get; set; }
    public string? DevAddr { get; set; }
}

internal sealed class ApplicationIdsDto
{
    public string? ApplicationId { get; set; }
}

internal sealed class UplinkDto
{
    public byte[]? SessionKeyId { get; set; }
    public int FPort { get; set; }
    public long FCnt { get; set; }
    public byte[]? FrmPayload { get; set; }
    public JsonElement? DecodedPayload { get; set; }
    public List<RxMetadataDto>? RxMetadata { get; set; }
    public SettingsDto? Settings { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public bool Confirmed { get; set; }
    public string? ConsumedAirtime { get; set; }
    public Dictionary<string, LocationDto>? Locations { get; set; }
    public VersionIdsDto? VersionIds { get; set; }
    public NetworkIdsDto? NetworkIds { get; set; }
}

internal sealed class RxMetadataDto
{
    public GatewayIdsDto? GatewayIds { get; set; }
    public int AntennaIndex { get; set; }
    public int ChannelIndex { get; set; }
    public float Rssi { get; set; }
    public float ChannelRssi { get; set; }
    public float Snr { get; set; }
    public long Timestamp { get; set; }
    public DateTimeOffset? Time { get; set; }
    public DateTimeOffset? GpsTime { get; set; }
    public DateTimeOffset? ReceivedAt { get; set; }
    public LocationDto? Location { get; set; }
}

internal sealed class GatewayIdsDto
{
    public string? GatewayId { get; set; }
    public string? Eui { get; set; }
}

internal sealed class LocationDto
{
    public double Latitude { get; set; }
    public double Longitude { get; set; }
    public int Altitude { get; set; }
    public int Accuracy { get; set; }
    public string? Source { get; set; }
}

internal sealed class SettingsDto
{
    public DataRateDto? DataRate { get; set; }
    public long Frequency { get; set; }
    public long Timestamp { get; set; }
    public DateTimeOffset? Time { get; set; }
}

internal sealed class DataRateDto
{
    public LoRaDto? Lora { get; set; }
}

internal sealed class LoRaDto
{
    public int Bandwidth { get; set; }
    public int SpreadingFactor { get; set; }
    public string? CodingRate { get; set; }
}

internal sealed class VersionIdsDto
{
    public string? BrandId { get; set; }
    public string? ModelId { get; set; }
    public string? HardwareVersion { get; set; }
    public string? FirmwareVersion { get; set; }
    public string? BandId { get; set; }
}

internal sealed class NetworkIdsDto
{
    public string? NetId { get; set; }
    public string? TenantId { get; set; }
    public string? ClusterId { get; set; }
    public string? ClusterAddress { get; set; }
}
