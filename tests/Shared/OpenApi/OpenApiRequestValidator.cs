using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Tests.Shared.OpenApi;

/// <summary>
/// Checks requests against the Swagger 2.0 subset of The Things Stack API (tests/Shared/tts/swagger-subset.json,
/// copied to the test output as Shared/tts/swagger-subset.json): the path (after /api/v3) matches a path template,
/// the method exists there, every query parameter is declared, and every JSON property of the body exists in the
/// body schema, recursively ($ref, arrays, objects, additionalProperties maps), with basic type and enum checks.
/// </summary>
public sealed class OpenApiRequestValidator
{
    private static readonly Lazy<OpenApiRequestValidator> _shared = new(() => Load());

    private readonly JsonObject _definitions;
    private readonly List<(string[] Segments, string Template, JsonObject PathItem)> _paths = [];
    private readonly string _basePath;

    private OpenApiRequestValidator(JsonObject spec)
    {
        _basePath = spec["basePath"]?.GetValue<string>() ?? string.Empty;
        _definitions = spec["definitions"]!.AsObject();
        foreach (var (template, item) in spec["paths"]!.AsObject())
        {
            _paths.Add((template.Trim('/').Split('/'), template, item!.AsObject()));
        }
    }

    /// <summary>Gets the validator over the spec in the test output directory (parsed once).</summary>
    public static OpenApiRequestValidator Shared => _shared.Value;

    /// <summary>Gets every mismatch seen, for assertions after a test.</summary>
    public ConcurrentQueue<OpenApiMismatchException> Mismatches { get; } = new();

    /// <summary>Gets the number of requests checked.</summary>
    public int ValidatedCount => _validated;

    private int _validated;

    public static OpenApiRequestValidator Load(string? path = null)
    {
        path ??= Path.Combine(AppContext.BaseDirectory, "Shared", "tts", "swagger-subset.json");
        var spec = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        return new OpenApiRequestValidator(spec);
    }

    /// <summary>Returns a fresh validator sharing the parsed spec but with its own records.</summary>
    public OpenApiRequestValidator CreateRecorder() => new(this);

    private OpenApiRequestValidator(OpenApiRequestValidator other)
    {
        _basePath = other._basePath;
        _definitions = other._definitions;
        _paths = other._paths;
    }

    /// <summary>Throws <see cref="OpenApiMismatchException"/> (and records it) when the request breaks the spec.</summary>
    public void Validate(string method, Uri uri, string? body)
    {
        Interlocked.Increment(ref _validated);
        var path = uri.AbsolutePath;
        try
        {
            ValidateCore(method.ToLowerInvariant(), path, uri.Query, body);
        }
        catch (OpenApiMismatchException ex)
        {
            Mismatches.Enqueue(ex);
            throw;
        }
    }

    private void ValidateCore(string method, string path, string query, string? body)
    {
        var upper = method.ToUpperInvariant();
        if (!path.StartsWith(_basePath + "/", StringComparison.Ordinal))
        {
            throw new OpenApiMismatchException(upper, path, $"the path is not under the spec's basePath '{_basePath}'");
        }

        var segments = path[_basePath.Length..].Trim('/').Split('/').Select(Uri.UnescapeDataString).ToArray();
        var candidates = _paths.Where(p => Matches(p.Segments, segments)).ToList();
        if (candidates.Count == 0)
        {
            throw new OpenApiMismatchException(upper, path, "no path template matches");
        }

        var operations = candidates.Where(c => c.PathItem[method] is JsonObject).Select(c => (c.Template, Op: c.PathItem[method]!.AsObject())).ToList();
        if (operations.Count == 0)
        {
            throw new OpenApiMismatchException(upper, path, $"method {upper} is not defined for {string.Join(" or ", candidates.Select(c => c.Template))}");
        }

        // Prefer the template with the most literal segments (e.g. devices/batch over devices/{device_id}).
        var (template, operation) = operations.OrderByDescending(o => o.Template.Split('/').Count(s => !s.StartsWith('{'))).First();
        var parameters = operation["parameters"]?.AsArray().Select(p => p!.AsObject()).ToList() ?? [];

        if (!string.IsNullOrEmpty(query))
        {
            var declared = parameters.Where(p => p["in"]?.GetValue<string>() == "query").Select(p => p["name"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var name = Uri.UnescapeDataString(pair.Split('=')[0]);
                if (!declared.Contains(name))
                {
                    throw new OpenApiMismatchException(upper, path, $"query parameter '{name}' is not declared for {upper} {template}");
                }
            }
        }

        var bodyParameter = parameters.FirstOrDefault(p => p["in"]?.GetValue<string>() == "body");
        if (string.IsNullOrWhiteSpace(body))
        {
            return;
        }

        if (bodyParameter is null)
        {
            throw new OpenApiMismatchException(upper, path, $"{upper} {template} takes no body");
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new OpenApiMismatchException(upper, path, $"the body is not JSON ({ex.Message})");
        }

        CheckValue(json, bodyParameter["schema"]!.AsObject(), "$", upper, path, 0);
    }

    private static bool Matches(string[] template, string[] actual)
    {
        if (template.Length != actual.Length)
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            var t = template[i];
            var isParameter = t.StartsWith('{') && t.EndsWith('}');
            if (isParameter ? actual[i].Length == 0 : !string.Equals(t, actual[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private JsonObject Resolve(JsonObject schema)
    {
        var guard = 0;
        while (schema["$ref"]?.GetValue<string>() is { } reference && guard++ < 32)
        {
            var name = reference.Split('/')[^1];
            schema = _definitions[name]?.AsObject() ?? throw new InvalidOperationException($"Unknown $ref {reference}");
        }

        return schema;
    }

    private void CheckValue(JsonNode? value, JsonObject schema, string at, string method, string path, int depth)
    {
        if (value is null || depth > 64)
        {
            return;
        }

        schema = Resolve(schema);
        var type = schema["type"]?.GetValue<string>();
        var kind = value.GetValueKind();
        switch (type)
        {
            case "string":
                if (kind != JsonValueKind.String)
                {
                    throw new OpenApiMismatchException(method, path, $"property '{at}' must be a string, not {kind}");
                }

                if (schema["enum"] is JsonArray allowed && !allowed.Any(a => a?.GetValue<string>() == value.GetValue<string>()))
                {
                    throw new OpenApiMismatchException(method, path, $"property '{at}' has '{value.GetValue<string>()}', which is not in the enum");
                }

                return;
            case "boolean":
                if (kind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new OpenApiMismatchException(method, path, $"property '{at}' must be a boolean, not {kind}");
                }

                return;
            case "integer" or "number":
                if (kind != JsonValueKind.Number)
                {
                    throw new OpenApiMismatchException(method, path, $"property '{at}' must be a number, not {kind}");
                }

                return;
            case "array":
                if (value is not JsonArray array)
                {
                    throw new OpenApiMismatchException(method, path, $"property '{at}' must be an array, not {kind}");
                }

                var items = schema["items"]?.AsObject();
                for (var i = 0; i < array.Count; i++)
                {
                    if (items is not null)
                    {
                        CheckValue(array[i], items, $"{at}[{i}]", method, path, depth + 1);
                    }
                }

                return;
        }

        // Objects (declared as "object" or untyped with properties).
        if (value is not JsonObject obj)
        {
            if (type == "object" || schema["properties"] is not null)
            {
                throw new OpenApiMismatchException(method, path, $"property '{at}' must be an object, not {kind}");
            }

            return;
        }

        var properties = schema["properties"]?.AsObject();
        var additional = schema["additionalProperties"];
        foreach (var (name, child) in obj)
        {
            var childPath = at == "$" ? name : $"{at}.{name}";
            if (properties?[name] is JsonObject childSchema)
            {
                CheckValue(child, childSchema, childPath, method, path, depth + 1);
            }
            else if (additional is JsonObject additionalSchema)
            {
                if (additionalSchema.Count > 0)
                {
                    CheckValue(child, additionalSchema, childPath, method, path, depth + 1);
                }
            }
            else if (additional is JsonValue flag && flag.GetValue<bool>())
            {
                // additionalProperties: true
            }
            else
            {
                throw new OpenApiMismatchException(method, path, $"property '{childPath}' is not in the body schema");
            }
        }
    }
}
