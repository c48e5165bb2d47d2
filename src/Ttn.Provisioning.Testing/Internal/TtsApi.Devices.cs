using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>End devices in the Identity Server and in the Join, Network and Application Servers (API.md §1.6).</summary>
internal sealed partial class TtsApi
{
    private const string DevicesRead = "RIGHT_APPLICATION_DEVICES_READ";
    private const string DevicesWrite = "RIGHT_APPLICATION_DEVICES_WRITE";
    private const string DevicesWriteKeys = "RIGHT_APPLICATION_DEVICES_WRITE_KEYS";

    private enum Registry
    {
        Join,
        Network,
        Application,
    }

    private void MapDevices()
    {
        _router.Map("POST", "/applications/{app}/devices", CreateDevice);
        _router.Map("GET", "/applications/{app}/devices", ListDevices);
        _router.Map("GET", "/applications/{app}/devices/{dev}", c => GetDevice(c, null));
        _router.Map("DELETE", "/applications/{app}/devices/{dev}", c => DeleteDevice(c, null));
        foreach (var (registry, prefix) in new[] { (Registry.Join, "js"), (Registry.Network, "ns"), (Registry.Application, "as") })
        {
            _router.Map("PUT", $"/{prefix}/applications/{{app}}/devices/{{dev}}", c => SetDevice(c, registry, c["dev"]));
            _router.Map("POST", $"/{prefix}/applications/{{app}}/devices", c => SetDevice(c, registry, Str(c.Body, "end_device", "ids", "device_id")));
            _router.Map("GET", $"/{prefix}/applications/{{app}}/devices/{{dev}}", c => GetDevice(c, registry));
            _router.Map("DELETE", $"/{prefix}/applications/{{app}}/devices/{{dev}}", c => DeleteDevice(c, registry));
        }
    }

    private static string DeviceKey(string applicationId, string deviceId) => applicationId + "/" + deviceId;

    private static JsonObject? RecordOf(DeviceEntity device, Registry? registry) => registry switch
    {
        null => device.IdentityServer,
        Registry.Join => device.JoinServer,
        Registry.Network => device.NetworkServer,
        _ => device.ApplicationServer,
    };

    private static void SetRecord(DeviceEntity device, Registry? registry, JsonObject? record)
    {
        switch (registry)
        {
            case null: device.IdentityServer = record; break;
            case Registry.Join: device.JoinServer = record; break;
            case Registry.Network: device.NetworkServer = record; break;
            default: device.ApplicationServer = record; break;
        }
    }

    private static TtsError DeviceNotFound(Registry? registry, string applicationId, string deviceId) => registry switch
    {
        null => Errors.EndDeviceNotFound(applicationId, deviceId),
        Registry.Join => Errors.DeviceNotFound("pkg/joinserver"),
        Registry.Network => Errors.DeviceNotFound("pkg/networkserver"),
        _ => Errors.RedisNotFound(),
    };

    private ApiResult CreateDevice(RequestContext context)
    {
        var applicationId = context["app"];
        var input = Obj(context.Body, "end_device");
        var deviceId = Identifiers.Require(Str(input, "ids", "device_id"), "device_id", "EndDeviceIdentifiers");
        var devEui = Identifiers.Eui(Str(input, "ids", "dev_eui"), "dev_eui", "EndDeviceIdentifiers");
        var joinEui = Identifiers.Eui(Str(input, "ids", "join_eui"), "join_eui", "EndDeviceIdentifiers");
        var fields = WritableFields(input);
        ValidateFields(fields, "EndDevice");
        Require(context, EntityKind.Application, applicationId, DevicesWrite);
        Identifiers.CheckBlocklist(deviceId);

        _state.Devices.TryGetValue(DeviceKey(applicationId, deviceId), out var device);
        if (device?.IdentityServer is not null)
        {
            throw new TtsException(Errors.IdTaken());
        }
        if (devEui is not null && _state.Devices.Values.FirstOrDefault(d =>
                d.IdentityServer is not null && d.DevEui == devEui && d.JoinEui == joinEui) is { } clash)
        {
            throw new TtsException(Errors.EndDeviceEuisTaken(joinEui ?? "0000000000000000", devEui, clash.DeviceId, clash.ApplicationId));
        }
        if (device is null)
        {
            device = new DeviceEntity(applicationId, deviceId, context.Now);
            _state.Devices[DeviceKey(applicationId, deviceId)] = device;
        }
        device.DevEui = devEui ?? device.DevEui;
        device.JoinEui = joinEui ?? device.JoinEui;
        device.IdentityServer = fields;
        device.UpdatedAt = context.Now;
        return new ApiResult(DeviceJson(device, fields, mask: null));
    }

    private ApiResult ListDevices(RequestContext context)
    {
        Require(context, EntityKind.Application, context["app"], DevicesRead);
        var devices = _state.Devices.Values.Where(d => d.ApplicationId == context["app"] && d.IdentityServer is not null)
            .OrderBy(d => d.DeviceId, StringComparer.Ordinal);
        var (page, total) = Paginate(devices, context);
        var mask = ReadMask(context);
        return new ApiResult(
            new JsonObject { ["end_devices"] = new JsonArray([.. page.Select(d => (JsonNode)DeviceJson(d, d.IdentityServer!, mask))]) },
            total);
    }

    private ApiResult GetDevice(RequestContext context, Registry? registry)
    {
        Require(context, EntityKind.Application, context["app"], DevicesRead);
        var device = FindDevice(registry, context["app"], context["dev"]);
        return new ApiResult(DeviceJson(device, RecordOf(device, registry)!, ReadMask(context)));
    }

    /// <summary>JS/NS/AS <c>Set</c>: writes the masked top-level fields; key paths need DEVICES_WRITE_KEYS.</summary>
    private ApiResult SetDevice(RequestContext context, Registry registry, string? deviceIdText)
    {
        var applicationId = context["app"];
        var deviceId = Identifiers.Require(deviceIdText, "device_id", "EndDeviceIdentifiers");
        var input = Obj(context.Body, "end_device");
        var devEui = Identifiers.Eui(Str(input, "ids", "dev_eui"), "dev_eui", "EndDeviceIdentifiers");
        var joinEui = Identifiers.Eui(Str(input, "ids", "join_eui"), "join_eui", "EndDeviceIdentifiers");
        var mask = FieldMask(context.Body);
        var writesKeys = mask.Any(p => p.StartsWith("root_keys", StringComparison.Ordinal)
            || p.StartsWith("session.keys", StringComparison.Ordinal) || p.StartsWith("pending_session.keys", StringComparison.Ordinal));
        Require(context, EntityKind.Application, applicationId, writesKeys ? [DevicesWrite, DevicesWriteKeys] : [DevicesWrite]);

        if (!_state.Devices.TryGetValue(DeviceKey(applicationId, deviceId), out var device))
        {
            device = new DeviceEntity(applicationId, deviceId, context.Now);
            _state.Devices[DeviceKey(applicationId, deviceId)] = device;
        }
        var record = RecordOf(device, registry) ?? [];
        var topLevel = mask.Select(p => p.Split('.')[0]).Where(p => p != "ids").Distinct(StringComparer.Ordinal).ToList();
        foreach (var path in topLevel)
        {
            record.Remove(path);
            if (input[path] is { } value)
            {
                record[path] = value.DeepClone();
            }
        }
        SetRecord(device, registry, record);
        device.DevEui = devEui ?? device.DevEui;
        device.JoinEui = joinEui ?? device.JoinEui;
        device.UpdatedAt = context.Now;
        return new ApiResult(DeviceJson(device, record, [.. topLevel]));
    }

    private ApiResult DeleteDevice(RequestContext context, Registry? registry)
    {
        Require(context, EntityKind.Application, context["app"], DevicesWrite);
        var device = FindDevice(registry, context["app"], context["dev"]);
        SetRecord(device, registry, null);
        if (device.IsGone)
        {
            _state.Devices.Remove(DeviceKey(device.ApplicationId, device.DeviceId));
        }
        return Empty();
    }

    private DeviceEntity FindDevice(Registry? registry, string applicationId, string deviceId) =>
        _state.Devices.TryGetValue(DeviceKey(applicationId, deviceId), out var device) && RecordOf(device, registry) is not null
            ? device
            : throw new TtsException(DeviceNotFound(registry, applicationId, deviceId));

    private static JsonObject DeviceJson(DeviceEntity device, JsonObject record, HashSet<string>? mask)
    {
        var ids = new JsonObject
        {
            ["device_id"] = device.DeviceId,
            ["application_ids"] = new JsonObject { ["application_id"] = device.ApplicationId },
        };
        if (device.DevEui is not null)
        {
            ids["dev_eui"] = device.DevEui;
        }
        if (device.JoinEui is not null)
        {
            ids["join_eui"] = device.JoinEui;
        }
        var json = new JsonObject { ["ids"] = ids, ["created_at"] = Time(device.CreatedAt), ["updated_at"] = Time(device.UpdatedAt) };
        foreach (var (name, value) in record)
        {
            if (mask is null || mask.Contains(name))
            {
                json[name] = value?.DeepClone();
            }
        }
        return json;
    }
}
