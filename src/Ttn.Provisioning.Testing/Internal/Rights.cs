using System.Globalization;
using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>The TTS <c>Right</c> enum: names, numbers, parsing and <c>_ALL</c> expansion.</summary>
internal static class Rights
{
    private static readonly (string Name, int Value)[] Table =
    [
        ("RIGHT_USER_INFO", 1), ("RIGHT_USER_SETTINGS_BASIC", 2), ("RIGHT_USER_SETTINGS_API_KEYS", 3),
        ("RIGHT_USER_DELETE", 4), ("RIGHT_USER_AUTHORIZED_CLIENTS", 5), ("RIGHT_USER_APPLICATIONS_LIST", 6),
        ("RIGHT_USER_APPLICATIONS_CREATE", 7), ("RIGHT_USER_GATEWAYS_LIST", 8), ("RIGHT_USER_GATEWAYS_CREATE", 9),
        ("RIGHT_USER_CLIENTS_LIST", 10), ("RIGHT_USER_CLIENTS_CREATE", 11), ("RIGHT_USER_ORGANIZATIONS_LIST", 12),
        ("RIGHT_USER_ORGANIZATIONS_CREATE", 13), ("RIGHT_USER_NOTIFICATIONS_READ", 59), ("RIGHT_USER_ALL", 14),
        ("RIGHT_APPLICATION_INFO", 15), ("RIGHT_APPLICATION_SETTINGS_BASIC", 16), ("RIGHT_APPLICATION_SETTINGS_API_KEYS", 17),
        ("RIGHT_APPLICATION_SETTINGS_COLLABORATORS", 18), ("RIGHT_APPLICATION_SETTINGS_PACKAGES", 56),
        ("RIGHT_APPLICATION_DELETE", 19), ("RIGHT_APPLICATION_DEVICES_READ", 20), ("RIGHT_APPLICATION_DEVICES_WRITE", 21),
        ("RIGHT_APPLICATION_DEVICES_READ_KEYS", 22), ("RIGHT_APPLICATION_DEVICES_WRITE_KEYS", 23),
        ("RIGHT_APPLICATION_TRAFFIC_READ", 24), ("RIGHT_APPLICATION_TRAFFIC_UP_WRITE", 25),
        ("RIGHT_APPLICATION_TRAFFIC_DOWN_WRITE", 26), ("RIGHT_APPLICATION_LINK", 27), ("RIGHT_APPLICATION_ALL", 28),
        ("RIGHT_CLIENT_ALL", 29), ("RIGHT_CLIENT_INFO", 60), ("RIGHT_CLIENT_SETTINGS_BASIC", 61),
        ("RIGHT_CLIENT_SETTINGS_COLLABORATORS", 62), ("RIGHT_CLIENT_DELETE", 63),
        ("RIGHT_GATEWAY_INFO", 30), ("RIGHT_GATEWAY_SETTINGS_BASIC", 31), ("RIGHT_GATEWAY_SETTINGS_API_KEYS", 32),
        ("RIGHT_GATEWAY_SETTINGS_COLLABORATORS", 33), ("RIGHT_GATEWAY_DELETE", 34), ("RIGHT_GATEWAY_TRAFFIC_READ", 35),
        ("RIGHT_GATEWAY_TRAFFIC_DOWN_WRITE", 36), ("RIGHT_GATEWAY_LINK", 37), ("RIGHT_GATEWAY_STATUS_READ", 38),
        ("RIGHT_GATEWAY_LOCATION_READ", 39), ("RIGHT_GATEWAY_WRITE_SECRETS", 57), ("RIGHT_GATEWAY_READ_SECRETS", 58),
        ("RIGHT_GATEWAY_ALL", 40),
        ("RIGHT_ORGANIZATION_INFO", 41), ("RIGHT_ORGANIZATION_SETTINGS_BASIC", 42), ("RIGHT_ORGANIZATION_SETTINGS_API_KEYS", 43),
        ("RIGHT_ORGANIZATION_SETTINGS_MEMBERS", 44), ("RIGHT_ORGANIZATION_DELETE", 45), ("RIGHT_ORGANIZATION_APPLICATIONS_LIST", 46),
        ("RIGHT_ORGANIZATION_APPLICATIONS_CREATE", 47), ("RIGHT_ORGANIZATION_GATEWAYS_LIST", 48),
        ("RIGHT_ORGANIZATION_GATEWAYS_CREATE", 49), ("RIGHT_ORGANIZATION_CLIENTS_LIST", 50),
        ("RIGHT_ORGANIZATION_CLIENTS_CREATE", 51), ("RIGHT_ORGANIZATION_ADD_AS_COLLABORATOR", 52), ("RIGHT_ORGANIZATION_ALL", 53),
        ("RIGHT_SEND_INVITES", 54), ("RIGHT_ALL", 55),
    ];

    private static readonly Dictionary<string, int> ByName = Table.ToDictionary(r => r.Name, r => r.Value, StringComparer.Ordinal);
    private static readonly Dictionary<int, string> ByValue = Table.ToDictionary(r => r.Value, r => r.Name);

    private static readonly (string Pseudo, string Prefix)[] Groups =
    [
        ("RIGHT_USER_ALL", "RIGHT_USER_"), ("RIGHT_APPLICATION_ALL", "RIGHT_APPLICATION_"), ("RIGHT_CLIENT_ALL", "RIGHT_CLIENT_"),
        ("RIGHT_GATEWAY_ALL", "RIGHT_GATEWAY_"), ("RIGHT_ORGANIZATION_ALL", "RIGHT_ORGANIZATION_"),
    ];

    /// <summary>Every concrete right (no <c>_ALL</c> pseudo-right).</summary>
    public static IReadOnlySet<string> AllConcrete { get; } =
        Table.Select(r => r.Name).Where(n => !IsPseudo(n)).ToHashSet(StringComparer.Ordinal);

    public static bool IsPseudo(string right) => right == "RIGHT_ALL" || right.EndsWith("_ALL", StringComparison.Ordinal);

    /// <summary>Reads a right as TTS accepts it: <c>"RIGHT_X"</c>, <c>"X"</c> or the enum number.</summary>
    public static bool TryParse(JsonNode? node, out string right)
    {
        right = "";
        if (node is not JsonValue value)
        {
            return false;
        }
        if (value.TryGetValue<int>(out var number))
        {
            return number != 0 && ByValue.TryGetValue(number, out right!);
        }
        if (!value.TryGetValue<string>(out var text))
        {
            return false;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            return number != 0 && ByValue.TryGetValue(number, out right!);
        }
        var name = text.StartsWith("RIGHT_", StringComparison.Ordinal) ? text : "RIGHT_" + text;
        if (ByName.ContainsKey(name))
        {
            right = name;
            return true;
        }
        return false;
    }

    /// <summary>Replaces the <c>_ALL</c> pseudo-rights by their implied rights, and the LINK rights by what they imply.</summary>
    public static HashSet<string> Expand(IEnumerable<string> rights)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var right in rights)
        {
            if (right == "RIGHT_ALL")
            {
                result.UnionWith(AllConcrete);
                continue;
            }
            var group = Array.Find(Groups, g => g.Pseudo == right);
            if (group.Pseudo is not null)
            {
                result.UnionWith(AllConcrete.Where(r => r.StartsWith(group.Prefix, StringComparison.Ordinal)));
                continue;
            }
            result.Add(right);
            if (right == "RIGHT_APPLICATION_LINK")
            {
                result.UnionWith(["RIGHT_APPLICATION_INFO", "RIGHT_APPLICATION_TRAFFIC_READ", "RIGHT_APPLICATION_TRAFFIC_DOWN_WRITE"]);
            }
            else if (right == "RIGHT_GATEWAY_LINK")
            {
                result.Add("RIGHT_GATEWAY_INFO");
            }
        }
        return result;
    }

    /// <summary>The rights in enum order, as TTS writes them.</summary>
    public static string[] Sorted(IEnumerable<string> rights) =>
        [.. rights.Distinct(StringComparer.Ordinal).OrderBy(r => ByName.GetValueOrDefault(r))];

    public static JsonArray ToJson(IEnumerable<string> rights) => new([.. Sorted(rights).Select(r => (JsonNode)r)]);
}
