using Ttn.Provisioning.Devices;
using static Ttn.Provisioning.Tests.Devices.DeviceTestData;

namespace Ttn.Provisioning.Tests.Devices;

/// <summary>
/// The cases of The Things Stack's own importer tests (<c>pkg/devicetemplates/ttscsv_test.go</c> and its testdata,
/// v3.32.1), reproduced. Where this reader is stricter than TTS's converter (which leaves required fields and ABP to
/// the later registration calls), the test says so.
/// </summary>
public sealed class ThingsStackCsvImporterCasesTests
{
    // testdata/all_columns.csv: every column TTS knows, three OTAA+ABP devices.
    private const string AllColumnsHeader =
        "id;dev_eui;join_eui;name;description;frequency_plan_id;lorawan_version;lorawan_phy_version;brand_id;model_id;"
        + "hardware_version;firmware_version;band_id;app_key;nwk_key;rx1_delay;supports_32_bit_f_cnt;dev_addr;app_s_key;"
        + "f_nwk_s_int_key;last_f_cnt_up;last_n_f_cnt_down;last_a_f_cnt_down;supports_class_c;vendor_id;vendor_profile_id\n";

    private static string AllColumnsRow(int n, bool withAbpAndUnsupported)
    {
        var eui = new string((char)('0' + n), 16);
        var tail = withAbpAndUnsupported
            ? "RX_DELAY_5;false;01020304;01020304050607080102030405060708;01020304050607080102030405060708;12;12;12;true;1;1"
            : ";;;;;;;;;;";
        return $"test-{n};{eui};{eui};Device {n};description {n};EU_863_870_TTN;MAC_V1_0_4;RP002_V1_0_3;the-things-industries;"
            + $"generic-node;1.0.4;1.0;EU_863_870;{new string((char)('0' + n), 32)};01020304050607080102030405060708;{tail}\n";
    }

    [Fact]
    public async Task All_columns_of_a_definition_are_read()
    {
        var result = await ReadAsync(AllColumnsHeader + AllColumnsRow(1, false) + AllColumnsRow(2, false) + AllColumnsRow(3, false));

        Assert.True(result.IsValid);
        Assert.Equal(3, result.Rows.Count);
        Assert.Equal(new EndDeviceDefinition
        {
            DeviceId = "test-3",
            DevEui = "3333333333333333",
            JoinEui = "3333333333333333",
            Name = "Device 3",
            Description = "description 3",
            FrequencyPlanId = "EU_863_870_TTN",
            LorawanVersion = "MAC_V1_0_4",
            LorawanPhyVersion = "RP002_V1_0_3",
            VersionIds = new EndDeviceVersionIds
            {
                BrandId = "the-things-industries",
                ModelId = "generic-node",
                HardwareVersion = "1.0.4",
                FirmwareVersion = "1.0",
                BandId = "EU_863_870",
            },
            AppKey = new string('3', 32),
            NwkKey = "01020304050607080102030405060708",
        }, result.Rows[2].Definition);
    }

    [Fact]
    public async Task All_columns_with_ABP_and_unsupported_values_are_refused_per_row_naming_each_column()
    {
        var result = await ReadAsync(AllColumnsHeader + AllColumnsRow(1, true) + AllColumnsRow(2, true) + AllColumnsRow(3, true));

        Assert.Empty(result.FileErrors);
        Assert.Equal([1, 2, 3], result.Rows.Select(r => r.RowNumber));
        Assert.All(result.Rows, row =>
        {
            Assert.False(row.IsValid);
            Assert.Equal(Enumerable.Range(16, 11), row.Errors.Select(e => e.Column!.Value));
            Assert.Equal(
                ["rx1_delay", "supports_32_bit_f_cnt", "dev_addr", "app_s_key", "f_nwk_s_int_key", "last_f_cnt_up", "last_n_f_cnt_down",
                    "last_a_f_cnt_down", "supports_class_c", "vendor_id", "vendor_profile_id"],
                row.Errors.Select(e => e.ColumnName));
            Assert.All(
                row.Errors.Where(e => e.ColumnName is "dev_addr" or "app_s_key"),
                e => Assert.StartsWith("ABP", e.Message, StringComparison.Ordinal));
        });
    }

    [Fact]
    public async Task Extra_columns_are_ignored()
    {
        var result = await ReadAsync(
            $"extra0;dev_eui;extra1;join_eui;app_key;extra2\ntest0;1122334455667788;test1;0000000000000000;{AppKey};test2\n");

        var row = Assert.Single(result.Rows);
        Assert.True(row.IsValid);
        Assert.Equal("1122334455667788", row.Definition!.DevEui);
        Assert.Equal("eui-1122334455667788", row.Definition.DeviceId);
    }

    [Fact]
    public async Task A_file_with_only_dev_eui_and_extra_columns_is_refused_for_the_missing_required_columns()
    {
        // TTS converts testdata/extra_columns.csv and leaves the failure to registration; this reader says it up front.
        var result = await ReadAsync("extra0;dev_eui;extra1;extra2\ntest0;1122334455667788;test1;test2\n");

        Assert.Equal(["join_eui", "app_key"], result.FileErrors.Select(e => e.ColumnName));
        Assert.Empty(result.Rows);
    }

    [Fact]
    public async Task An_empty_file_is_an_error()
    {
        var result = await ReadAsync("");

        Assert.False(result.IsValid);
        Assert.Contains("empty", Assert.Single(result.FileErrors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_dev_eui_fails_its_row_with_row_and_column_and_the_other_rows_stay_valid()
    {
        var result = await ReadAsync($"join_eui;dev_eui;app_key\n0000000000000000;invalid;{AppKey}\n"
            + $"0000000000000000;2222222222222222;{AppKey}\n0000000000000000;3333333333333333;{AppKey}\n");

        Assert.Equal([false, true, true], result.Rows.Select(r => r.IsValid));
        var error = Assert.Single(result.Rows[0].Errors);
        Assert.Equal((1, 2, "dev_eui", "ids.dev_eui"), (error.Row, error.Column, error.ColumnName, error.Field));
        Assert.Equal("row 1, column 2 (dev_eui): " + error.Message, error.ToString());
    }

    [Fact]
    public async Task A_missing_id_is_derived_from_the_dev_eui_in_lower_case()
    {
        var result = await ReadAsync($"dev_eui;join_eui;app_key\n111111111111111A;0000000000000000;{AppKey}\n");

        Assert.Equal("eui-111111111111111a", Assert.Single(result.Rows).Definition!.DeviceId);
    }

    [Fact]
    public async Task App_eui_is_read_as_the_join_eui()
    {
        var result = await ReadAsync($"app_eui;dev_eui;app_key\n1111111111111111;2222222222222222;{AppKey}\n");

        var definition = Assert.Single(result.Rows).Definition!;
        Assert.Equal("1111111111111111", definition.JoinEui);
        Assert.Equal("2222222222222222", definition.DevEui);
    }

    [Fact]
    public async Task An_error_in_the_app_eui_column_is_reported_under_that_name()
    {
        var result = await ReadAsync($"app_eui;dev_eui;app_key\n11;2222222222222222;{AppKey}\n");

        var error = Assert.Single(Assert.Single(result.Rows).Errors);
        Assert.Equal(("app_eui", 1, "ids.join_eui"), (error.ColumnName, error.Column, error.Field));
    }

    [Fact]
    public async Task A_comma_separated_file_is_read()
    {
        const string csv = "id,dev_eui,join_eui,app_key,nwk_key\n"
            + "test-one,1111111111111111,1111111111111111,11111111111111111111111111111111,01020304050607080102030405060708\n"
            + "test-two,2222222222222222,2222222222222222,22222222222222222222222222222222,01020304050607080102030405060708\n"
            + "test-three,3333333333333333,3333333333333333,33333333333333333333333333333333,01020304050607080102030405060708\n";
        using var reader = await ThingsStackCsvReader.OpenAsync(Utf8(csv));
        var rows = await reader.ReadRowsAsync().ToListAsync();

        Assert.Equal(',', reader.Separator);
        Assert.Equal(["test-one", "test-two", "test-three"], rows.Select(r => r.Definition!.DeviceId));
        Assert.All(rows, r => Assert.Equal("01020304050607080102030405060708", r.Definition!.NwkKey));
    }

    [Fact]
    public async Task Version_ids_are_read_when_present()
    {
        var result = await ReadAsync("id;dev_eui;join_eui;app_key;name;frequency_plan_id;lorawan_version;brand_id;model_id;"
            + "hardware_version;firmware_version;band_id\n"
            + $"test-vendor;1111111111111111;1111111111111111;{AppKey};Device with vendorID;EU_863_870_TTN;MAC_V1_0_4;"
            + "the-things-industries;generic-node-sensor-edition;1.1;1.0;EU_863_870\n");

        Assert.Equal(
            new EndDeviceVersionIds
            {
                BrandId = "the-things-industries",
                ModelId = "generic-node-sensor-edition",
                HardwareVersion = "1.1",
                FirmwareVersion = "1.0",
                BandId = "EU_863_870",
            },
            Assert.Single(result.Rows).Definition!.VersionIds);
    }

    [Fact]
    public async Task Without_version_ids_the_definition_leaves_them_and_the_PHY_version_to_the_import()
    {
        var result = await ReadAsync("id;dev_eui;join_eui;app_key;name;frequency_plan_id;lorawan_version\n"
            + $"test-vendor;1111111111111111;1111111111111111;{AppKey};Device with vendorID;EU_863_870_TTN;MAC_V1_0_4\n");

        var definition = Assert.Single(result.Rows).Definition!;
        Assert.Null(definition.VersionIds);
        Assert.Null(definition.LorawanPhyVersion);
        Assert.Equal(("EU_863_870_TTN", "MAC_V1_0_4"), (definition.FrequencyPlanId, definition.LorawanVersion));
    }

    [Fact]
    public async Task A_vendor_id_is_refused_rather_than_dropped()
    {
        var result = await ReadAsync(
            $"id;dev_eui;join_eui;app_key;vendor_id\ntest-vendor;1111111111111111;1111111111111111;{AppKey};1AC\n");

        var error = Assert.Single(Assert.Single(result.Rows).Errors);
        Assert.Equal((5, "vendor_id"), (error.Column, error.ColumnName));
    }
}
