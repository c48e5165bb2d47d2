using System.Collections.ObjectModel;
using System.Text.Json;

namespace Ttn.Provisioning.AspNetCore.Messages.Parsing;

/// <summary>Reads <c>uplink_message</c> and <c>uplink_normalized</c>, which share most of their fields.</summary>
internal static class UplinkReader
{
    public static UplinkMessage? ReadUplink(ref Utf8JsonReader reader) =>
        Read(ref reader, "uplink_message", static extra => new UplinkMessage
        {
            DecodedPayload = extra.DecodedPayload,
            DecodedPayloadWarnings = extra.DecodedPayloadWarnings ?? [],
            NormalizedPayload = extra.NormalizedPayload,
            Attributes = extra.Attributes ?? ReadOnlyDictionary<string, string>.Empty,
        });

    public static NormalizedUplinkMessage? ReadNormalized(ref Utf8JsonReader reader) =>
        Read(ref reader, "uplink_normalized", static extra => new NormalizedUplinkMessage
        {
            NormalizedPayload = extra.NormalizedPayload,
            NormalizedPayloadWarnings = extra.NormalizedPayloadWarnings ?? [],
        });

    /// <summary>Reads the fields, creates the kind's record from its own ones and gives it the shared ones.</summary>
    private static T? Read<T>(ref Utf8JsonReader reader, string kind, Func<Extra, T> create)
        where T : UplinkMessageBase
    {
        var frame = default(UplinkFrame);
        var extra = default(Extra);
        if (!Read(ref reader, kind, ref frame, ref extra))
        {
            return null;
        }

        var message = create(extra);
        message.SetFrame(frame);
        return message;
    }

    private static bool Read(ref Utf8JsonReader reader, string kind, ref UplinkFrame frame, ref Extra extra)
    {
        if (!ProtoJson.StartObject(ref reader, kind))
        {
            return false;
        }

        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            switch (buffer[..length])
            {
                case "f_port":
                    frame.FPort = ProtoJson.ReadInt32(ref reader, "f_port");
                    break;
                case "f_cnt":
                    frame.FCnt = ProtoJson.ReadInt64(ref reader, "f_cnt");
                    break;
                case "frm_payload":
                    frame.FrmPayload = ProtoJson.ReadBytes(ref reader, "frm_payload");
                    break;
                case "session_key_id":
                    frame.SessionKeyId = ProtoJson.ReadBytes(ref reader, "session_key_id");
                    break;
                case "rx_metadata":
                    frame.RxMetadata = ProtoJson.ReadArray(ref reader, "rx_metadata", RadioReader.ReadRxMetadata);
                    break;
                case "settings":
                    frame.Settings = RadioReader.ReadSettings(ref reader);
                    break;
                case "received_at":
                    frame.NetworkReceivedAt = ProtoJson.ReadTimestamp(ref reader, "received_at");
                    break;
                case "confirmed":
                    frame.Confirmed = ProtoJson.ReadBoolean(ref reader, "confirmed");
                    break;
                case "consumed_airtime":
                    frame.ConsumedAirtime = ProtoJson.ReadDuration(ref reader, "consumed_airtime");
                    break;
                case "locations":
                    frame.Locations = ReadLocations(ref reader);
                    break;
                case "version_ids":
                    frame.VersionIds = IdentifiersReader.ReadVersionIds(ref reader);
                    break;
                case "network_ids":
                    frame.NetworkIds = IdentifiersReader.ReadNetworkIds(ref reader);
                    break;
                case "decoded_payload":
                    extra.DecodedPayload = ProtoJson.ReadElement(ref reader);
                    break;
                case "decoded_payload_warnings":
                    extra.DecodedPayloadWarnings = ProtoJson.ReadStringArray(ref reader, "decoded_payload_warnings");
                    break;
                case "normalized_payload":
                    extra.NormalizedPayload = ProtoJson.ReadElement(ref reader);
                    break;
                case "normalized_payload_warnings":
                    extra.NormalizedPayloadWarnings = ProtoJson.ReadStringArray(ref reader, "normalized_payload_warnings");
                    break;
                case "attributes":
                    extra.Attributes = ProtoJson.ReadStringMap(ref reader, "attributes");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return true;
    }

    /// <summary><c>locations</c>: a map from service name (<c>user</c>, <c>frm-payload</c>, …) to a location.</summary>
    private static Dictionary<string, Location>? ReadLocations(ref Utf8JsonReader reader)
    {
        if (!ProtoJson.StartObject(ref reader, "locations"))
        {
            return null;
        }

        var locations = new Dictionary<string, Location>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var service = ProtoJson.ReadString(ref reader, "locations")!;
            reader.Read();
            if (RadioReader.ReadLocation(ref reader, "locations") is { } location)
            {
                locations[service] = location;
            }
        }

        return locations;
    }

    /// <summary>The fields that only one of the two kinds has.</summary>
    private struct Extra
    {
        public JsonElement? DecodedPayload;
        public IReadOnlyList<string>? DecodedPayloadWarnings;
        public JsonElement? NormalizedPayload;
        public IReadOnlyList<string>? NormalizedPayloadWarnings;
        public IReadOnlyDictionary<string, string>? Attributes;
    }
}
