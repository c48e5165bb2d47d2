using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>
/// <c>up/simulate</c> (pkg/applicationserver/io/grpc/grpc.go <c>SimulateUplink</c>): the cluster's AS takes the message as
/// if the device had sent it and hands it to the webhooks. The answer comes after the deliveries finished, so a test sees
/// their effects as soon as the call returns.
/// </summary>
internal sealed partial class TtsApi
{
    private void MapSimulate() =>
        _router.Map("POST", "/as/applications/{app}/devices/{dev}/up/simulate", SimulateUplink);

    private ApiResult SimulateUplink(RequestContext context)
    {
        if (context.Body["simulated"] is JsonValue flag && flag.TryGetValue<bool>(out var simulated) && simulated)
        {
            throw new TtsException(Errors.Simulated());
        }
        Require(context, EntityKind.Application, context["app"], "RIGHT_APPLICATION_TRAFFIC_UP_WRITE");
        var up = (JsonObject)context.Body.DeepClone();
        if (WebhookRequests.KindOf(up) is null)
        {
            throw new TtsException(Errors.Validation("up", "value is required", "ApplicationUpValidationError"));
        }
        var cluster = context.ServingCluster;
        CompleteApplicationUp(cluster, up, context["app"], context["dev"], context.Now, "rpc:/ttn.lorawan.v3.AppAs/SimulateUplink");
        up["simulated"] = true;
        if (up["uplink_message"] is JsonObject uplink)
        {
            CompleteUplink(cluster, uplink, context["app"], context["dev"], context.Now);
        }
        return new ApiResult([], After: async cancellationToken =>
            await _deliverer.DeliverAsync(cluster, up, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>
    /// Fills what the AS adds to a published message: the device's identifiers (from the cluster's AS record, as TTS reads
    /// them), <c>received_at</c> and correlation IDs. Fields already present are kept.
    /// </summary>
    internal void CompleteApplicationUp(ClusterState cluster, JsonObject up, string applicationId, string deviceId, DateTimeOffset now,
        string? rpc)
    {
        var ids = up["end_device_ids"] as JsonObject ?? [];
        up["end_device_ids"] = ids;
        ids["device_id"] = deviceId;
        ids["application_ids"] = new JsonObject { ["application_id"] = applicationId };
        if (cluster.ApplicationServer.TryGetValue(StateStore.DeviceKey(applicationId, deviceId), out var record))
        {
            SetIfAbsent(ids, "dev_eui", record.DevEui);
            SetIfAbsent(ids, "join_eui", record.JoinEui);
            SetIfAbsent(ids, "dev_addr", record.DevAddr ?? Str(record.Fields, "session", "dev_addr"));
        }
        var correlation = up["correlation_ids"] as JsonArray ?? [];
        up["correlation_ids"] = correlation;
        if (rpc is not null)
        {
            correlation.Add($"{rpc}:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(13))}");
        }
        correlation.Add($"as:up:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(13))}");
        up["received_at"] ??= Time(now);
    }

    /// <summary>
    /// Gives a simulated uplink what a radio uplink carries when the caller left it out: a frame counter, one gateway's
    /// metadata (RSSI, SNR), the TX settings of EU868 SF7, the airtime. TTS leaves these absent on a simulated uplink; the
    /// fake fills them so receivers are tested against the shape of real traffic.
    /// </summary>
    private static void CompleteUplink(ClusterState cluster, JsonObject uplink, string applicationId, string deviceId, DateTimeOffset now)
    {
        var counter = cluster.UplinkCounters.GetValueOrDefault(StateStore.DeviceKey(applicationId, deviceId)) + 1;
        cluster.UplinkCounters[StateStore.DeviceKey(applicationId, deviceId)] = counter;
        uplink["f_cnt"] ??= counter;
        uplink["received_at"] ??= Time(now);
        uplink["rx_metadata"] ??= new JsonArray(new JsonObject
        {
            ["gateway_ids"] = new JsonObject { ["gateway_id"] = "fake-gateway", ["eui"] = "00800000A0000001" },
            ["time"] = Time(now),
            ["timestamp"] = 2_000_000_000,
            ["rssi"] = -57,
            ["channel_rssi"] = -57,
            ["snr"] = 9.25,
            ["uplink_token"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)),
            ["channel_index"] = 2,
            ["received_at"] = Time(now),
        });
        uplink["settings"] ??= new JsonObject
        {
            ["data_rate"] = new JsonObject
            {
                ["lora"] = new JsonObject { ["bandwidth"] = 125000, ["spreading_factor"] = 7, ["coding_rate"] = "4/5" },
            },
            ["frequency"] = "868500000",
            ["timestamp"] = 2_000_000_000,
        };
        uplink["consumed_airtime"] ??= "0.046336s";
        uplink["network_ids"] ??= new JsonObject { ["net_id"] = "000013", ["tenant_id"] = "ttn", ["cluster_id"] = cluster.Name ?? "fake" };
        if (uplink["frm_payload"] is null && uplink["f_port"] is null)
        {
            uplink["f_port"] = 1;
        }
    }

    private static void SetIfAbsent(JsonObject json, string name, string? value)
    {
        if (value is not null && json[name] is null)
        {
            json[name] = value;
        }
    }
}
