using System.Globalization;
using System.Text;
using Ttn.Provisioning.Devices;
using static Ttn.Provisioning.Tests.Devices.DeviceTestData;

namespace Ttn.Provisioning.Tests.Devices;

public sealed class ThingsStackCsvReaderTests
{
    private const string Header = "id;dev_eui;join_eui;app_key;name\n";

    private static string Row(int n, string? name = null)
        => string.Create(CultureInfo.InvariantCulture, $"dev-{n};{n:X16};0000000000000000;{AppKey};{name ?? "Device " + n}\n");

    [Fact]
    public async Task A_UTF8_byte_order_mark_is_skipped()
    {
        var result = await ReadAsync(Header + Row(1), bom: true);

        Assert.Equal("dev-1", Assert.Single(result.Rows).Definition!.DeviceId);
    }

    [Fact]
    public async Task A_header_line_without_separator_defaults_to_semicolon()
    {
        using var reader = await ThingsStackCsvReader.OpenAsync(Utf8("dev_eui\n0000000000000001\n"));

        Assert.Equal(';', reader.Separator);
    }

    [Fact]
    public async Task A_semicolon_in_the_header_line_wins_over_commas()
    {
        using var reader = await ThingsStackCsvReader.OpenAsync(Utf8($"dev_eui;join_eui;app_key;name,with,commas\n"));

        Assert.Equal(';', reader.Separator);
    }

    [Fact]
    public async Task Quoted_fields_may_hold_the_separator_quotes_and_line_breaks()
    {
        var quoted = $"dev-1;0000000000000001;0000000000000000;{AppKey};\"Freezer; \"\"north\"\"\nrack 2\"\n";
        var result = await ReadAsync(Header + quoted + Row(2));

        Assert.Equal("Freezer; \"north\"\nrack 2", result.Rows[0].Definition!.Name);
        Assert.Equal((2, 4), (result.Rows[1].RowNumber, result.Rows[1].LineNumber));
    }

    [Fact]
    public async Task Spaces_around_fields_are_trimmed_but_not_inside_quotes()
    {
        var result = await ReadAsync(Header + $"  dev-1 ;  0000000000000001;  0000000000000000 ; {AppKey} ;  \" Cold room \"\n");

        var definition = Assert.Single(result.Rows).Definition!;
        Assert.Equal(("dev-1", "0000000000000001", " Cold room "), (definition.DeviceId, definition.DevEui, definition.Name));
    }

    [Fact]
    public async Task Windows_line_endings_are_read()
    {
        var result = await ReadAsync((Header + Row(1) + Row(2)).Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(["Device 1", "Device 2"], result.Rows.Select(r => r.Definition!.Name));
    }

    [Fact]
    public async Task Empty_lines_are_skipped_and_not_counted_as_rows_as_TTS_counts()
    {
        var result = await ReadAsync(Header + "\n" + Row(1) + "\n   \n" + $"dev-2;bad;0000000000000000;{AppKey};x\n");

        Assert.Equal([(1, 3), (2, 6)], result.Rows.Select(r => (r.RowNumber, r.LineNumber)));
        Assert.Equal(2, result.Rows[1].Errors.Single().Row);
    }

    [Fact]
    public async Task Blank_lines_before_the_header_are_skipped_and_line_numbers_still_count_them()
    {
        var result = await ReadAsync("\n  \n" + Header + Row(1));

        Assert.Equal((1, 4, "dev-1"), (result.Rows[0].RowNumber, result.Rows[0].LineNumber, result.Rows[0].Definition!.DeviceId));
    }

    [Fact]
    public async Task A_row_of_empty_fields_is_skipped_but_counted()
    {
        var result = await ReadAsync(Header + ";;;;\n" + Row(2));

        Assert.Equal(2, Assert.Single(result.Rows).RowNumber);
    }

    [Fact]
    public async Task A_header_without_data_rows_is_a_valid_empty_file()
    {
        var result = await ReadAsync(Header);

        Assert.True(result.IsValid);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public async Task Header_names_are_matched_without_regard_to_case()
    {
        var result = await ReadAsync($"ID;DEV_EUI;Join_EUI;App_Key\ndev-1;0000000000000001;0000000000000000;{AppKey}\n");

        Assert.Equal("dev-1", Assert.Single(result.Rows).Definition!.DeviceId);
    }

    [Fact]
    public async Task A_header_with_no_known_column_is_a_file_error_and_no_row_is_read()
    {
        var result = await ReadAsync("serial;colour\n1;red\n");

        Assert.Contains("no column", Assert.Single(result.FileErrors).Message, StringComparison.Ordinal);
        Assert.Empty(result.Rows);
    }

    [Fact]
    public async Task Join_eui_and_app_eui_together_are_a_file_error_naming_the_second_column()
    {
        var result = await ReadAsync($"dev_eui;join_eui;app_key;app_eui\n0000000000000001;0000000000000000;{AppKey};0000000000000000\n");

        var error = Assert.Single(result.FileErrors);
        Assert.Equal((4, "app_eui", "ids.join_eui"), (error.Column, error.ColumnName, error.Field));
    }

    [Fact]
    public async Task A_row_with_a_different_number_of_fields_than_the_header_is_an_error()
    {
        var result = await ReadAsync(Header + $"dev-1;0000000000000001;0000000000000000;{AppKey}\n" + Row(2));

        var error = Assert.Single(result.Rows[0].Errors);
        Assert.Equal((1, null, null), (error.Row, error.Column, error.Field));
        Assert.True(result.Rows[1].IsValid);
    }

    [Fact]
    public async Task An_unclosed_quote_fails_the_row_it_opens()
    {
        var result = await ReadAsync(Header + Row(1) + $"dev-2;0000000000000002;0000000000000000;{AppKey};\"Device 2\n" + Row(3));

        Assert.Equal([true, false], result.Rows.Select(r => r.IsValid));
        Assert.Contains("quote", result.Rows[1].Errors.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_quote_never_closed_on_an_otherwise_empty_last_line_is_reported_not_skipped()
    {
        var result = await ReadAsync(Header + Row(1) + " \"\n\n");

        Assert.Equal([true, false], result.Rows.Select(r => r.IsValid));
        Assert.Equal((2, 3), (result.Rows[1].RowNumber, result.Rows[1].LineNumber));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task A_quote_never_closed_in_a_file_larger_than_the_longest_row_ends_the_read_with_a_row_error(int rowsBefore)
    {
        // Sep refuses a row longer than 16 Mi characters; 300,000 rows after an unclosed quote are about 23 MB.
        var before = string.Concat(Enumerable.Range(1, rowsBefore).Select(n => Row(n)));
        var open = $"dev-x;00000000000000FF;0000000000000000;{AppKey};\"Device x\n";
        await using var source = new GeneratedCsvStream(Header + before + open, n => Row(n + 100), 300_000);

        var result = await ThingsStackCsvReader.ReadAllAsync(source);

        Assert.Equal(rowsBefore + 1, result.Rows.Count);
        var row = result.Rows[^1];
        Assert.Equal((rowsBefore + 1, rowsBefore + 2), (row.RowNumber, row.LineNumber));
        Assert.Contains("quote", Assert.Single(row.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_device_id_fails_the_later_row_naming_the_earlier_one()
    {
        var result = await ReadAsync(Header + Row(1) + Row(2) + $"dev-1;0000000000000003;0000000000000000;{AppKey};x\n");

        var error = Assert.Single(result.Rows[2].Errors);
        Assert.Equal((3, 1, "id"), (error.Row, error.Column, error.ColumnName));
        Assert.Contains("row 1", error.Message, StringComparison.Ordinal);
        Assert.True(result.Rows[0].IsValid);
    }

    [Fact]
    public async Task A_repeated_DevEUI_and_JoinEUI_pair_fails_the_later_row()
    {
        var result = await ReadAsync(Header + Row(1) + $"dev-9;0000000000000001;0000000000000000;{AppKey};x\n");

        var error = Assert.Single(result.Rows[1].Errors);
        Assert.Equal(("dev_eui", "ids.dev_eui"), (error.ColumnName, error.Field));
        Assert.Contains("row 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_DevEUI_under_another_JoinEUI_is_a_different_device_for_TTS()
    {
        var result = await ReadAsync(Header + Row(1) + $"dev-9;0000000000000001;70B3D57ED0000000;{AppKey};x\n");

        Assert.True(result.IsValid);
    }

    [Fact]
    public async Task A_repeated_derived_device_id_points_at_the_dev_eui_column()
    {
        var result = await ReadAsync($"join_eui;dev_eui;app_key\n0000000000000000;00000000000000AB;{AppKey}\n"
            + $"70B3D57ED0000000;00000000000000ab;{AppKey}\n");

        var error = Assert.Single(result.Rows[1].Errors);
        Assert.Equal((2, "dev_eui"), (error.Column, error.ColumnName));
    }

    [Fact]
    public async Task A_field_required_by_a_row_whose_column_is_missing_names_the_column_without_a_number()
    {
        var result = await ReadAsync($"dev_eui;join_eui;app_key;lorawan_version\n0000000000000001;0000000000000000;{AppKey};MAC_V1_1\n");

        var error = Assert.Single(Assert.Single(result.Rows).Errors);
        Assert.Equal((1, null, "nwk_key", "root_keys.nwk_key.key"), (error.Row, error.Column, error.ColumnName, error.Field));
    }

    [Fact]
    public async Task Every_error_of_a_row_is_reported_in_column_order()
    {
        var result = await ReadAsync(Header + $"Bad_Id;xyz;;short;{new string('n', 51)}\n");

        Assert.Equal([1, 2, 3, 4, 5], Assert.Single(result.Rows).Errors.Select(e => e.Column!.Value));
    }

    [Fact]
    public async Task Ten_thousand_rows_are_read_in_order_with_their_row_and_line_numbers()
    {
        var csv = new StringBuilder(Header);
        for (var n = 1; n <= 10_000; n++)
        {
            csv.Append(Row(n));
        }

        var result = await ReadAsync(csv.ToString());

        Assert.True(result.IsValid);
        Assert.Equal(Enumerable.Range(1, 10_000), result.Rows.Select(r => r.RowNumber));
        var last = result.Rows[^1];
        Assert.Equal((10_000, 10_001, "dev-10000"), (last.RowNumber, last.LineNumber, last.Definition!.DeviceId));
    }

    [Fact]
    public async Task Rows_stream_from_a_large_file_reading_only_a_buffer_ahead()
    {
        const int Rows = 50_000;
        const int Buffer = 256 * 1024;
        await using var source = new GeneratedCsvStream(Header, n => Row(n), Rows);
        using var reader = await ThingsStackCsvReader.OpenAsync(source);
        await using var rows = reader.ReadRowsAsync().GetAsyncEnumerator();

        Assert.True(await rows.MoveNextAsync());
        var readForFirstRow = source.BytesProduced;
        var count = 1;
        while (await rows.MoveNextAsync())
        {
            Assert.True(rows.Current.IsValid);
            count++;
        }

        Assert.Equal(Rows, count);
        Assert.InRange(readForFirstRow, 1, Buffer);
        Assert.True(source.BytesProduced > 10 * Buffer, $"{source.BytesProduced} bytes in all, {readForFirstRow} before the first row");
    }

    [Fact]
    public async Task The_rows_can_be_read_once()
    {
        using var reader = await ThingsStackCsvReader.OpenAsync(Utf8(Header + Row(1)));
        _ = reader.ReadRowsAsync();

        Assert.Throws<InvalidOperationException>(() => reader.ReadRowsAsync());
    }

    [Fact]
    public async Task The_callers_stream_is_left_open()
    {
        var stream = Utf8(Header + Row(1));

        await ThingsStackCsvReader.ReadAllAsync(stream);

        Assert.True(stream.CanRead);
    }

    [Fact]
    public async Task Reading_stops_when_cancelled()
    {
        using var cancellation = new CancellationTokenSource();
        using var reader = await ThingsStackCsvReader.OpenAsync(Utf8(Header + Row(1) + Row(2)));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await reader.ReadRowsAsync(cancellation.Token).ToListAsync());
    }
}
