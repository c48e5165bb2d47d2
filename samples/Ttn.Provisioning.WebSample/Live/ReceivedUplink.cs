using System.Text.Json;
using Ttn.Provisioning.AspNetCore.Messages;

namespace Ttn.Provisioning.WebSample.Live;

/// <summary>What the panel shows of one uplink: its counters, payload, decoded fields and best gateway's signal.</summary>
public sealed record ReceivedUplink(
    DateTimeOffset ReceivedAt,
    string DeviceId,
    int FPort,
    long FCnt,
    string PayloadHex,
    IReadOnlyList<KeyValuePair<string, string>> DecodedFields,
    string? GatewayId,
    float? Rssi,
    float? Snr,
    bool Simulated)
{
    /// <summary>Reads an uplink as TTS delivered it; the best gateway is the one with the strongest RSSI.</summary>
    public static ReceivedUplink From(UplinkMessage uplink, DateTimeOffset arrivedAt)
    {
        ArgumentNullException.ThrowIfNull(uplink);
        var best = uplink.RxMetadata.OrderByDescending(m => m.Rssi).FirstOrDefault();
        return new ReceivedUplink(
            uplink.ReceivedAt ?? arrivedAt,
            uplink.EndDevice.DeviceId,
            uplink.FPort,
            uplink.FCnt,
            Convert.ToHexString(uplink.FrmPayload.Span),
            Fields(uplink.DecodedPayload),
            best?.GatewayId,
            best?.Rssi,
            best?.Snr,
            uplink.Simulated);
    }

    private static List<KeyValuePair<string, string>> Fields(JsonElement? decoded)
    {
        if (decoded is not { ValueKind: JsonValueKind.Object } element)
        {
            return [];
        }

        return [.. element.EnumerateObject().Take(12).Select(p => new KeyValuePair<string, string>(
            p.Name, p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText()))];
    }
}
