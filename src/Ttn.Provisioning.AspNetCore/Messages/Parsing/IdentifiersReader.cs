using System.Text.Json;

namespace Ttn.Provisioning.AspNetCore.Messages.Parsing;

/// <summary>Reads the identifier objects: <c>end_device_ids</c>, <c>network_ids</c>, <c>version_ids</c>.</summary>
internal static class IdentifiersReader
{
    private const int EuiDigits = 16;
    private const int DevAddrDigits = 8;

    public static EndDeviceIds? ReadEndDeviceIds(ref Utf8JsonReader reader)
    {
        if (!ProtoJson.StartObject(ref reader, "end_device_ids"))
        {
            return null;
        }

        string? deviceId = null, applicationId = null, devEui = null, joinEui = null, devAddr = null;
        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            switch (buffer[..length])
            {
                case "device_id":
                    deviceId = ProtoJson.ReadString(ref reader, "end_device_ids.device_id");
                    break;
                case "application_ids":
                    applicationId = ReadApplicationId(ref reader);
                    break;
                case "dev_eui":
                    devEui = ProtoJson.ReadHex(ref reader, "end_device_ids.dev_eui", EuiDigits);
                    break;
                case "join_eui":
                    joinEui = ProtoJson.ReadHex(ref reader, "end_device_ids.join_eui", EuiDigits);
                    break;
                case "dev_addr":
                    devAddr = ProtoJson.ReadHex(ref reader, "end_device_ids.dev_addr", DevAddrDigits);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new EndDeviceIds
        {
            DeviceId = deviceId ?? "",
            ApplicationId = applicationId ?? "",
            DevEui = devEui,
            JoinEui = joinEui,
            DevAddr = devAddr,
        };
    }

    /// <summary>Reads <c>gateway_ids</c> into the id and EUI of an <see cref="RxMetadata"/>.</summary>
    public static void ReadGatewayIds(ref Utf8JsonReader reader, ref string gatewayId, ref string? eui)
    {
        if (!ProtoJson.StartObject(ref reader, "gateway_ids"))
        {
            return;
        }

        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            switch (buffer[..length])
            {
                case "gateway_id":
                    gatewayId = ProtoJson.ReadString(ref reader, "gateway_ids.gateway_id") ?? "";
                    break;
                case "eui":
                    eui = ProtoJson.ReadHex(ref reader, "gateway_ids.eui", EuiDigits);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    public static NetworkIds? ReadNetworkIds(ref Utf8JsonReader reader)
    {
        if (!ProtoJson.StartObject(ref reader, "network_ids"))
        {
            return null;
        }

        string? netId = null, tenantId = null, clusterId = null, clusterAddress = null;
        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            switch (buffer[..length])
            {
                case "net_id":
                    netId = ProtoJson.ReadString(ref reader, "network_ids.net_id");
                    break;
                case "tenant_id":
                    tenantId = ProtoJson.ReadString(ref reader, "network_ids.tenant_id");
                    break;
                case "cluster_id":
                    clusterId = ProtoJson.ReadString(ref reader, "network_ids.cluster_id");
                    break;
                case "cluster_address":
                    clusterAddress = ProtoJson.ReadString(ref reader, "network_ids.cluster_address");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new NetworkIds { NetId = netId, TenantId = tenantId, ClusterId = clusterId, ClusterAddress = clusterAddress };
    }

    public static VersionIds? ReadVersionIds(ref Utf8JsonReader reader)
    {
        if (!ProtoJson.StartObject(ref reader, "version_ids"))
        {
            return null;
        }

        string? brand = null, model = null, hardware = null, firmware = null, band = null;
        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            switch (buffer[..length])
            {
                case "brand_id":
                    brand = ProtoJson.ReadString(ref reader, "version_ids.brand_id");
                    break;
                case "model_id":
                    model = ProtoJson.ReadString(ref reader, "version_ids.model_id");
                    break;
                case "hardware_version":
                    hardware = ProtoJson.ReadString(ref reader, "version_ids.hardware_version");
                    break;
                case "firmware_version":
                    firmware = ProtoJson.ReadString(ref reader, "version_ids.firmware_version");
                    break;
                case "band_id":
                    band = ProtoJson.ReadString(ref reader, "version_ids.band_id");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new VersionIds
        {
            BrandId = brand,
            ModelId = model,
            HardwareVersion = hardware,
            FirmwareVersion = firmware,
            BandId = band,
        };
    }

    private static string? ReadApplicationId(ref Utf8JsonReader reader)
    {
        if (!ProtoJson.StartObject(ref reader, "end_device_ids.application_ids"))
        {
            return null;
        }

        string? applicationId = null;
        Span<char> buffer = stackalloc char[PropertyName.MaxLength];
        while (PropertyName.Next(ref reader, buffer, out var length))
        {
            if (buffer[..length] is "application_id")
            {
                applicationId = ProtoJson.ReadString(ref reader, "end_device_ids.application_ids.application_id");
            }
            else
            {
                reader.Skip();
            }
        }

        return applicationId;
    }
}
