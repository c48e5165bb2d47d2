using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>A request as both the handler and the server hand it to the core.</summary>
internal sealed record FakeRequest(string Method, string Host, string Path, string Query, string? Body, string? Authorization);

/// <summary>An answer of the core; <see cref="Dropped"/> means the connection is dropped instead.</summary>
internal sealed class FakeResponse(int statusCode, string body)
{
    public int StatusCode { get; set; } = statusCode;

    public string Body { get; set; } = body;

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Dropped { get; init; }

    public static FakeResponse Error(TtsError error) => new(error.HttpStatus, error.ToJson().ToJsonString());

    public static FakeResponse Drop() => new(0, "") { Dropped = true };
}

/// <summary>
/// The TTS HTTP API: parses a request, authenticates its API key, routes it to an endpoint and renders the
/// answer. Endpoints live in the partial files by entity. All state access is under <see cref="StateStore.Gate"/>.
/// </summary>
internal sealed partial class TtsApi
{
    private const string ApiPrefix = "/api/v3/";

    private readonly StateStore _state;
    private readonly FakeThingsStackOptions _options;
    private readonly Router _router = new();

    public TtsApi(StateStore state, FakeThingsStackOptions options)
    {
        _state = state;
        _options = options;
        MapAuthInfo();
        MapOrganizations();
        MapApplications();
        MapApiKeys();
        MapWebhooks();
        MapDevices();
        MapGateways();
    }

    /// <summary>Performs the operation and returns its answer (never throws for API errors).</summary>
    public FakeResponse Handle(FakeRequest request, DateTimeOffset now)
    {
        if (!request.Path.StartsWith(ApiPrefix, StringComparison.Ordinal))
        {
            return UnknownRoute();
        }
        var segments = request.Path[ApiPrefix.Length..].TrimEnd('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var handler = _router.Match(request.Method, segments, out var routeValues);
        if (handler is null)
        {
            return UnknownRoute();
        }
        try
        {
            var body = ParseBody(request.Body);
            lock (_state.Gate)
            {
                var caller = Authenticate(request.Authorization, now);
                var context = new RequestContext(routeValues, ParseQuery(request.Query), body, caller, now);
                var result = handler(context);
                var response = new FakeResponse(200, result.Body.ToJsonString());
                if (result.TotalCount is { } total)
                {
                    response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
                }
                return response;
            }
        }
        catch (TtsException e)
        {
            return FakeResponse.Error(e.Error);
        }
    }

    private static FakeResponse UnknownRoute() =>
        new(404, new JsonObject { ["code"] = 5, ["message"] = "error:unknown:unknown (not found)" }.ToJsonString());

    private static JsonObject ParseBody(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return [];
        }
        try
        {
            return JsonNode.Parse(body) as JsonObject
                ?? throw new TtsException(Errors.Validation("body", "request body must be a JSON object", "RequestValidationError"));
        }
        catch (JsonException e)
        {
            throw new TtsException(new TtsError(3, "pkg/jsonpb", "unmarshal_json", "failed to unmarshal JSON: {error}",
                new JsonObject { ["error"] = e.Message }));
        }
    }

    private static Dictionary<string, List<string>> ParseQuery(string query)
    {
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            if (!result.TryGetValue(key, out var list))
            {
                result[key] = list = [];
            }
            list.Add(value);
        }
        return result;
    }

    /// <summary>Resolves the bearer API key. No header: anonymous (null). Bad or expired key: 401/400 as TTS answers.</summary>
    private Caller? Authenticate(string? authorization, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return null;
        }
        var space = authorization.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0 || !authorization[..space].Equals("bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new TtsException(Errors.UnsupportedAuthorization());
        }
        if (!ApiKeyTokens.TryParse(authorization[(space + 1)..].Trim(), out var type, out var id, out var secret) || type != ApiKeyTokens.Prefix)
        {
            throw new TtsException(Errors.InvalidToken());
        }
        if (!_state.ApiKeys.TryGetValue(id, out var key) || (key.OwnerKind == EntityKind.User && !_state.Users.ContainsKey(key.OwnerId)))
        {
            throw new TtsException(Errors.ApiKeyNotFound(id));
        }
        if (!ApiKeyTokens.SecretMatches(key, secret))
        {
            throw new TtsException(Errors.InvalidAuthorization());
        }
        if (key.ExpiresAt is { } expires && expires <= now)
        {
            throw new TtsException(Errors.ApiKeyExpired());
        }
        var isAdmin = key.OwnerKind == EntityKind.User && _state.Users[key.OwnerId].IsAdmin;
        return new Caller(key, isAdmin);
    }

    // ---- JSON helpers -------------------------------------------------------------------------

    internal static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    private static string? Str(JsonNode? node, params string[] path)
    {
        foreach (var part in path)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(part, out var child) ? child : null;
        }
        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    private static JsonObject Obj(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonObject child ? child : [];

    private static ApiResult Empty() => new([]);

    /// <summary>Reads <c>field_mask</c> in both forms the server accepts: <c>"a,b"</c> and <c>{"paths":["a","b"]}</c> (snake or lowerCamel).</summary>
    private static List<string> FieldMask(JsonObject body)
    {
        var node = body["field_mask"] ?? body["fieldMask"];
        return node switch
        {
            JsonValue value when value.TryGetValue<string>(out var text) =>
                [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            JsonObject obj when obj["paths"] is JsonArray paths =>
                [.. paths.Select(p => p?.GetValue<string>() ?? "").Where(p => p.Length > 0)],
            _ => [],
        };
    }

    /// <summary>The read mask of a GET (<c>?field_mask=a,b</c>), as top-level field names.</summary>
    private static HashSet<string> ReadMask(RequestContext context) =>
        [.. (context.Query.TryGetValue("field_mask", out var values) ? values : [])
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(p => p.Split('.')[0])];

    /// <summary>Applies <c>limit</c> and <c>page</c> (API.md §8) and returns the page with the total count.</summary>
    private static (List<T> Page, int Total) Paginate<T>(IEnumerable<T> items, RequestContext context)
    {
        var all = items.ToList();
        var limit = ParseUInt(context.QueryValue("limit"), "limit");
        if (limit > 1000)
        {
            throw new TtsException(Errors.Validation("limit", "value must be less than or equal to 1000", "ListRequestValidationError"));
        }
        var page = Math.Max(1, ParseUInt(context.QueryValue("page"), "page"));
        if (limit == 0)
        {
            limit = 100;
        }
        var offset = (long)(page - 1) * limit;
        return (offset >= all.Count ? [] : [.. all.Skip((int)offset).Take(limit)], all.Count);
    }

    private static int ParseUInt(string? text, string field)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw new TtsException(Errors.Validation(field, "invalid value", "ListRequestValidationError"));
        }
        return value;
    }

    private static JsonObject RegistryJson(RegistryEntity entity, HashSet<string>? mask)
    {
        var json = new JsonObject { ["ids"] = IdsJson(entity) };
        json["created_at"] = Time(entity.CreatedAt);
        json["updated_at"] = Time(entity.UpdatedAt);
        if (entity.DeletedAt is { } deleted)
        {
            json["deleted_at"] = Time(deleted);
        }
        foreach (var (name, value) in entity.Fields)
        {
            if (mask is null || mask.Contains(name))
            {
                json[name] = value?.DeepClone();
            }
        }
        return json;
    }

    private static JsonObject IdsJson(RegistryEntity entity) => entity.Kind switch
    {
        EntityKind.Organization => new JsonObject { ["organization_id"] = entity.Id },
        EntityKind.Application => new JsonObject { ["application_id"] = entity.Id },
        _ => entity.Eui is null
            ? new JsonObject { ["gateway_id"] = entity.Id }
            : new JsonObject { ["gateway_id"] = entity.Id, ["eui"] = entity.Eui },
    };

    private static JsonObject EntityIdsJson(EntityKind kind, string id) => kind switch
    {
        EntityKind.User => new JsonObject { ["user_ids"] = new JsonObject { ["user_id"] = id } },
        EntityKind.Organization => new JsonObject { ["organization_ids"] = new JsonObject { ["organization_id"] = id } },
        EntityKind.Application => new JsonObject { ["application_ids"] = new JsonObject { ["application_id"] = id } },
        _ => new JsonObject { ["gateway_ids"] = new JsonObject { ["gateway_id"] = id } },
    };

    /// <summary>Checks name, description and attributes limits (API.md §3) of a created entity.</summary>
    private static void ValidateFields(JsonObject fields, string messageName)
    {
        if (Str(fields, "name") is { Length: > 50 })
        {
            throw new TtsException(Errors.Validation("name", "value length must be at most 50 runes", messageName + "ValidationError"));
        }
        if (Str(fields, "description") is { Length: > 2000 })
        {
            throw new TtsException(Errors.Validation("description", "value length must be at most 2000 runes", messageName + "ValidationError"));
        }
        if (fields["attributes"] is JsonObject attributes)
        {
            if (attributes.Count > 10)
            {
                throw new TtsException(Errors.Validation("attributes", "value must contain no more than 10 pair(s)", messageName + "ValidationError"));
            }
            foreach (var (key, value) in attributes)
            {
                Identifiers.Require(key, "attributes", messageName);
                if (value?.ToString() is { Length: > 200 })
                {
                    throw new TtsException(Errors.Validation("attributes", "value length must be at most 200 runes", messageName + "ValidationError"));
                }
            }
        }
    }

    /// <summary>The fields of a create body, without ids and timestamps.</summary>
    private static JsonObject WritableFields(JsonObject entity)
    {
        var fields = new JsonObject();
        foreach (var (name, value) in entity)
        {
            if (name is not ("ids" or "created_at" or "updated_at" or "deleted_at"))
            {
                fields[name] = value?.DeepClone();
            }
        }
        return fields;
    }
}
