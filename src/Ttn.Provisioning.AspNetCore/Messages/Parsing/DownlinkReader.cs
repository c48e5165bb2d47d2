using System.Text;
using System.Text.Json;

namespace Ttn.Provisioning.AspNetCore.Messages.Parsing;

/// <summary>Reads downlinks and the downlink events: ack, nack, sent, queued, failed, queue invalidated.</summary>
internal static class DownlinkReader
{
    private static readonly EnumName[] Priorities =
    [
        .. new[] { "LOWEST", "LOW", "BELOW_NORMAL", "NORMAL", "ABOVE_NORMAL", "HIGH", "HIGHEST" }
            .Select((name, value) => new EnumName(Encoding.UTF8.GetBytes(name), value)),
    ];

    /// <summary>An event whose body is the downlink itself (ack, nack, sent, queued).</summary>
    public static T? ReadEvent<T>(ref Utf8JsonReader reader)
        where T : DownlinkEventMessage, new() =>
        ReadDownlink(ref reader) is { } downlink ? new T { Downlink = downlink } : null;

    public static DownlinkFailedMessage? ReadFailed(ref Utf8JsonReader reader)
    {
        if (!ProtoJson.StartObject(ref reader, "downlink_failed"))
        {
            return null;
        }

        ApplicationDownlink? downlink = null;
        DownlinkError? error = null;
        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            switch (buffer[..length])
            {
                case "downlink":
                    downlink = ReadDownlink(ref reader);
                    break;
                case "error":
                    error = ReadError(ref reader);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new DownlinkFailedMessage { Downlink = downlink ?? new ApplicationDownlink(), Error = error };
    }

    public static DownlinkQueueInvalidatedMessage? ReadQueueInvalidated(ref Utf8JsonReader reader)
    {
        if (!ProtoJson.StartObject(ref reader, "downlink_queue_invalidated"))
        {
            return null;
        }

        IReadOnlyList<ApplicationDownlink> downlinks = [];
        long lastFCntDown = 0;
        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            switch (buffer[..length])
            {
                case "downlinks":
                    downlinks = ProtoJson.ReadArray(ref reader, "downlinks", ReadDownlink);
                    break;
                case "last_f_cnt_down":
                    lastFCntDown = ProtoJson.ReadInt64(ref reader, "last_f_cnt_down");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new DownlinkQueueInvalidatedMessage { Downlinks = downlinks, LastFCntDown = lastFCntDown };
    }

    public static ApplicationDownlink? ReadDownlink(ref Utf8JsonReader reader)
    {
        if (!ProtoJson.StartObject(ref reader, "downlink"))
        {
            return null;
        }

        int fPort = 0, priority = 0;
        long fCnt = 0;
        ReadOnlyMemory<byte> payload = default;
        JsonElement? decoded = null;
        var confirmed = false;
        IReadOnlyList<string> correlationIds = [];
        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            switch (buffer[..length])
            {
                case "f_port":
                    fPort = ProtoJson.ReadInt32(ref reader, "downlink.f_port");
                    break;
                case "f_cnt":
                    fCnt = ProtoJson.ReadInt64(ref reader, "downlink.f_cnt");
                    break;
                case "frm_payload":
                    payload = ProtoJson.ReadBytes(ref reader, "downlink.frm_payload");
                    break;
                case "decoded_payload":
                    decoded = ProtoJson.ReadElement(ref reader);
                    break;
                case "confirmed":
                    confirmed = ProtoJson.ReadBoolean(ref reader, "downlink.confirmed");
                    break;
                case "priority":
                    priority = ProtoJson.ReadEnum(ref reader, "downlink.priority", Priorities);
                    break;
                case "correlation_ids":
                    correlationIds = ProtoJson.ReadStringArray(ref reader, "downlink.correlation_ids");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new ApplicationDownlink
        {
            FPort = fPort,
            FCnt = fCnt,
            FrmPayload = payload,
            DecodedPayload = decoded,
            Confirmed = confirmed,
            Priority = (DownlinkPriority)priority,
            CorrelationIds = correlationIds,
        };
    }

    private static DownlinkError? ReadError(ref Utf8JsonReader reader)
    {
        if (!ProtoJson.StartObject(ref reader, "downlink_failed.error"))
        {
            return null;
        }

        string? ns = null, errorName = null, format = null, correlationId = null;
        var code = 0;
        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            switch (buffer[..length])
            {
                case "namespace":
                    ns = ProtoJson.ReadString(ref reader, "error.namespace");
                    break;
                case "name":
                    errorName = ProtoJson.ReadString(ref reader, "error.name");
                    break;
                case "message_format":
                    format = ProtoJson.ReadString(ref reader, "error.message_format");
                    break;
                case "correlation_id":
                    correlationId = ProtoJson.ReadString(ref reader, "error.correlation_id");
                    break;
                case "code":
                    code = ProtoJson.ReadInt32(ref reader, "error.code");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new DownlinkError
        {
            Namespace = ns,
            Name = errorName,
            MessageFormat = format,
            CorrelationId = correlationId,
            Code = code,
        };
    }
}
