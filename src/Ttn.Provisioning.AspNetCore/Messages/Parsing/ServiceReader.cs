using System.Collections.ObjectModel;
using System.Text.Json;

namespace Ttn.Provisioning.AspNetCore.Messages.Parsing;

/// <summary>Reads the session and service kinds: <c>join_accept</c>, <c>location_solved</c>, <c>service_data</c>.</summary>
internal static class ServiceReader
{
    public static JoinAcceptMessage? ReadJoinAccept(ref Utf8JsonReader reader)
    {
        if (!ProtoJson.StartObject(ref reader, "join_accept"))
        {
            return null;
        }

        ReadOnlyMemory<byte> sessionKeyId = default;
        var pending = false;
        DateTimeOffset? receivedAt = null;
        IReadOnlyList<ApplicationDownlink> invalidated = [];
        IReadOnlyDictionary<string, string> attributes = ReadOnlyDictionary<string, string>.Empty;
        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            switch (buffer[..length])
            {
                case "session_key_id":
                    sessionKeyId = ProtoJson.ReadBytes(ref reader, "join_accept.session_key_id");
                    break;
                case "pending_session":
                    pending = ProtoJson.ReadBoolean(ref reader, "join_accept.pending_session");
                    break;
                case "received_at":
                    receivedAt = ProtoJson.ReadTimestamp(ref reader, "join_accept.received_at");
                    break;
                case "invalidated_downlinks":
                    invalidated = ProtoJson.ReadArray(ref reader, "invalidated_downlinks", DownlinkReader.ReadDownlink);
                    break;
                case "attributes":
                    attributes = ProtoJson.ReadStringMap(ref reader, "join_accept.attributes");
                    break;
                default:
                    // app_s_key (the session key, when the Join Server hands it out) is deliberately never read.
                    reader.Skip();
                    break;
            }
        }

        return new JoinAcceptMessage
        {
            SessionKeyId = sessionKeyId,
            PendingSession = pending,
            NetworkReceivedAt = receivedAt,
            InvalidatedDownlinks = invalidated,
            Attributes = attributes,
        };
    }

    public static LocationSolvedMessage? ReadLocationSolved(ref Utf8JsonReader reader)
    {
        if (!ProtoJson.StartObject(ref reader, "location_solved"))
        {
            return null;
        }

        string? service = null;
        Location? location = null;
        IReadOnlyDictionary<string, string> attributes = ReadOnlyDictionary<string, string>.Empty;
        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            switch (buffer[..length])
            {
                case "service":
                    service = ProtoJson.ReadString(ref reader, "location_solved.service");
                    break;
                case "location":
                    location = RadioReader.ReadLocation(ref reader, "location_solved.location");
                    break;
                case "attributes":
                    attributes = ProtoJson.ReadStringMap(ref reader, "location_solved.attributes");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new LocationSolvedMessage { Service = service, Location = location, Attributes = attributes };
    }

    public static ServiceDataMessage? ReadServiceData(ref Utf8JsonReader reader)
    {
        if (!ProtoJson.StartObject(ref reader, "service_data"))
        {
            return null;
        }

        string? service = null;
        JsonElement? data = null;
        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            switch (buffer[..length])
            {
                case "service":
                    service = ProtoJson.ReadString(ref reader, "service_data.service");
                    break;
                case "data":
                    data = ProtoJson.ReadElement(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new ServiceDataMessage { Service = service, Data = data };
    }
}
