using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>
/// A small part of TTS's frequency plan list (TheThingsNetwork/lorawan-frequency-plans <c>frequency-plans.yml</c>): the
/// plans TTN Cloud's clusters use most. The Network Server refuses a device whose plan is not here.
/// </summary>
internal static class FrequencyPlans
{
    public sealed record Plan(string Id, string? BaseId, string Name, int BaseFrequency, string BandId);

    public static IReadOnlyList<Plan> All { get; } =
    [
        new("EU_863_870", null, "Europe 863-870 MHz (SF12 for RX2)", 868, "EU_863_870"),
        new("EU_863_870_TTN", "EU_863_870", "Europe 863-870 MHz (SF9 for RX2 - recommended)", 868, "EU_863_870"),
        new("US_902_928_FSB_1", null, "United States 902-928 MHz, FSB 1", 915, "US_902_928"),
        new("US_902_928_FSB_2", null, "United States 902-928 MHz, FSB 2 (used by TTN)", 915, "US_902_928"),
        new("AU_915_928_FSB_1", null, "Australia 915-928 MHz, FSB 1", 915, "AU_915_928"),
        new("AU_915_928_FSB_2", null, "Australia 915-928 MHz, FSB 2 (used by TTN)", 915, "AU_915_928"),
        new("AS_920_923", null, "Asia 920-923 MHz", 915, "AS_923"),
        new("AS_923", null, "Asia 923 MHz", 915, "AS_923"),
        new("AS_923_925", null, "Asia 923-925 MHz", 915, "AS_923"),
        new("KR_920_923_TTN", null, "South Korea 920-923 MHz", 915, "KR_920_923"),
        new("IN_865_867", null, "India 865-867 MHz", 868, "IN_865_867"),
        new("CN_470_510_FSB_11", null, "China 470-510 MHz, FSB 11", 470, "CN_470_510"),
    ];

    public static Plan? Find(string id) => All.FirstOrDefault(p => p.Id == id);

    public static JsonObject ToJson(Plan plan)
    {
        var json = new JsonObject { ["id"] = plan.Id };
        if (plan.BaseId is not null)
        {
            json["base_id"] = plan.BaseId;
        }
        json["name"] = plan.Name;
        json["base_frequency"] = plan.BaseFrequency;
        json["band_id"] = plan.BandId;
        return json;
    }
}
