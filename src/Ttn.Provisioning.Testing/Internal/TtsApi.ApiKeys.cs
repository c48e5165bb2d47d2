using System.Globalization;
using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>Organization, application and gateway API keys.</summary>
internal sealed partial class TtsApi
{
    private void MapApiKeys()
    {
        (EntityKind Kind, string Plural)[] owners =
            [(EntityKind.Organization, "organizations"), (EntityKind.Application, "applications"), (EntityKind.Gateway, "gateways")];
        foreach (var (kind, plural) in owners)
        {
            _router.Map("POST", $"/{plural}/{{id}}/api-keys", c => CreateApiKey(c, kind, c["id"]));
            _router.Map("GET", $"/{plural}/{{id}}/api-keys", c => ListApiKeys(c, kind, c["id"]));
            _router.Map("GET", $"/{plural}/{{id}}/api-keys/{{key}}", c => GetApiKey(c, kind, c["id"], c["key"]));
            _router.Map("DELETE", $"/{plural}/{{id}}/api-keys/{{key}}", c => DeleteApiKey(c, kind, c["id"], c["key"]));
        }
    }

    private static string ApiKeysRight(EntityKind kind) => $"RIGHT_{Upper(kind)}_SETTINGS_API_KEYS";

    /// <summary>Needs SETTINGS_API_KEYS and every right granted; the full token is returned only here.</summary>
    private ApiResult CreateApiKey(RequestContext context, EntityKind kind, string id)
    {
        var name = Str(context.Body, "name") ?? "";
        if (name.Length > 50)
        {
            throw new TtsException(
                Errors.Validation("name", "value length must be at most 50 runes", "CreateApiKeyRequestValidationError"));
        }
        var rights = ReadRights(context.Body["rights"]);
        DateTimeOffset? expiresAt = null;
        if (Str(context.Body, "expires_at") is { } expiresText)
        {
            if (!DateTimeOffset.TryParse(expiresText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
                || parsed <= context.Now)
            {
                throw new TtsException(
                    Errors.Validation("expires_at", "value must be greater than now", "CreateApiKeyRequestValidationError"));
            }
            expiresAt = parsed;
        }

        var held = Require(context, kind, id, ApiKeysRight(kind));
        var expanded = Rights.Expand(rights);
        var missing = expanded.Where(r => !held.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            throw new TtsException(Errors.InsufficientRights(kind, id, missing));
        }

        var (token, key) = IssueKey(kind, id, name, rights, expiresAt, context.Now);
        return new ApiResult(ApiKeyJson(key, token));
    }

    /// <summary>Creates and stores a key; returns the full token, which is never stored.</summary>
    internal (string Token, ApiKeyEntity Key) IssueKey(
        EntityKind kind, string ownerId, string name, IReadOnlyList<string> rights, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        var (keyId, secret) = ApiKeyTokens.Generate();
        var key = new ApiKeyEntity(keyId, ApiKeyTokens.Hash(secret), kind, ownerId, now)
        {
            Name = name,
            Rights = rights,
            Expanded = Rights.Expand(rights),
            ExpiresAt = expiresAt,
        };
        _state.ApiKeys[keyId] = key;
        return (ApiKeyTokens.Token(keyId, secret), key);
    }

    private static List<string> ReadRights(JsonNode? node)
    {
        if (node is not JsonArray array || array.Count == 0)
        {
            throw new TtsException(
                Errors.Validation("rights", "value must contain at least 1 item(s)", "CreateApiKeyRequestValidationError"));
        }
        var rights = new List<string>();
        foreach (var item in array)
        {
            if (!Rights.TryParse(item, out var right))
            {
                throw new TtsException(
                    Errors.Validation("rights", "value must be one of the defined enum values", "RightsValidationError"));
            }
            if (rights.Contains(right))
            {
                throw new TtsException(
                    Errors.Validation("rights", "repeated value must contain unique items", "CreateApiKeyRequestValidationError"));
            }
            rights.Add(right);
        }
        return rights;
    }

    private ApiResult ListApiKeys(RequestContext context, EntityKind kind, string id)
    {
        Require(context, kind, id, ApiKeysRight(kind));
        var keys = _state.ApiKeys.Values.Where(k => k.OwnerKind == kind && k.OwnerId == id)
            .OrderBy(k => k.CreatedAt).ThenBy(k => k.Id, StringComparer.Ordinal);
        var (page, total) = Paginate(keys, context);
        return new ApiResult(new JsonObject { ["api_keys"] = new JsonArray([.. page.Select(k => (JsonNode)ApiKeyJson(k, null))]) }, total);
    }

    private ApiResult GetApiKey(RequestContext context, EntityKind kind, string id, string keyId)
    {
        Require(context, kind, id, ApiKeysRight(kind));
        return new ApiResult(ApiKeyJson(FindKey(kind, id, keyId), null));
    }

    private ApiResult DeleteApiKey(RequestContext context, EntityKind kind, string id, string keyId)
    {
        Require(context, kind, id, ApiKeysRight(kind));
        _state.ApiKeys.Remove(FindKey(kind, id, keyId).Id);
        return Empty();
    }

    private ApiKeyEntity FindKey(EntityKind kind, string id, string keyId) =>
        _state.ApiKeys.TryGetValue(keyId, out var key) && key.OwnerKind == kind && key.OwnerId == id
            ? key
            : throw new TtsException(Errors.ApiKeyNotFoundInStore(keyId));

    /// <summary>The <c>APIKey</c> message; <c>key</c> is set only when <paramref name="secretToken"/> is given (create).</summary>
    private static JsonObject ApiKeyJson(ApiKeyEntity key, string? secretToken)
    {
        var json = new JsonObject { ["id"] = key.Id };
        if (secretToken is not null)
        {
            json["key"] = secretToken;
        }
        if (key.Name.Length > 0)
        {
            json["name"] = key.Name;
        }
        json["rights"] = new JsonArray([.. key.Rights.Select(r => (JsonNode)r)]);
        json["created_at"] = Time(key.CreatedAt);
        json["updated_at"] = Time(key.UpdatedAt);
        if (key.ExpiresAt is { } expires)
        {
            json["expires_at"] = Time(expires);
        }
        return json;
    }
}
