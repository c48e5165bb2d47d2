using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>End devices in the Identity Server: one global registry, hard delete, unique EUI pairs.</summary>
internal sealed partial class TtsApi
{
    private const string DevicesRead = "RIGHT_APPLICATION_DEVICES_READ";
    private const string DevicesWrite = "RIGHT_APPLICATION_DEVICES_WRITE";
    private const string DevicesReadKeys = "RIGHT_APPLICATION_DEVICES_READ_KEYS";
    private const string DevicesWriteKeys = "RIGHT_APPLICATION_DEVICES_WRITE_KEYS";

    /// <summary>The paths an IS end device update may write.</summary>
    private static readonly HashSet<string> IsDevicePaths = new(
        ["name", "description", "attributes", "version_ids", "network_server_address", "application_server_address",
         "join_server_address", "locations", "service_profile_id", "serial_number", "lora_alliance_profile_ids", "picture",
         "claim_authentication_code", "activated_at", "last_seen_at"],
        StringComparer.Ordinal);

    private void MapDevices()
    {
        _router.Map("POST", "/applications/{app}/devices", CreateDevice);
        _router.Map("GET", "/applications/{app}/devices", ListDevices);
        _router.Map("GET", "/applications/{app}/devices/batch", BatchGetDevices);
        _router.Map("DELETE", "/applications/{app}/devices/batch", BatchDeleteDevices);
        _router.Map("GET", "/applications/{app}/devices/{dev}", GetDevice);
        _router.Map("PUT", "/applications/{app}/devices/{dev}", UpdateDevice);
        _router.Map("DELETE", "/applications/{app}/devices/{dev}", DeleteDevice);
    }

    /// <summary>
    /// Create, in TTS's order: rights, blocklist, server addresses against the application's, then the store (the ID in
    /// the application, then the deployment-wide JoinEUI/DevEUI pair).
    /// </summary>
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
        CheckServerAddresses(applicationId, fields);

        var key = StateStore.DeviceKey(applicationId, deviceId);
        if (_state.IdentityServerDevices.ContainsKey(key))
        {
            throw new TtsException(Errors.IdTaken());
        }
        if (devEui is not null && joinEui is not null
            && _state.IdentityServerDevices.Values.FirstOrDefault(d => d.DevEui == devEui && d.JoinEui == joinEui) is { } clash)
        {
            throw new TtsException(Errors.EndDeviceEuisTaken(joinEui, devEui, clash.DeviceId, clash.ApplicationId));
        }
        var record = new DeviceRecord(applicationId, deviceId, context.Now) { DevEui = devEui, JoinEui = joinEui, Fields = fields };
        _state.IdentityServerDevices[key] = record;
        return new ApiResult(DeviceJson(record, paths: null));
    }

    private ApiResult UpdateDevice(RequestContext context)
    {
        var mask = FieldMask(context.Body);
        var forbidden = mask.Where(p => !IsDevicePaths.Contains(p.Split('.')[0])).ToList();
        if (forbidden.Count > 0)
        {
            throw new TtsException(Errors.FieldMaskPaths(forbidden));
        }
        var input = Obj(context.Body, "end_device");
        Require(context, EntityKind.Application, context["app"], DevicesWrite);
        var record = FindIsDevice(context["app"], context["dev"]);
        var fields = (JsonObject)record.Fields.DeepClone();
        FieldMasks.Apply(fields, input, mask);
        ValidateFields(fields, "EndDevice");
        CheckServerAddresses(record.ApplicationId, fields);
        record.Fields = fields;
        record.UpdatedAt = context.Now;
        return new ApiResult(DeviceJson(record, mask));
    }

    private ApiResult ListDevices(RequestContext context)
    {
        Require(context, EntityKind.Application, context["app"], DevicesRead);
        var devices = OrderDevices(_state.IdentityServerDevices.Values.Where(d => d.ApplicationId == context["app"]), context);
        var (page, total) = Paginate(devices, context);
        return DeviceList(page, ReadPaths(context), total);
    }

    private ApiResult GetDevice(RequestContext context)
    {
        Require(context, EntityKind.Application, context["app"], DevicesRead);
        return new ApiResult(DeviceJson(FindIsDevice(context["app"], context["dev"]), ReadPaths(context)));
    }

    /// <summary>Hard delete: the ID and the EUI pair are free again at once.</summary>
    private ApiResult DeleteDevice(RequestContext context)
    {
        Require(context, EntityKind.Application, context["app"], DevicesWrite);
        var record = FindIsDevice(context["app"], context["dev"]);
        _state.IdentityServerDevices.Remove(StateStore.DeviceKey(record.ApplicationId, record.DeviceId));
        return Empty();
    }

    /// <summary>The devices of the application among <c>device_ids</c>; unknown IDs are left out.</summary>
    private ApiResult BatchGetDevices(RequestContext context)
    {
        Require(context, EntityKind.Application, context["app"], DevicesRead);
        var found = DeviceIdsQuery(context)
            .Select(id => _state.IdentityServerDevices.GetValueOrDefault(StateStore.DeviceKey(context["app"], id)))
            .OfType<DeviceRecord>();
        return DeviceList(OrderDevices(found, context), ReadPaths(context), total: null);
    }

    /// <summary>Atomic; unknown IDs are skipped.</summary>
    private ApiResult BatchDeleteDevices(RequestContext context)
    {
        Require(context, EntityKind.Application, context["app"], DevicesWrite);
        foreach (var id in DeviceIdsQuery(context))
        {
            _state.IdentityServerDevices.Remove(StateStore.DeviceKey(context["app"], id));
        }
        return Empty();
    }

    private DeviceRecord FindIsDevice(string applicationId, string deviceId) =>
        _state.IdentityServerDevices.TryGetValue(StateStore.DeviceKey(applicationId, deviceId), out var record)
            ? record
            : throw new TtsException(Errors.EndDeviceNotFound(applicationId, deviceId));

    /// <summary>A device's NS/AS/JS address must name the application's host when both are set (ports and schemes aside).</summary>
    private void CheckServerAddresses(string applicationId, JsonObject device)
    {
        if (!_state.Applications.TryGetValue(applicationId, out var application))
        {
            return;
        }
        foreach (var server in (string[])["network", "application", "join"])
        {
            var field = server + "_server_address";
            if (Str(application.Fields, field) is { Length: > 0 } expected && Str(device, field) is { Length: > 0 } address
                && !string.Equals(HostOf(expected), HostOf(address), StringComparison.Ordinal))
            {
                throw new TtsException(Errors.ServerAddressMismatch(server, address, expected));
            }
        }
    }

    /// <summary>pkg/identityserver <c>getHost</c>: the host of <c>scheme://host:port</c>, <c>host:port</c> or <c>host</c>.</summary>
    private static string HostOf(string address)
    {
        if (address.Contains("://", StringComparison.Ordinal) && Uri.TryCreate(address, UriKind.Absolute, out var uri))
        {
            return uri.Host;
        }
        var colon = address.LastIndexOf(':');
        return colon > 0 && !address.EndsWith(']') ? address[..colon] : address;
    }

    private static IEnumerable<string> DeviceIdsQuery(RequestContext context) =>
        context.Query.TryGetValue("device_ids", out var ids) ? ids.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries))
            : [];

    private static IEnumerable<DeviceRecord> OrderDevices(IEnumerable<DeviceRecord> devices, RequestContext context) =>
        context.QueryValue("order") switch
        {
            "-device_id" => devices.OrderByDescending(d => d.DeviceId, StringComparer.Ordinal),
            "created_at" => devices.OrderBy(d => d.CreatedAt).ThenBy(d => d.DeviceId, StringComparer.Ordinal),
            "-created_at" => devices.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.DeviceId, StringComparer.Ordinal),
            _ => devices.OrderBy(d => d.DeviceId, StringComparer.Ordinal),
        };

    private static ApiResult DeviceList(IEnumerable<DeviceRecord> devices, List<string> paths, int? total) =>
        new(new JsonObject { ["end_devices"] = new JsonArray([.. devices.Select(d => (JsonNode)DeviceJson(d, paths))]) }, total);

    /// <summary>The device as a registry answers: ids and timestamps, plus the fields the mask names (all when null).</summary>
    private static JsonObject DeviceJson(DeviceRecord record, IEnumerable<string>? paths)
    {
        var ids = new JsonObject
        {
            ["device_id"] = record.DeviceId,
            ["application_ids"] = new JsonObject { ["application_id"] = record.ApplicationId },
        };
        if (record.DevEui is not null)
        {
            ids["dev_eui"] = record.DevEui;
        }
        if (record.JoinEui is not null)
        {
            ids["join_eui"] = record.JoinEui;
        }
        if (record.DevAddr is not null)
        {
            ids["dev_addr"] = record.DevAddr;
        }
        var json = new JsonObject { ["ids"] = ids, ["created_at"] = Time(record.CreatedAt), ["updated_at"] = Time(record.UpdatedAt) };
        var fields = paths is null
            ? (JsonObject)record.Fields.DeepClone()
            : FieldMasks.Filter(record.Fields, paths.Where(p => p.Split('.')[0] is not ("ids" or "created_at" or "updated_at")));
        foreach (var (name, value) in fields)
        {
            json[name] = value?.DeepClone();
        }
        return json;
    }
}
