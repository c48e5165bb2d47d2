using System.Globalization;
using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>JSON helpers shared by the endpoints: reading bodies and masks, paging, rendering registry entities.</summary>
internal sealed partial class TtsApi
{
    internal static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>The string at a path of nested objects, or null.</summary>
    internal static string? Text(JsonNode? node, params string[] path) => Str(node, path);

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

    /// <summary>
    /// Reads <c>field_mask</c> in both forms the server accepts: <c>"a,b"</c> and <c>{"paths":["a","b"]}</c> (snake or lowerCamel).
    /// </summary>
    private static List<string> FieldMask(JsonObject body) => MaskPaths(body["field_mask"] ?? body["fieldMask"]);

    /// <summary>The paths of a field mask written as <c>"a,b"</c> or <c>{"paths":["a","b"]}</c>.</summary>
    internal static List<string> MaskPaths(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) =>
            [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        JsonObject obj when obj["paths"] is JsonArray paths =>
            [.. paths.Select(p => p is JsonValue v && v.TryGetValue<string>(out var path) ? path : "").Where(p => p.Length > 0)],
        _ => [],
    };

    /// <summary>The read mask of a GET (<c>?field_mask=a,b</c>), as top-level field names.</summary>
    private static HashSet<string> ReadMask(RequestContext context) => [.. ReadPaths(context).Select(p => p.Split('.')[0])];

    /// <summary>The read mask of a GET (<c>?field_mask=a.b,c</c>), as the paths given.</summary>
    private static List<string> ReadPaths(RequestContext context) =>
        [.. (context.Query.TryGetValue("field_mask", out var values) ? values : [])
            .SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    /// <summary>Applies <c>limit</c> and <c>page</c> and returns the page with the total count.</summary>
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

    /// <summary>Checks name, description and attributes limits of a created entity.</summary>
    private static void ValidateFields(JsonObject fields, string messageName)
    {
        if (Str(fields, "name") is { Length: > 50 })
        {
            throw new TtsException(Errors.Validation("name", "value length must be at most 50 runes", messageName + "ValidationError"));
        }
        if (Str(fields, "description") is { Length: > 2000 })
        {
            throw new TtsException(Errors.Validation("description", "value length must be at most 2000 runes",
                messageName + "ValidationError"));
        }
        if (fields["attributes"] is JsonObject attributes)
        {
            if (attributes.Count > 10)
            {
                throw new TtsException(Errors.Validation("attributes", "value must contain no more than 10 pair(s)",
                    messageName + "ValidationError"));
            }
            foreach (var (key, value) in attributes)
            {
                Identifiers.Require(key, "attributes", messageName);
                if (value?.ToString() is { Length: > 200 })
                {
                    throw new TtsException(Errors.Validation("attributes", "value length must be at most 200 runes",
                        messageName + "ValidationError"));
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
