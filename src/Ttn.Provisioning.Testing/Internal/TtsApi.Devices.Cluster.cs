using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>
/// End devices in the Join, Network and Application Servers of the cluster the request went to. Each
/// record stands alone: a device may be in some registries and not others, and in one cluster and not another.
/// </summary>
internal sealed partial class TtsApi
{
    private void MapClusterDevices()
    {
        foreach (var (registry, prefix) in new[]
        {
            (FakeDeviceRegistry.JoinServer, "js"), (FakeDeviceRegistry.NetworkServer, "ns"), (FakeDeviceRegistry.ApplicationServer, "as"),
        })
        {
            _router.Map("PUT", $"/{prefix}/applications/{{app}}/devices/{{dev}}", c => SetClusterDevice(c, registry, c["dev"]));
            _router.Map("POST", $"/{prefix}/applications/{{app}}/devices",
                c => SetClusterDevice(c, registry, Str(c.Body, "end_device", "ids", "device_id")));
            _router.Map("DELETE", $"/{prefix}/applications/{{app}}/devices/batch", c => BatchDeleteClusterDevices(c, registry));
            _router.Map("GET", $"/{prefix}/applications/{{app}}/devices/{{dev}}", c => GetClusterDevice(c, registry));
            _router.Map("DELETE", $"/{prefix}/applications/{{app}}/devices/{{dev}}", c => DeleteClusterDevice(c, registry));
        }
    }

    private static string Namespace(FakeDeviceRegistry registry) => registry switch
    {
        FakeDeviceRegistry.JoinServer => "pkg/joinserver",
        FakeDeviceRegistry.NetworkServer => "pkg/networkserver",
        _ => "pkg/applicationserver",
    };

    /// <summary>Whether the paths touch key material (then the KEYS rights are needed).</summary>
    private static bool TouchesKeys(FakeDeviceRegistry registry, List<string> paths) => registry == FakeDeviceRegistry.JoinServer
        ? FieldMasks.Touches(paths, "root_keys")
        : FieldMasks.Touches(paths, "session.keys") || FieldMasks.Touches(paths, "pending_session.keys")
            || FieldMasks.Touches(paths, "pending_mac_state.queued_join_accept.keys");

    /// <summary><c>Set</c>: creates or updates the record, writing exactly the masked paths.</summary>
    private ApiResult SetClusterDevice(RequestContext context, FakeDeviceRegistry registry, string? deviceIdText)
    {
        var applicationId = context["app"];
        var deviceId = Identifiers.Require(deviceIdText, "device_id", "EndDeviceIdentifiers");
        var input = Obj(context.Body, "end_device");
        var devEui = Identifiers.Eui(Str(input, "ids", "dev_eui"), "dev_eui", "EndDeviceIdentifiers");
        var joinEui = Identifiers.Eui(Str(input, "ids", "join_eui"), "join_eui", "EndDeviceIdentifiers");
        var mask = FieldMask(context.Body);
        if (registry == FakeDeviceRegistry.JoinServer)
        {
            CheckJoinServerSet(input, devEui, joinEui, mask);
        }
        string[] rights = TouchesKeys(registry, mask) ? [DevicesWrite, DevicesWriteKeys] : [DevicesWrite];
        Require(context, EntityKind.Application, applicationId, rights);
        if (registry == FakeDeviceRegistry.NetworkServer && mask.Contains("frequency_plan_id"))
        {
            var plan = Str(input, "frequency_plan_id");
            if (string.IsNullOrEmpty(plan))
            {
                throw new TtsException(Errors.FieldValue("pkg/networkserver", "frequency_plan_id"));
            }
            _ = FrequencyPlans.Find(plan) ?? throw new TtsException(Errors.FrequencyPlanNotFound(plan));
        }

        var devices = context.ServingCluster.Devices(registry);
        var key = StateStore.DeviceKey(applicationId, deviceId);
        var fieldPaths = mask.Where(p => p.Split('.')[0] != "ids").ToList();
        if (devices.TryGetValue(key, out var record))
        {
            CheckUpdate(registry, record, input, devEui, joinEui, mask);
        }
        else
        {
            if ((registry == FakeDeviceRegistry.JoinServer || (devEui is not null && joinEui is not null))
                && devices.Values.FirstOrDefault(d => d.DevEui == devEui && d.JoinEui == joinEui) is { } clash)
            {
                throw new TtsException(Errors.RegistryEuisTaken(joinEui!, devEui!, clash.DeviceId, clash.ApplicationId));
            }
            record = new DeviceRecord(applicationId, deviceId, context.Now)
            {
                DevEui = devEui,
                JoinEui = joinEui,
                DevAddr = Identifiers.DevAddr(Str(input, "ids", "dev_addr")),
            };
            devices[key] = record;
        }
        FieldMasks.Apply(record.Fields, input, fieldPaths);
        record.UpdatedAt = context.Now;
        return new ApiResult(DeviceJson(record, fieldPaths));
    }

    /// <summary>pkg/joinserver/grpc_deviceregistry.go <c>Set</c>: a JoinEUI, a non-zero DevEUI and a non-zero AppKey when masked.</summary>
    private static void CheckJoinServerSet(JsonObject input, string? devEui, string? joinEui, List<string> mask)
    {
        if (joinEui is null)
        {
            throw new TtsException(Errors.NoJoinEui());
        }
        if (devEui is null or "0000000000000000")
        {
            throw new TtsException(Errors.NoDevEui());
        }
        if (mask.Contains("root_keys.app_key.key") && !Identifiers.IsNonZeroKey(Str(input, "root_keys", "app_key", "key")))
        {
            throw new TtsException(Errors.FieldValue("pkg/joinserver", "root_keys.app_key.key"));
        }
    }

    /// <summary>Identifiers are read-only once stored; the NS refuses changing <c>supports_join</c> or <c>multicast</c>.</summary>
    private static void CheckUpdate(FakeDeviceRegistry registry, DeviceRecord record, JsonObject input, string? devEui, string? joinEui,
        List<string> mask)
    {
        var redis = Namespace(registry) + "/redis";
        if (mask.Contains("ids.dev_eui") && devEui != record.DevEui)
        {
            throw new TtsException(Errors.ReadOnlyField(redis, "ids.dev_eui"));
        }
        if (mask.Contains("ids.join_eui") && joinEui != record.JoinEui)
        {
            throw new TtsException(Errors.ReadOnlyField(redis, "ids.join_eui"));
        }
        if (registry != FakeDeviceRegistry.NetworkServer)
        {
            return;
        }
        foreach (var field in (string[])["supports_join", "multicast"])
        {
            if (mask.Contains(field) && Flag(input, field) != Flag(record.Fields, field))
            {
                throw new TtsException(Errors.FieldValue("pkg/networkserver", field));
            }
        }
    }

    private static bool Flag(JsonObject json, string field) =>
        json[field] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private ApiResult GetClusterDevice(RequestContext context, FakeDeviceRegistry registry)
    {
        var paths = ReadPaths(context);
        string[] rights = TouchesKeys(registry, paths) ? [DevicesRead, DevicesReadKeys] : [DevicesRead];
        Require(context, EntityKind.Application, context["app"], rights);
        var found = context.ServingCluster.Devices(registry).TryGetValue(StateStore.DeviceKey(context["app"], context["dev"]),
            out var record);
        return found
            ? new ApiResult(DeviceJson(record!, paths))
            : throw new TtsException(registry == FakeDeviceRegistry.JoinServer
                ? Errors.DeviceNotFound("pkg/joinserver")
                : Errors.RedisNotFound());
    }

    private ApiResult DeleteClusterDevice(RequestContext context, FakeDeviceRegistry registry)
    {
        Require(context, EntityKind.Application, context["app"], DevicesWrite);
        if (!context.ServingCluster.Devices(registry).Remove(StateStore.DeviceKey(context["app"], context["dev"])))
        {
            throw new TtsException(registry == FakeDeviceRegistry.ApplicationServer
                ? Errors.ApplicationServerDeviceNotFound(context["app"], context["dev"])
                : Errors.DeviceNotFound(Namespace(registry)));
        }
        return Empty();
    }

    private ApiResult BatchDeleteClusterDevices(RequestContext context, FakeDeviceRegistry registry)
    {
        Require(context, EntityKind.Application, context["app"], DevicesWrite);
        foreach (var id in DeviceIdsQuery(context))
        {
            context.ServingCluster.Devices(registry).Remove(StateStore.DeviceKey(context["app"], id));
        }
        return Empty();
    }
}
