using System.Text.Json;

namespace Ttn.Provisioning.AspNetCore.Messages.Parsing;

/// <summary>
/// Reads one <c>ApplicationUp</c> in a single pass: the envelope fields and exactly one message kind, in any order.
/// </summary>
internal static class ApplicationUpReader
{
    /// <summary>
    /// Reads the whole body. Returns the message; or null when the body holds no kind this version knows, with
    /// <paramref name="unknownKind"/> naming the first object-valued field it did not know (the caller then keeps the
    /// raw body in an <see cref="UnknownMessage"/>).
    /// </summary>
    public static TtnMessage? Read(ref Utf8JsonReader reader, out Envelope envelope, out string unknownKind)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw ProtoJson.Fail(ref reader, "body", "expected a JSON object");
        }

        EndDeviceIds? ids = null;
        IReadOnlyList<string> correlationIds = [];
        DateTimeOffset? receivedAt = null;
        var simulated = false;
        TtnMessage? message = null;
        string? unknown = null;
        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            var name = buffer[..length];
            switch (name)
            {
                case "end_device_ids":
                    ids = IdentifiersReader.ReadEndDeviceIds(ref reader);
                    continue;
                case "correlation_ids":
                    correlationIds = ProtoJson.ReadStringArray(ref reader, "correlation_ids");
                    continue;
                case "received_at":
                    receivedAt = ProtoJson.ReadTimestamp(ref reader, "received_at");
                    continue;
                case "simulated":
                    simulated = ProtoJson.ReadBoolean(ref reader, "simulated");
                    continue;
            }

            if (ReadKind(ref reader, name) is not { } kind)
            {
                // A known kind's object was read whole; an object still to skip is a kind this version does not know.
                if (reader.TokenType == JsonTokenType.StartObject)
                {
                    unknown ??= name.IsEmpty ? "?" : name.ToString();
                }

                reader.Skip();
                continue;
            }

            if (message is not null)
            {
                throw ProtoJson.Fail(ref reader, "body", $"more than one message kind ({message.Kind} and {kind.Kind})");
            }

            message = kind;
        }

        // Nothing may follow the object; the reader throws on anything but whitespace.
        reader.Read();

        if (ids is not { DeviceId.Length: > 0, ApplicationId.Length: > 0 })
        {
            throw MessageFormatException.At(0, "end_device_ids", "the device id and the application id are required");
        }

        envelope = new Envelope(ids, correlationIds, receivedAt, simulated);
        if (message is null && unknown is null)
        {
            throw MessageFormatException.At(0, "body", "no message kind (uplink_message, join_accept, …)");
        }

        unknownKind = unknown ?? "";
        message?.SetEnvelope(envelope);
        return message;
    }

    /// <summary>Keeps a body of unknown kind whole; <paramref name="reader"/> is at the start of the body.</summary>
    public static UnknownMessage ReadUnknown(ref Utf8JsonReader reader, string kindName, in Envelope envelope)
    {
        reader.Read();
        var message = new UnknownMessage { KindName = kindName, Body = JsonElement.ParseValue(ref reader) };
        message.SetEnvelope(envelope);
        return message;
    }

    /// <summary>The kind's message, or null when the name is not a kind or its value is JSON null.</summary>
    private static TtnMessage? ReadKind(ref Utf8JsonReader reader, scoped ReadOnlySpan<char> name) => name switch
    {
        "uplink_message" => UplinkReader.ReadUplink(ref reader),
        "uplink_normalized" => UplinkReader.ReadNormalized(ref reader),
        "join_accept" => ServiceReader.ReadJoinAccept(ref reader),
        "downlink_ack" => DownlinkReader.ReadEvent<DownlinkAckMessage>(ref reader),
        "downlink_nack" => DownlinkReader.ReadEvent<DownlinkNackMessage>(ref reader),
        "downlink_sent" => DownlinkReader.ReadEvent<DownlinkSentMessage>(ref reader),
        "downlink_queued" => DownlinkReader.ReadEvent<DownlinkQueuedMessage>(ref reader),
        "downlink_failed" => DownlinkReader.ReadFailed(ref reader),
        "downlink_queue_invalidated" => DownlinkReader.ReadQueueInvalidated(ref reader),
        "location_solved" => ServiceReader.ReadLocationSolved(ref reader),
        "service_data" => ServiceReader.ReadServiceData(ref reader),
        _ => null,
    };
}
