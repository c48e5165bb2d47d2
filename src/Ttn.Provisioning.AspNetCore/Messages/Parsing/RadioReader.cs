using System.Text;
using System.Text.Json;

namespace Ttn.Provisioning.AspNetCore.Messages.Parsing;

/// <summary>Reads how a frame travelled: <c>rx_metadata</c> items, <c>settings</c> and <c>location</c> objects.</summary>
internal static class RadioReader
{
    /// <summary>Location sources by TTS name, with and without the <c>SOURCE_</c> prefix (TTS accepts both).</summary>
    private static readonly EnumName[] LocationSources = WithPrefix("SOURCE_",
        ("UNKNOWN", LocationSource.Unknown), ("GPS", LocationSource.Gps), ("REGISTRY", LocationSource.Registry),
        ("IP_GEOLOCATION", LocationSource.IpGeolocation), ("WIFI_RSSI_GEOLOCATION", LocationSource.WifiRssiGeolocation),
        ("BT_RSSI_GEOLOCATION", LocationSource.BtRssiGeolocation),
        ("LORA_RSSI_GEOLOCATION", LocationSource.LoraRssiGeolocation),
        ("LORA_TDOA_GEOLOCATION", LocationSource.LoraTdoaGeolocation),
        ("COMBINED_GEOLOCATION", LocationSource.CombinedGeolocation));

    public static RxMetadata? ReadRxMetadata(ref Utf8JsonReader reader)
    {
        if (!ProtoJson.StartObject(ref reader, "rx_metadata"))
        {
            return null;
        }

        var gatewayId = "";
        string? eui = null;
        int antenna = 0, channel = 0;
        float rssi = 0, channelRssi = 0, snr = 0;
        long timestamp = 0;
        DateTimeOffset? time = null, gpsTime = null, receivedAt = null;
        Location? location = null;
        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            switch (buffer[..length])
            {
                case "gateway_ids":
                    IdentifiersReader.ReadGatewayIds(ref reader, ref gatewayId, ref eui);
                    break;
                case "antenna_index":
                    antenna = ProtoJson.ReadInt32(ref reader, "rx_metadata.antenna_index");
                    break;
                case "channel_index":
                    channel = ProtoJson.ReadInt32(ref reader, "rx_metadata.channel_index");
                    break;
                case "rssi":
                    rssi = ProtoJson.ReadSingle(ref reader, "rx_metadata.rssi");
                    break;
                case "channel_rssi":
                    channelRssi = ProtoJson.ReadSingle(ref reader, "rx_metadata.channel_rssi");
                    break;
                case "snr":
                    snr = ProtoJson.ReadSingle(ref reader, "rx_metadata.snr");
                    break;
                case "timestamp":
                    timestamp = ProtoJson.ReadInt64(ref reader, "rx_metadata.timestamp");
                    break;
                case "time":
                    time = ProtoJson.ReadTimestamp(ref reader, "rx_metadata.time");
                    break;
                case "gps_time":
                    gpsTime = ProtoJson.ReadTimestamp(ref reader, "rx_metadata.gps_time");
                    break;
                case "received_at":
                    receivedAt = ProtoJson.ReadTimestamp(ref reader, "rx_metadata.received_at");
                    break;
                case "location":
                    location = ReadLocation(ref reader, "rx_metadata.location");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new RxMetadata
        {
            GatewayId = gatewayId,
            GatewayEui = eui,
            AntennaIndex = antenna,
            ChannelIndex = channel,
            Rssi = rssi,
            ChannelRssi = channelRssi,
            Snr = snr,
            Timestamp = timestamp,
            Time = time,
            GpsTime = gpsTime,
            ReceivedAt = receivedAt,
            Location = location,
        };
    }

    public static TxSettings? ReadSettings(ref Utf8JsonReader reader)
    {
        if (!ProtoJson.StartObject(ref reader, "settings"))
        {
            return null;
        }

        DataRate? dataRate = null;
        string? legacyCodingRate = null;
        long frequency = 0, timestamp = 0;
        DateTimeOffset? time = null;
        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            switch (buffer[..length])
            {
                case "data_rate":
                    dataRate = ReadDataRate(ref reader);
                    break;
                case "coding_rate":
                    // TTS before 3.20 wrote the LoRa coding rate here rather than in data_rate.lora.
                    legacyCodingRate = ProtoJson.ReadString(ref reader, "settings.coding_rate");
                    break;
                case "frequency":
                    frequency = ProtoJson.ReadInt64(ref reader, "settings.frequency");
                    break;
                case "timestamp":
                    timestamp = ProtoJson.ReadInt64(ref reader, "settings.timestamp");
                    break;
                case "time":
                    time = ProtoJson.ReadTimestamp(ref reader, "settings.time");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (legacyCodingRate is not null && dataRate is { CodingRate: null })
        {
            dataRate = dataRate with { CodingRate = legacyCodingRate };
        }

        return new TxSettings { DataRate = dataRate, Frequency = frequency, Timestamp = timestamp, Time = time };
    }

    public static Location? ReadLocation(ref Utf8JsonReader reader, string field)
    {
        if (!ProtoJson.StartObject(ref reader, field))
        {
            return null;
        }

        double latitude = 0, longitude = 0;
        int altitude = 0, accuracy = 0, source = 0;
        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            switch (buffer[..length])
            {
                case "latitude":
                    latitude = ProtoJson.ReadDouble(ref reader, "location.latitude");
                    break;
                case "longitude":
                    longitude = ProtoJson.ReadDouble(ref reader, "location.longitude");
                    break;
                case "altitude":
                    altitude = ProtoJson.ReadInt32(ref reader, "location.altitude");
                    break;
                case "accuracy":
                    accuracy = ProtoJson.ReadInt32(ref reader, "location.accuracy");
                    break;
                case "source":
                    source = ProtoJson.ReadEnum(ref reader, "location.source", LocationSources);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new Location
        {
            Latitude = latitude,
            Longitude = longitude,
            Altitude = altitude,
            Accuracy = accuracy,
            Source = (LocationSource)source,
        };
    }

    /// <summary>The <c>data_rate</c> oneof: <c>lora</c>, <c>fsk</c> or <c>lrfhss</c>, flattened.</summary>
    private static DataRate? ReadDataRate(ref Utf8JsonReader reader)
    {
        if (!ProtoJson.StartObject(ref reader, "settings.data_rate"))
        {
            return null;
        }

        DataRate? dataRate = null;
        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            var modulation = buffer[..length] switch
            {
                "lora" => Modulation.LoRa,
                "fsk" => Modulation.Fsk,
                "lrfhss" => Modulation.LrFhss,
                _ => Modulation.Unknown,
            };
            if (modulation == Modulation.Unknown)
            {
                reader.Skip();
                continue;
            }

            dataRate = ReadModulation(ref reader, modulation) ?? dataRate;
        }

        return dataRate ?? new DataRate();
    }

    private static DataRate? ReadModulation(ref Utf8JsonReader reader, Modulation modulation)
    {
        if (!ProtoJson.StartObject(ref reader, "settings.data_rate"))
        {
            return null;
        }

        int bandwidth = 0, spreadingFactor = 0, bitRate = 0;
        string? codingRate = null;
        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            switch (buffer[..length])
            {
                case "bandwidth" or "operating_channel_width":
                    bandwidth = ProtoJson.ReadInt32(ref reader, "data_rate.bandwidth");
                    break;
                case "spreading_factor":
                    spreadingFactor = ProtoJson.ReadInt32(ref reader, "data_rate.spreading_factor");
                    break;
                case "coding_rate":
                    codingRate = ProtoJson.ReadString(ref reader, "data_rate.coding_rate");
                    break;
                case "bit_rate":
                    bitRate = ProtoJson.ReadInt32(ref reader, "data_rate.bit_rate");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new DataRate
        {
            Modulation = modulation,
            Bandwidth = bandwidth,
            SpreadingFactor = spreadingFactor,
            CodingRate = codingRate,
            BitRate = bitRate,
        };
    }

    private static EnumName[] WithPrefix(string prefix, params (string Name, LocationSource Value)[] values) =>
    [
        .. values.Select(v => new EnumName(Encoding.UTF8.GetBytes(prefix + v.Name), (int)v.Value)),
        .. values.Select(v => new EnumName(Encoding.UTF8.GetBytes(v.Name), (int)v.Value)),
    ];
}
