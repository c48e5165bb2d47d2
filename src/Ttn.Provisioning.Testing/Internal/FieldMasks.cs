using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>
/// Field masks as TTS applies them (<c>SetFields</c>/<c>FilterGet…</c>): a dotted path names a nested field; a Set writes
/// exactly the masked paths (a path absent from the body clears that field) and leaves every other field as stored.
/// </summary>
internal static class FieldMasks
{
    /// <summary>Writes the masked paths of <paramref name="source"/> into <paramref name="target"/>.</summary>
    public static void Apply(JsonObject target, JsonObject source, IEnumerable<string> paths)
    {
        foreach (var path in paths.OrderBy(p => p.Count(c => c == '.')))
        {
            var parts = path.Split('.');
            var value = Find(source, parts);
            if (value is null)
            {
                Remove(target, parts);
            }
            else
            {
                Set(target, parts, value.DeepClone());
            }
        }
    }

    /// <summary>A copy of <paramref name="source"/> with only the masked paths (and their parents).</summary>
    public static JsonObject Filter(JsonObject source, IEnumerable<string> paths)
    {
        var result = new JsonObject();
        foreach (var path in paths)
        {
            var parts = path.Split('.');
            if (Find(source, parts) is { } value)
            {
                Set(result, parts, value.DeepClone());
            }
        }
        return result;
    }

    /// <summary>The distinct top-level fields of a mask.</summary>
    public static List<string> TopLevel(IEnumerable<string> paths) =>
        [.. paths.Select(p => p.Split('.')[0]).Distinct(StringComparer.Ordinal)];

    /// <summary>Whether any masked path is <paramref name="field"/> or below it, or above it.</summary>
    public static bool Touches(IEnumerable<string> paths, string field) =>
        paths.Any(p => p == field || p.StartsWith(field + ".", StringComparison.Ordinal)
            || field.StartsWith(p + ".", StringComparison.Ordinal));

    public static JsonNode? Find(JsonObject source, string[] parts)
    {
        JsonNode? node = source;
        foreach (var part in parts)
        {
            node = node is JsonObject obj && obj.TryGetPropertyValue(part, out var child) ? child : null;
        }
        return node;
    }

    private static void Set(JsonObject target, string[] parts, JsonNode value)
    {
        var current = target;
        foreach (var part in parts[..^1])
        {
            if (current[part] is not JsonObject next)
            {
                next = [];
                current[part] = next;
            }
            current = next;
        }
        current[parts[^1]] = value;
    }

    private static void Remove(JsonObject target, string[] parts)
    {
        var current = target;
        foreach (var part in parts[..^1])
        {
            if (current[part] is not JsonObject next)
            {
                return;
            }
            current = next;
        }
        current.Remove(parts[^1]);
    }
}
