using System.Text;
using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>
/// The Gateway Claiming Server (pkg/deviceclaimingserver/grpc_gateways.go): a test registers claimable EUIs
/// with their owner token (<c>FakeThingsStack.AddClaimableGateway</c>); claiming one creates the gateway in the IS.
/// </summary>
internal sealed partial class TtsApi
{
    private void MapClaiming()
    {
        _router.Map("POST", "/gcls/claim", ClaimGateway);
        _router.Map("POST", "/gcls/claim/info", GatewayClaimInfo);
        _router.Map("DELETE", "/gcls/claim/{gtw}", UnclaimGateway);
    }

    /// <summary>
    /// In TTS's order: the EUI must not be registered, must be claimable, the code must match the owner token; then the
    /// gateway is created with the caller's rights, and a failed create answers <c>create_gateway</c> with its cause.
    /// </summary>
    private ApiResult ClaimGateway(RequestContext context)
    {
        if (context.Body["authenticated_identifiers"] is not JsonObject authenticated)
        {
            throw new TtsException(context.Body["qr_code"] is not null
                ? Errors.GatewayClaimingWithQrCode()
                : Errors.Validation("authenticated_identifiers", "value is required", "ClaimGatewayRequestValidationError"));
        }
        var eui = Identifiers.Eui(Str(authenticated, "gateway_eui"), "gateway_eui",
            "ClaimGatewayRequest_AuthenticatedIdentifiersValidationError")
            ?? throw new TtsException(Errors.Validation("gateway_eui", "value is required",
                "ClaimGatewayRequest_AuthenticatedIdentifiersValidationError"));
        var code = DecodeBytes(Str(authenticated, "authentication_code"), "authentication_code");
        if (_state.Gateways.Values.Any(g => !g.IsDeleted && g.Eui == eui))
        {
            throw new TtsException(Errors.GatewayAlreadyExists(eui));
        }
        if (!_state.ClaimableGateways.TryGetValue(eui, out var claimable))
        {
            throw new TtsException(Errors.GatewayClaimingNotSupported(eui));
        }
        if (!string.Equals(claimable.AuthenticationCode, code, StringComparison.Ordinal))
        {
            throw new TtsException(Errors.ClaimGateway());
        }
        try
        {
            var gateway = CreateClaimedGateway(context, eui);
            return new ApiResult(new JsonObject { ["gateway_id"] = gateway.Id, ["eui"] = eui });
        }
        catch (TtsException e)
        {
            throw new TtsException(Errors.CreateGateway(e.Error));
        }
    }

    private RegistryEntity CreateClaimedGateway(RequestContext context, string eui)
    {
        var collaborator = Obj(context.Body, "collaborator");
        var (ownerKind, ownerId) = Str(collaborator, "user_ids", "user_id") is { } userId
            ? (EntityKind.User, userId)
            : (EntityKind.Organization, Str(collaborator, "organization_ids", "organization_id")
                ?? throw new TtsException(Errors.Validation("collaborator", "value is required", "CreateGatewayRequestValidationError")));
        var id = Identifiers.Require(Str(context.Body, "target_gateway_id"), "gateway_id", "GatewayIdentifiers");
        Require(context, ownerKind, ownerId, $"RIGHT_{Upper(ownerKind)}_GATEWAYS_CREATE");
        Identifiers.CheckBlocklist(id);
        if (_state.Gateways.ContainsKey(id))
        {
            throw new TtsException(Errors.IdTaken());
        }
        var plans = context.Body["target_frequency_plan_ids"] as JsonArray
            ?? (Str(context.Body, "target_frequency_plan_id") is { } plan ? [plan] : []);
        var fields = new JsonObject
        {
            ["gateway_server_address"] = Str(context.Body, "target_gateway_server_address") ?? "",
            ["enforce_duty_cycle"] = true,
            ["require_authenticated_connection"] = true,
            ["frequency_plan_ids"] = plans.DeepClone(),
        };
        return AddEntity(EntityKind.Gateway, id, eui, fields, ownerKind, ownerId, context.Now);
    }

    /// <summary>Any authenticated caller may ask; TTS answers for EUIs no claimer covers too.</summary>
    private ApiResult GatewayClaimInfo(RequestContext context)
    {
        if (context.Caller is null)
        {
            throw new TtsException(new TtsError(16, "pkg/rpcmetadata", "unauthenticated", "the context is not authenticated"));
        }
        var eui = Identifiers.Eui(Str(context.Body, "eui"), "eui", "GetInfoByGatewayEUIRequestValidationError") ?? "0000000000000000";
        return new ApiResult(new JsonObject
        {
            ["eui"] = eui,
            ["supports_claiming"] = _state.ClaimableGateways.ContainsKey(eui),
            ["is_managed"] = false,
        });
    }

    /// <summary>Releases the gateway at the upstream claimer; the gateway itself stays registered (delete it separately).</summary>
    private ApiResult UnclaimGateway(RequestContext context)
    {
        Require(context, EntityKind.Gateway, context["gtw"], "RIGHT_GATEWAY_INFO", "RIGHT_GATEWAY_DELETE");
        var eui = _state.Gateways[context["gtw"]].Eui ?? throw new TtsException(Errors.NoEui());
        return _state.ClaimableGateways.ContainsKey(eui) ? Empty() : throw new TtsException(Errors.GatewayClaimingNotSupported(eui));
    }

    /// <summary>A proto3 <c>bytes</c> field: standard or URL-safe base64, padding optional.</summary>
    private static string DecodeBytes(string? value, string field)
    {
        var text = (value ?? "").Replace('-', '+').Replace('_', '/').TrimEnd('=');
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=')));
        }
        catch (FormatException)
        {
            throw new TtsException(Errors.Validation(field, "invalid base64",
                "ClaimGatewayRequest_AuthenticatedIdentifiersValidationError"));
        }
    }
}
