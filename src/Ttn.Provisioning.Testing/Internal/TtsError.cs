using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>
/// One TTS error definition with its attributes, rendered as the HTTP gateway does:
/// a <c>google.rpc.Status</c> whose <c>details[0]</c> is a <c>ttn.lorawan.v3.ErrorDetails</c>.
/// </summary>
internal sealed record TtsError(
    int GrpcCode, string Namespace, string Name, string MessageFormat, JsonObject? Attributes = null, TtsError? Cause = null)
{
    public int HttpStatus => HttpStatusFor(GrpcCode);

    public string FormattedMessage
    {
        get
        {
            var text = MessageFormat;
            foreach (var (key, value) in Attributes ?? [])
            {
                var rendered = value is JsonArray array
                    ? string.Join(", ", array.Select(v => v?.ToString()))
                    : value?.ToString() ?? "";
                text = text.Replace("{" + key + "}", rendered, StringComparison.Ordinal);
            }
            return text;
        }
    }

    /// <summary>The whole response body.</summary>
    public JsonObject ToJson() => new()
    {
        ["code"] = GrpcCode,
        ["message"] = $"error:{Namespace}:{Name} ({FormattedMessage})",
        ["details"] = new JsonArray(DetailsJson(withType: true)),
    };

    private JsonObject DetailsJson(bool withType)
    {
        var details = new JsonObject();
        if (withType)
        {
            details["@type"] = "type.googleapis.com/ttn.lorawan.v3.ErrorDetails";
        }
        details["namespace"] = Namespace;
        details["name"] = Name;
        details["message_format"] = MessageFormat;
        if (Attributes is { Count: > 0 })
        {
            details["attributes"] = Attributes.DeepClone();
        }
        if (withType)
        {
            details["correlation_id"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        }
        if (Cause is not null)
        {
            details["cause"] = Cause.DetailsJson(withType: false);
        }
        details["code"] = GrpcCode;
        return details;
    }

    /// <summary>pkg/errors/http.go: gRPC code to HTTP status.</summary>
    public static int HttpStatusFor(int grpcCode) => grpcCode switch
    {
        0 => 200,
        1 => 499,
        3 or 9 or 11 => 400,
        4 => 504,
        5 => 404,
        6 or 10 => 409,
        7 => 403,
        8 => 429,
        12 => 501,
        14 => 503,
        16 => 401,
        _ => 500,
    };

    /// <summary>The gRPC code an HTTP status most plausibly came from (for injected faults).</summary>
    public static int GrpcCodeFor(int httpStatus) => httpStatus switch
    {
        400 => 3,
        401 => 16,
        403 => 7,
        404 => 5,
        409 => 10,
        429 => 8,
        499 => 1,
        501 => 12,
        503 => 14,
        504 => 4,
        _ => httpStatus >= 500 ? 13 : 2,
    };
}

/// <summary>Thrown by endpoint code to answer with a TTS error.</summary>
internal sealed class TtsException(TtsError error) : Exception(error.FormattedMessage)
{
    public TtsError Error { get; } = error;
}

/// <summary>The TTS error definitions the fake answers with (names and namespaces as TTS v3.32 answers them).</summary>
internal static partial class Errors
{
    internal static JsonObject Attrs(params (string Key, JsonNode? Value)[] pairs)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            obj[key] = value;
        }
        return obj;
    }

    public static string KindName(EntityKind kind) => kind switch
    {
        EntityKind.User => "user",
        EntityKind.Organization => "organization",
        EntityKind.Application => "application",
        _ => "gateway",
    };

    public static TtsError NoRights(EntityKind kind, string uid) =>
        new(7, "pkg/auth/rights", $"no_{KindName(kind)}_rights", $"no rights for {KindName(kind)} `{{uid}}`", Attrs(("uid", uid)));

    public static TtsError InsufficientRights(EntityKind kind, string uid, IEnumerable<string> missing) =>
        new(7, "pkg/auth/rights", $"insufficient_{KindName(kind)}_rights", $"insufficient rights for {KindName(kind)} `{{uid}}`",
            Attrs(("uid", uid), ("missing", Rights.ToJson(missing))));

    public static TtsError NotFound(EntityKind kind, string id) =>
        new(5, "pkg/identityserver/store", $"{KindName(kind)}_not_found", $"{KindName(kind)} with id `{{{KindName(kind)}_id}}` not found",
            Attrs(($"{KindName(kind)}_id", id)));

    public static TtsError EndDeviceNotFound(string applicationId, string deviceId) =>
        new(5, "pkg/identityserver/store", "end_device_not_found",
            "end device with id `{device_id}` not found in application with id `{application_id}`",
            Attrs(("application_id", applicationId), ("device_id", deviceId)));

    public static TtsError ApiKeyNotFoundInStore(string keyId) =>
        new(5, "pkg/identityserver/store", "api_key_not_found", "API key not found", Attrs(("api_key_id", keyId)));

    public static TtsError AlreadyExists() => new(6, "pkg/util/store", "already_exists", "already exists");

    public static TtsError IdTaken() =>
        new(6, "pkg/util/store", "id_taken", "ID already taken, choose a different one and try again", Cause: AlreadyExists());

    public static TtsError EndDeviceEuisTaken(string joinEui, string devEui, string deviceId, string applicationId) =>
        new(6, "pkg/identityserver", "end_device_euis_taken",
            "an end device with JoinEUI `{join_eui}` and DevEUI `{dev_eui}` is already registered as `{device_id}` in application "
                + "`{application_id}`",
            Attrs(("join_eui", joinEui), ("dev_eui", devEui), ("device_id", deviceId), ("application_id", applicationId)));

    /// <summary>pkg/identityserver/gateway_registry.go: public attributes are the EUI, the ID and the administrative contact.</summary>
    public static TtsError GatewayEuiTaken(string eui, string gatewayId, string? administrativeContact)
    {
        var attributes = Attrs(("gateway_eui", eui), ("gateway_id", gatewayId));
        if (administrativeContact is not null)
        {
            attributes["administrative_contact"] = administrativeContact;
        }
        return new(6, "pkg/identityserver", "gateway_eui_taken",
            "a gateway with EUI `{gateway_eui}` is already registered (by you or someone else) as `{gateway_id}`", attributes);
    }

    public static TtsError ForbiddenId(string id) =>
        new(3, "pkg/identityserver/blocklist", "forbidden_id", "ID `{id}` is forbidden", Attrs(("id", id)));

    public static TtsError Validation(string field, string reason, string name) =>
        new(3, "pkg/errors", "validation", "invalid `{field}`: {reason}", Attrs(("field", field), ("reason", reason), ("name", name)));

    public static TtsError FieldMaskPaths(IEnumerable<string> forbidden) =>
        new(3, "pkg/rpcmiddleware/validator", "field_mask_paths", "forbidden path(s) in field mask",
            Attrs(("forbidden_paths", new JsonArray([.. forbidden.Select(p => (JsonNode)p)]))));

    public static TtsError ApplicationHasDevices(int count) =>
        new(9, "pkg/identityserver", "application_has_devices", "application still has `{count}` devices", Attrs(("count", count)));

    public static TtsError RestoreWindowExpired() =>
        new(9, "pkg/identityserver", "restore_window_expired", "this entity was deleted too long ago to be restored");

    public static TtsError AdminsPurge(EntityKind kind) =>
        new(7, "pkg/identityserver", $"admins_purge_{KindName(kind)}s", $"{KindName(kind)}s may only be purged by admins");

    public static TtsError AdminsCreateApplications() =>
        new(7, "pkg/identityserver", "admins_create_applications", "applications may only be created by admins, or in organizations");

    public static TtsError AdminsCreateOrganizations() =>
        new(7, "pkg/identityserver", "admins_create_organizations", "organizations may only be created by admins");

    public static TtsError ApiKeyNotFound(string keyId) =>
        new(16, "pkg/identityserver", "api_key_not_found", "API key not found", Attrs(("api_key_id", keyId)));

    public static TtsError InvalidAuthorization() =>
        new(16, "pkg/identityserver", "invalid_authorization", "invalid authorization");

    public static TtsError ApiKeyExpired() => new(16, "pkg/identityserver", "api_key_expired", "API key expired");

    public static TtsError UnsupportedAuthorization() =>
        new(16, "pkg/identityserver", "unsupported_authorization", "Unsupported authorization method");

    public static TtsError InvalidToken() => new(3, "pkg/auth", "token", "invalid token");

    public static TtsError RedisNotFound() => new(5, "pkg/redis", "not_found", "entity not found");

    public static TtsError DeviceNotFound(string @namespace) => new(5, @namespace, "device_not_found", "device not found");

    public static TtsError RateLimitExceeded(string key, int rate) =>
        new(8, "pkg/ratelimit", "rate_limit_exceeded", "rate limit of `{rate}` accesses per minute exceeded for resource `{key}`",
            Attrs(("key", key), ("rate", rate)));

    public static TtsError InjectedFault(int httpStatus) =>
        new(
            GrpcCodeForStatus(httpStatus),
            "pkg/fake",
            "injected_fault",
            "fault injected by the test: HTTP `{status}`",
            Attrs(("status", httpStatus)));

    private static int GrpcCodeForStatus(int httpStatus) => TtsError.GrpcCodeFor(httpStatus);
}
