using System.Collections.Frozen;

namespace Ttn.Provisioning.Devices;

/// <summary>
/// The MAC and PHY version names TTS accepts (the <c>v3MACVersion</c> and <c>v3PHYVersion</c> enums of the API, less
/// the <c>_UNKNOWN</c> values), and the short forms its text parser also takes (<c>1.0.3</c>, <c>V1_0_3</c>,
/// <c>1.0.2-b</c>, ...), each mapped to the enum name sent on the wire.
/// </summary>
internal static class LorawanVersionNames
{
    /// <summary>The MAC version that needs a NwkKey as well as an AppKey.</summary>
    public const string MacV11 = "MAC_V1_1";

    private static readonly string[] _macNames =
        ["MAC_V1_0", "MAC_V1_0_1", "MAC_V1_0_2", "MAC_V1_0_3", "MAC_V1_0_4", MacV11];

    private static readonly string[] _phyNames =
    [
        "PHY_V1_0", "TS001_V1_0", "PHY_V1_0_1", "TS001_V1_0_1", "PHY_V1_0_2_REV_A", "RP001_V1_0_2", "PHY_V1_0_2_REV_B",
        "RP001_V1_0_2_REV_B", "PHY_V1_1_REV_A", "RP001_V1_1_REV_A", "PHY_V1_1_REV_B", "RP001_V1_1_REV_B",
        "PHY_V1_0_3_REV_A", "RP001_V1_0_3_REV_A", "RP002_V1_0_0", "RP002_V1_0_1", "RP002_V1_0_2", "RP002_V1_0_3",
        "RP002_V1_0_4",
    ];

    // TTS's MACVersion_customvalue and PHYVersion_customvalue (pkg/ttnpb/lorawan_json.pb.go), less "unknown".
    private static readonly (string Alias, string Name)[] _macAliases =
    [
        ("V1_0", "MAC_V1_0"), ("1.0", "MAC_V1_0"), ("1.0.0", "MAC_V1_0"), ("V1_0_1", "MAC_V1_0_1"), ("1.0.1", "MAC_V1_0_1"),
        ("V1_0_2", "MAC_V1_0_2"), ("1.0.2", "MAC_V1_0_2"), ("V1_1", MacV11), ("1.1", MacV11), ("1.1.0", MacV11),
        ("V1_0_3", "MAC_V1_0_3"), ("1.0.3", "MAC_V1_0_3"), ("V1_0_4", "MAC_V1_0_4"), ("1.0.4", "MAC_V1_0_4"),
    ];

    private static readonly (string Alias, string Name)[] _phyAliases =
    [
        ("1.0", "PHY_V1_0"), ("1.0.0", "PHY_V1_0"), ("V1_0", "PHY_V1_0"), ("1.0.1", "PHY_V1_0_1"), ("V1_0_1", "PHY_V1_0_1"),
        ("1.0.2", "PHY_V1_0_2_REV_A"), ("1.0.2-a", "PHY_V1_0_2_REV_A"), ("V1_0_2", "PHY_V1_0_2_REV_A"),
        ("V1_0_2_REV_A", "PHY_V1_0_2_REV_A"), ("1.0.2-b", "PHY_V1_0_2_REV_B"), ("V1_0_2_REV_B", "PHY_V1_0_2_REV_B"),
        ("1.1-a", "PHY_V1_1_REV_A"), ("1.1.0-a", "PHY_V1_1_REV_A"), ("V1_1_REV_A", "PHY_V1_1_REV_A"),
        ("1.1-b", "PHY_V1_1_REV_B"), ("1.1.0-b", "PHY_V1_1_REV_B"), ("V1_1_REV_B", "PHY_V1_1_REV_B"),
        ("1.0.3-a", "PHY_V1_0_3_REV_A"), ("V1_0_3_REV_A", "PHY_V1_0_3_REV_A"),
    ];

    private static readonly FrozenDictionary<string, string> _mac = Build(_macNames, _macAliases);
    private static readonly FrozenDictionary<string, string> _phy = Build(_phyNames, _phyAliases);

    /// <summary>The enum names, for tests that compare them with the OpenAPI document.</summary>
    public static IReadOnlyList<string> MacNames => _macNames;

    /// <summary>The enum names, for tests that compare them with the OpenAPI document.</summary>
    public static IReadOnlyList<string> PhyNames => _phyNames;

    /// <summary>The MAC version's enum name, or <see langword="null"/> when TTS would not accept it.</summary>
    public static string? Mac(string value) => _mac.GetValueOrDefault(value);

    /// <summary>The PHY version's enum name, or <see langword="null"/> when TTS would not accept it.</summary>
    public static string? Phy(string value) => _phy.GetValueOrDefault(value);

    private static FrozenDictionary<string, string> Build(string[] names, (string Alias, string Name)[] aliases)
    {
        // Enum names are matched without regard to case ("mac_v1_0_3" is plainly meant); aliases are too, harmlessly.
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            map[name] = name;
        }

        foreach (var (alias, name) in aliases)
        {
            map[alias] = name;
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
