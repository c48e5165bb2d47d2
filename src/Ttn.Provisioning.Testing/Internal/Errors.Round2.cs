using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>
/// Errors of the device registries, the Gateway Server, claiming, collaborators and the Application Server, with the
/// names, codes and messages of lorawan-stack v3.32.1 (the files are named on each).
/// </summary>
internal static partial class Errors
{
    /// <summary>pkg/internal/registry/errors.go: the JS, NS and AS registries refuse an EUI pair another device holds.</summary>
    public static TtsError RegistryEuisTaken(string joinEui, string devEui, string deviceId, string applicationId) =>
        new(6, "pkg/internal/registry", "end_device_euis_taken",
            "an end device with JoinEUI `{join_eui}` and DevEUI `{dev_eui}` is already registered as `{device_id}` in application "
            + "`{application_id}`",
            Attrs(("join_eui", joinEui), ("dev_eui", devEui), ("device_id", deviceId), ("application_id", applicationId)));

    /// <summary>pkg/identityserver/end_device_registry.go; <paramref name="server"/> is network, application or join.</summary>
    public static TtsError ServerAddressMismatch(string server, string address, string expected) =>
        new(3, "pkg/identityserver", $"{server}_server_address_mismatch",
            $"{server} server address `{{address}}` does not match `{{expected}}`",
            Attrs(("address", address), ("expected", expected)));

    public static TtsError NoJoinEui() => new(3, "pkg/joinserver", "no_join_eui", "no JoinEUI specified");

    public static TtsError NoDevEui() => new(3, "pkg/joinserver", "no_dev_eui", "no DevEUI specified");

    /// <summary><c>field_value</c> of the Join Server (<c>pkg/joinserver</c>) or Network Server (<c>pkg/networkserver</c>).</summary>
    public static TtsError FieldValue(string @namespace, string field) =>
        new(3, @namespace, "field_value", "invalid value of field `{field}`", Attrs(("field", field)));

    /// <summary><c>read_only_field</c> of a registry's redis store, e.g. <c>pkg/joinserver/redis</c>.</summary>
    public static TtsError ReadOnlyField(string @namespace, string field) =>
        new(3, @namespace, "read_only_field", "read-only field `{field}`", Attrs(("field", field)));

    public static TtsError FrequencyPlanNotFound(string id) =>
        new(5, "pkg/frequencyplans", "not_found", "frequency plan `{id}` not found", Attrs(("id", id)));

    /// <summary>pkg/applicationserver: an AS delete of a device it does not have.</summary>
    public static TtsError ApplicationServerDeviceNotFound(string applicationId, string deviceId) =>
        new(5, "pkg/applicationserver", "device_not_found", "device `{device_uid}` not found",
            Attrs(("device_uid", $"{applicationId}.{deviceId}")));

    public static TtsError NotConnected(string gatewayId) =>
        new(5, "pkg/gatewayserver", "not_connected", "gateway `{gateway_uid}` not connected", Attrs(("gateway_uid", gatewayId)));

    public static TtsError InsufficientRightsPlain() => new(7, "pkg/identityserver", "insufficient_rights", "insufficient rights");

    public static TtsError NeitherUserNorOrganization() =>
        new(7, "pkg/identityserver", "neither_user_nor_organization", "caller is neither a user nor an organization");

    public static TtsError SomeGatewaysNotFound() => new(5, "pkg/identityserver", "some_gateways_not_found", "some gateways not found");

    public static TtsError Unauthenticated() => new(16, "pkg/identityserver", "unauthenticated", "unauthenticated");

    public static TtsError NestedOrganizations() => new(3, "pkg/identityserver", "nested_organizations", "organizations can not be nested");

    public static TtsError NeedsCollaborator(EntityKind kind) =>
        new(9, "pkg/identityserver", $"{KindName(kind)}_needs_collaborator",
            $"every {KindName(kind)} needs at least one collaborator with all rights");

    public static TtsError CollaboratorIsContact(string collaboratorId) =>
        new(9, "pkg/identityserver", "collaborator_is_contact", "collaborator `{collaborator_id}` is used as a contact",
            Attrs(("collaborator_id", collaboratorId)));

    public static TtsError AccountNotFound(EntityKind kind, string id) =>
        new(5, "pkg/identityserver/store", "account_not_found", "{account_type} account with id `{account_id}` not found",
            Attrs(("account_type", KindName(kind)), ("account_id", id)));

    public static TtsError MembershipNotFound(EntityKind accountKind, string accountId, EntityKind entityKind, string entityId) =>
        new(5, "pkg/identityserver/store", "membership_not_found",
            "membership of {account_type} account with id `{account_id}` on {entity_type} entity with id `{entity_id}` not found",
            Attrs(("account_type", KindName(accountKind)), ("account_id", accountId), ("entity_type", KindName(entityKind)),
                ("entity_id", entityId)));

    public static TtsError GatewayAlreadyExists(string eui) =>
        new(6, "pkg/deviceclaimingserver", "gateway_already_exists", "gateway with EUI `{eui}` already exists", Attrs(("eui", eui)));

    public static TtsError GatewayClaimingNotSupported(string eui) =>
        new(10, "pkg/deviceclaimingserver", "gateway_claiming_not_supported", "claiming not supported for gateway with EUI `{eui}`",
            Attrs(("eui", eui)));

    /// <summary>The name really is <c>claim gateway</c>, with a space (pkg/deviceclaimingserver/grpc_gateways.go).</summary>
    public static TtsError ClaimGateway() => new(10, "pkg/deviceclaimingserver", "claim gateway", "claim gateway");

    public static TtsError CreateGateway(TtsError cause) =>
        new(10, "pkg/deviceclaimingserver", "create_gateway", "create gateway", Cause: cause);

    public static TtsError NoEui() => new(3, "pkg/deviceclaimingserver", "no_eui", "no EUI found for gateway");

    public static TtsError GatewayClaimingWithQrCode() =>
        new(12, "pkg/deviceclaimingserver", "gateway_claiming_with_qrcodes_not_implemented",
            "gateway claiming with QR codes not implemented");

    public static TtsError Simulated() =>
        new(3, "pkg/applicationserver/io/grpc", "simulated", "simulated traffic cannot be simulated again");

    /// <summary>
    /// The <c>last_failed_attempt_details</c> of a failed delivery (pkg/applicationserver/io/web/sink/http.go
    /// <c>errRequest</c>, Unavailable): attributes <c>webhook_id</c>, <c>url</c> and, when the receiver answered, <c>status_code</c>.
    /// </summary>
    public static JsonObject DeliveryFailureDetails(string webhookId, string url, int? statusCode, string correlationId)
    {
        var attributes = Attrs(("webhook_id", webhookId), ("url", url));
        if (statusCode is { } status)
        {
            attributes["status_code"] = status;
        }
        return new JsonObject
        {
            ["namespace"] = "pkg/applicationserver/io/web/sink",
            ["name"] = "request",
            ["message_format"] = "request",
            ["attributes"] = attributes,
            ["correlation_id"] = correlationId,
            ["code"] = 14,
        };
    }
}
