using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary><c>GET /auth_info</c>.</summary>
internal sealed partial class TtsApi
{
    private void MapAuthInfo() => _router.Map("GET", "/auth_info", AuthInfo);

    private static ApiResult AuthInfo(RequestContext context)
    {
        if (context.Caller is not { } caller)
        {
            return Empty();
        }
        var key = caller.Key;
        var apiKey = ApiKeyJson(key, secretToken: null);
        apiKey["rights"] = Rights.ToJson(key.Expanded);
        var body = new JsonObject
        {
            ["api_key"] = new JsonObject { ["api_key"] = apiKey, ["entity_ids"] = EntityIdsJson(key.OwnerKind, key.OwnerId) },
        };
        if (caller.IsAdmin)
        {
            body["universal_rights"] = new JsonObject { ["rights"] = Rights.ToJson(key.Expanded) };
            body["is_admin"] = true;
        }
        return new ApiResult(body);
    }
}
