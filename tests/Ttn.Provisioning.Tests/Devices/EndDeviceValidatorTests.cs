using Ttn.Provisioning.Devices;
using static Ttn.Provisioning.Tests.Devices.DeviceTestData;

namespace Ttn.Provisioning.Tests.Devices;

public sealed class EndDeviceValidatorTests
{
    private static IReadOnlyList<string?> FieldsOf(EndDeviceDefinition definition)
        => [.. EndDeviceValidator.Validate(definition).Errors.Select(e => e.Field)];

    [Fact]
    public void A_complete_definition_is_valid_and_keeps_its_values()
    {
        var result = EndDeviceValidator.Validate(Valid());

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal(Valid() with { Attributes = result.Definition!.Attributes }, result.Definition);
        Assert.Equal("cold-1", result.Definition.Attributes!["room"]);
    }

    [Fact]
    public void Lower_case_euis_and_keys_are_normalised_to_upper_case()
    {
        var result = EndDeviceValidator.Validate(Valid() with
        {
            DevEui = "70b3d57ed0000001",
            JoinEui = "70b3d57ed000000a",
            AppKey = AppKey.ToLowerInvariant(),
            NwkKey = NwkKey.ToLowerInvariant(),
        });

        Assert.Equal("70B3D57ED0000001", result.Definition!.DevEui);
        Assert.Equal("70B3D57ED000000A", result.Definition.JoinEui);
        Assert.Equal(AppKey, result.Definition.AppKey);
        Assert.Equal(NwkKey, result.Definition.NwkKey);
    }

    [Fact]
    public void A_missing_device_id_is_derived_from_the_lower_case_dev_eui()
    {
        var result = EndDeviceValidator.Validate(Valid() with { DeviceId = null, DevEui = "111111111111111A" });

        Assert.Equal("eui-111111111111111a", result.Definition!.DeviceId);
    }

    [Fact]
    public void An_empty_device_id_counts_as_missing()
        => Assert.Equal("eui-70b3d57ed0000001", EndDeviceValidator.Validate(Valid() with { DeviceId = "" }).Definition!.DeviceId);

    [Theory]
    [InlineData("ab")]
    [InlineData("Sensor-1")]
    [InlineData("sensor_1")]
    [InlineData("-sensor")]
    [InlineData("sensor--1")]
    [InlineData("a-device-id-that-is-much-longer-than-36")]
    public void A_device_id_outside_the_identifier_rule_is_refused(string id)
        => Assert.Equal(["ids.device_id"], FieldsOf(Valid() with { DeviceId = id }));

    [Fact]
    public void A_reserved_device_id_is_refused()
    {
        var error = Assert.Single(EndDeviceValidator.Validate(Valid() with { DeviceId = "device" }).Errors);

        Assert.Equal("ids.device_id", error.Field);
        Assert.Contains("reserve", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("70B3D57ED00000")]
    [InlineData("70B3D57ED000000100")]
    [InlineData("70-B3-D5-7E-D0-00-00")]
    [InlineData("70B3D57ED000000G")]
    public void A_dev_eui_that_is_not_16_hex_characters_is_refused(string eui)
        => Assert.Contains("ids.dev_eui", FieldsOf(Valid() with { DevEui = eui }));

    [Fact]
    public void A_zero_dev_eui_is_refused_as_the_join_server_refuses_it()
        => Assert.Equal(["ids.dev_eui"], FieldsOf(Valid() with { DevEui = "0000000000000000" }));

    [Theory]
    [InlineData("")]
    [InlineData("70B3D57ED00000")]
    [InlineData("not-hex-at-all!!")]
    public void A_join_eui_that_is_not_16_hex_characters_is_refused(string eui)
        => Assert.Equal(["ids.join_eui"], FieldsOf(Valid() with { JoinEui = eui }));

    [Fact]
    public void A_zero_join_eui_is_accepted()
        => Assert.Equal("0000000000000000", EndDeviceValidator.Validate(Valid() with { JoinEui = "0000000000000000" }).Definition!.JoinEui);

    [Fact]
    public void An_app_key_is_required()
        => Assert.Equal(["root_keys.app_key.key"], FieldsOf(Valid() with { AppKey = null }));

    [Theory]
    [InlineData("0123456789ABCDEF0123456789ABCDE")]
    [InlineData("0123456789ABCDEF0123456789ABCDEF0")]
    [InlineData("0123456789ABCDEF0123456789ABCDEX")]
    [InlineData("00000000000000000000000000000000")]
    public void An_app_key_that_is_not_32_hex_characters_or_is_zero_is_refused(string key)
        => Assert.Equal(["root_keys.app_key.key"], FieldsOf(Valid() with { AppKey = key }));

    [Fact]
    public void LoRaWAN_1_1_needs_a_nwk_key()
        => Assert.Equal(["root_keys.nwk_key.key"], FieldsOf(Valid() with { LorawanVersion = "MAC_V1_1" }));

    [Fact]
    public void LoRaWAN_1_1_with_a_nwk_key_is_valid()
        => Assert.True(EndDeviceValidator.Validate(Valid() with { LorawanVersion = "MAC_V1_1", NwkKey = NwkKey }).IsValid);

    [Fact]
    public void A_malformed_nwk_key_is_refused_even_where_it_is_optional()
        => Assert.Equal(["root_keys.nwk_key.key"], FieldsOf(Valid() with { NwkKey = "1234" }));

    [Theory]
    [InlineData("MAC_V1_0_2", "MAC_V1_0_2")]
    [InlineData("MAC_V1_0_4", "MAC_V1_0_4")]
    [InlineData("mac_v1_0_4", "MAC_V1_0_4")]
    [InlineData("1.0.3", "MAC_V1_0_3")]
    [InlineData("V1_0_2", "MAC_V1_0_2")]
    [InlineData("1.1", "MAC_V1_1")]
    public void MAC_versions_are_accepted_by_enum_name_or_short_form_and_sent_as_the_enum_name(string given, string expected)
    {
        var result = EndDeviceValidator.Validate(Valid() with { LorawanVersion = given, NwkKey = NwkKey });

        Assert.Equal(expected, result.Definition!.LorawanVersion);
    }

    [Theory]
    [InlineData("PHY_V1_0_2_REV_B", "PHY_V1_0_2_REV_B")]
    [InlineData("RP001_V1_1_REV_B", "RP001_V1_1_REV_B")]
    [InlineData("RP002_V1_0_3", "RP002_V1_0_3")]
    [InlineData("1.0.2-b", "PHY_V1_0_2_REV_B")]
    [InlineData("V1_0_3_REV_A", "PHY_V1_0_3_REV_A")]
    public void PHY_versions_are_accepted_by_enum_name_or_short_form_and_sent_as_the_enum_name(string given, string expected)
        => Assert.Equal(expected, EndDeviceValidator.Validate(Valid() with { LorawanPhyVersion = given }).Definition!.LorawanPhyVersion);

    [Theory]
    [InlineData("MAC_UNKNOWN")]
    [InlineData("MAC_V2")]
    [InlineData("6")]
    [InlineData("1.0.5")]
    public void Unknown_MAC_versions_are_refused(string version)
        => Assert.Equal(["lorawan_version"], FieldsOf(Valid() with { LorawanVersion = version }));

    [Theory]
    [InlineData("PHY_UNKNOWN")]
    [InlineData("RP002_V1_0_5")]
    [InlineData("PHY_V1_0_3")]
    public void Unknown_PHY_versions_are_refused(string version)
        => Assert.Equal(["lorawan_phy_version"], FieldsOf(Valid() with { LorawanPhyVersion = version }));

    [Fact]
    public void Every_accepted_version_name_is_an_enum_value_of_the_TTS_API()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Shared", "tts", "swagger-subset.json");
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var definitions = document.RootElement.GetProperty("definitions");
        string[] Enum(string name) => [.. definitions.GetProperty(name).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!)];

        Assert.Equal(Enum("v3MACVersion").Where(v => v != "MAC_UNKNOWN").Order(), LorawanVersionNames.MacNames.Order());
        Assert.Equal(Enum("v3PHYVersion").Where(v => v != "PHY_UNKNOWN").Order(), LorawanVersionNames.PhyNames.Order());
    }

    [Fact]
    public void Plan_and_versions_may_be_absent_for_the_import_to_fill_in()
    {
        var result = EndDeviceValidator.Validate(Valid() with
        {
            FrequencyPlanId = null, LorawanVersion = null, LorawanPhyVersion = null, VersionIds = null,
        });

        Assert.True(result.IsValid);
        Assert.Null(result.Definition!.LorawanVersion);
    }

    [Fact]
    public void Version_ids_with_no_part_set_become_absent()
        => Assert.Null(EndDeviceValidator.Validate(Valid() with { VersionIds = new() { BrandId = "" } }).Definition!.VersionIds);

    [Theory]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public void A_name_may_have_at_most_50_characters(int length, bool valid)
        => Assert.Equal(valid, EndDeviceValidator.Validate(Valid() with { Name = new string('n', length) }).IsValid);

    [Fact]
    public void Lengths_count_characters_not_UTF16_units()
        => Assert.True(EndDeviceValidator.Validate(Valid() with { Name = string.Concat(Enumerable.Repeat("🧊", 50)) }).IsValid);

    [Theory]
    [InlineData(2000, true)]
    [InlineData(2001, false)]
    public void A_description_may_have_at_most_2000_characters(int length, bool valid)
        => Assert.Equal(valid, EndDeviceValidator.Validate(Valid() with { Description = new string('d', length) }).IsValid);

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void A_frequency_plan_id_may_have_at_most_64_characters(int length, bool valid)
        => Assert.Equal(valid, EndDeviceValidator.Validate(Valid() with { FrequencyPlanId = new string('F', length) }).IsValid);

    [Fact]
    public void At_most_ten_attributes_are_allowed()
    {
        var eleven = Enumerable.Range(0, 11).ToDictionary(i => $"key-{i}", i => "v");

        Assert.Equal(["attributes"], FieldsOf(Valid() with { Attributes = eleven }));
    }

    [Theory]
    [InlineData("Room")]
    [InlineData("ro")]
    [InlineData("room_1")]
    public void Attribute_keys_follow_the_identifier_rule(string key)
        => Assert.Equal(["attributes"], FieldsOf(Valid() with { Attributes = new Dictionary<string, string> { [key] = "v" } }));

    [Fact]
    public void A_reserved_word_is_a_valid_attribute_key()
        => Assert.True(EndDeviceValidator.Validate(Valid() with { Attributes = new Dictionary<string, string> { ["device"] = "v" } })
            .IsValid);

    [Theory]
    [InlineData(200, true)]
    [InlineData(201, false)]
    public void An_attribute_value_may_have_at_most_200_characters(int length, bool valid)
    {
        var attributes = new Dictionary<string, string> { ["room"] = new string('v', length) };

        Assert.Equal(valid, EndDeviceValidator.Validate(Valid() with { Attributes = attributes }).IsValid);
    }

    [Fact]
    public void The_normalised_attributes_are_a_copy_the_caller_cannot_change()
    {
        var attributes = new Dictionary<string, string> { ["room"] = "cold-1" };
        var result = EndDeviceValidator.Validate(Valid() with { Attributes = attributes });

        attributes["room"] = "warm";

        Assert.Equal("cold-1", result.Definition!.Attributes!["room"]);
    }

    [Theory]
    [InlineData("The-Things", null, null, "version_ids.brand_id")]
    [InlineData(null, "model_1", null, "version_ids.model_id")]
    [InlineData(null, null, "123456789012345678901234567890123", "version_ids.hardware_version")]
    public void Version_ids_follow_the_TTS_rules(string? brand, string? model, string? hardware, string field)
    {
        var ids = new EndDeviceVersionIds { BrandId = brand, ModelId = model, HardwareVersion = hardware };

        Assert.Equal([field], FieldsOf(Valid() with { VersionIds = ids }));
    }

    [Fact]
    public void Every_error_is_returned_at_once()
    {
        var fields = FieldsOf(new EndDeviceDefinition
        {
            DeviceId = "Bad Id", DevEui = "xyz", JoinEui = "", AppKey = "short", LorawanVersion = "MAC_V9", Name = new string('n', 51),
        });

        Assert.Equal(
            ["ids.dev_eui", "ids.join_eui", "ids.device_id", "lorawan_version", "root_keys.app_key.key", "name"],
            fields);
    }
}
