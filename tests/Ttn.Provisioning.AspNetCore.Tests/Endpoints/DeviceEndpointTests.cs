using System.Net.Http.Json;
using System.Text;
using static Ttn.Provisioning.AspNetCore.Tests.Endpoints.EndpointCase;

namespace Ttn.Provisioning.AspNetCore.Tests.Endpoints;

/// <summary>The device endpoints: registration, conflicts, import from a CSV file, removal, and their problems.</summary>
public sealed class DeviceEndpointTests
{
    private const string Devices = "/ttn/tenants/acme/devices";

    [Fact]
    public async Task Registering_a_device_is_201_with_what_was_created_and_again_200_already_present()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();

        var created = await host.SendAsync(HttpMethod.Post, Devices, "Manager", DeviceBody(1));
        var again = await host.SendAsync(HttpMethod.Post, Devices, "Owner", DeviceBody(1));

        Assert.True(created.Status == 201, created.ToString());
        Assert.Equal("sensor-1", created.Text("deviceId"));
        Assert.Equal("Registered", created.Text("status"));
        Assert.Equal(4, created.Json.GetProperty("created").GetArrayLength());
        Assert.Empty(created.Json.GetProperty("rolledBack").EnumerateArray());
        Assert.Equal($"{Devices}/sensor-1", created.Location?.ToString());
        Assert.Equal(200, again.Status);
        Assert.Equal("AlreadyPresent", again.Text("status"));
        Assert.Equal(4, Assert.Single(host.Fake.EndDevices).Records.Count);
    }

    [Fact]
    public async Task An_eui_pair_held_by_another_application_is_409_naming_the_other_device_and_creates_nothing()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        await ForeignDeviceAsync(host, DevEui(1));

        var answer = await host.SendAsync(HttpMethod.Post, Devices, "Owner", DeviceBody(1));

        Assert.True(answer.Status == 409, answer.ToString());
        Assert.Equal("application/problem+json", answer.MediaType);
        Assert.Equal("device-conflict", answer.Text("reasonCode"));
        Assert.Equal("their-app", answer.Json.GetProperty("conflict").GetProperty("applicationId").GetString());
        Assert.Equal("their-sensor", answer.Json.GetProperty("conflict").GetProperty("deviceId").GetString());
        Assert.Equal("end_device_euis_taken", answer.Text("ttsErrorName"));
        Assert.Equal("Conflict", answer.Json.GetProperty("result").GetProperty("status").GetString());
        Assert.Single(host.Fake.EndDevices);
    }

    [Fact]
    public async Task A_csv_with_an_invalid_row_is_400_naming_its_row_and_column_and_sends_nothing()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        await ForeignDeviceAsync(host, DevEui(3));
        var csv = Csv(4).Replace(DevEui(2), "70B3D57ED00000XY", StringComparison.Ordinal);
        host.Fake.Journal.Clear();

        var answer = await host.SendAsync(HttpMethod.Post, $"{Devices}/import", "Owner", new CsvFile(csv));

        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Equal("invalid-rows", answer.Text("reasonCode"));
        var error = Assert.Single(answer.Json.GetProperty("validationErrors").EnumerateArray());
        Assert.Equal((2, 2, "dev_eui"), (error.GetProperty("row").GetInt32(), error.GetProperty("column").GetInt32(),
            error.GetProperty("columnName").GetString()));
        Assert.Empty(host.Fake.Journal.Entries);
        Assert.Single(host.Fake.EndDevices);
    }

    [Fact]
    public async Task A_csv_import_answers_every_rows_outcome_with_a_conflicting_row_as_a_row_and_the_job_id()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        await ForeignDeviceAsync(host, DevEui(2));

        var answer = await host.SendAsync(HttpMethod.Post, $"{Devices}/import?jobId=first-batch", "Manager", new CsvFile(Csv(3)));

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal("first-batch", answer.Text("jobId"));
        Assert.Equal((2, 1, 3), (answer.Json.GetProperty("registered").GetInt32(), answer.Json.GetProperty("conflicts").GetInt32(),
            answer.Json.GetProperty("totalRows").GetInt32()));
        var rows = answer.Json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["Registered", "Conflict", "Registered"], rows.Select(r => r.GetProperty("outcome").GetString()));
        Assert.Contains("their-app", rows[1].GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, host.Fake.EndDevices.Count);
    }

    [Fact]
    public async Task A_csv_file_in_a_multipart_form_is_imported_and_a_dry_run_registers_nothing()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        var dry = await host.SendAsync(HttpMethod.Post, $"{Devices}/import?dryRun=true", "Owner", Form(Csv(2)));
        Assert.Empty(host.Fake.EndDevices);

        var answer = await host.SendAsync(HttpMethod.Post, $"{Devices}/import", "Owner", Form(Csv(2)));

        Assert.True(dry.Status == 200, dry.ToString());
        Assert.True(dry.Json.GetProperty("isDryRun").GetBoolean());
        Assert.Equal(2, dry.Json.GetProperty("totalRows").GetInt32());
        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal(2, answer.Json.GetProperty("registered").GetInt32());
        Assert.Equal(2, host.Fake.EndDevices.Count);
    }

    [Fact]
    public async Task An_import_that_is_not_a_csv_file_is_415_and_a_form_without_a_file_is_400()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        using var form = new MultipartFormDataContent { { new StringContent("x"), "note" } };

        var json = await host.SendAsync(HttpMethod.Post, $"{Devices}/import", "Owner", new { csv = Csv(1) });
        var empty = await host.SendAsync(HttpMethod.Post, $"{Devices}/import", "Owner", form);

        Assert.Equal(415, json.Status);
        Assert.Equal(400, empty.Status);
        Assert.Equal("file", empty.Json.GetProperty("errors").EnumerateObject().Single().Name);
    }

    [Fact]
    public async Task A_csv_file_over_the_limit_is_413_and_nothing_is_sent()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        host.Fake.Journal.Clear();
        var csv = Csv(1) + new string('#', 9 * 1024 * 1024);

        var answer = await host.SendAsync(HttpMethod.Post, $"{Devices}/import", "Owner", Form(csv));

        Assert.Equal(413, answer.Status);
        Assert.Equal("body-too-large", answer.Text("reasonCode"));
        Assert.Empty(host.Fake.Journal.Entries);
    }

    [Fact]
    public async Task Removing_a_device_is_200_with_every_registry_removed_and_its_euis_released()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        await host.Devices.RegisterDeviceAsync(EndpointHost.Owner(), Device(1));

        var answer = await host.SendAsync(HttpMethod.Delete, $"{Devices}/sensor-1", "Manager");
        var after = await host.SendAsync(HttpMethod.Get, $"{Devices}/sensor-1", "Viewer");

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal(4, answer.Json.GetProperty("removed").GetArrayLength());
        Assert.True(answer.Json.GetProperty("euisReleased").GetBoolean());
        Assert.Empty(host.Fake.EndDevices);
        Assert.Equal(404, after.Status);
        Assert.Equal("not-found", after.Text("reasonCode"));
    }

    [Fact]
    public async Task A_viewer_cannot_register_a_device_and_nothing_is_sent()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        host.Fake.Journal.Clear();

        var answer = await host.SendAsync(HttpMethod.Post, Devices, "Viewer", DeviceBody(1));

        Assert.Equal(403, answer.Status);
        Assert.Equal("denied", answer.Text("reasonCode"));
        Assert.Empty(host.Fake.Journal.Entries);
    }

    [Fact]
    public async Task A_device_beyond_the_tenants_limit_is_409_refused()
    {
        await using var host = await EndpointHost.StartAsync(deviceOptions: o => o.MaxDevicesPerTenant = 1);
        await host.ProvisionAsync();
        await host.Devices.RegisterDeviceAsync(EndpointHost.Owner(), Device(1));

        var answer = await host.SendAsync(HttpMethod.Post, Devices, "Owner", DeviceBody(2));

        Assert.True(answer.Status == 409, answer.ToString());
        Assert.Equal("refused", answer.Text("reasonCode"));
        Assert.Contains("limit is 1", answer.Text("detail"), StringComparison.Ordinal);
        Assert.Single(host.Fake.EndDevices);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"remove\":true,\"completeWith\":{\"devEui\":\"70B3D57ED0000001\"}}")]
    public async Task A_repair_that_says_neither_or_both_remove_and_complete_is_400(string body)
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        host.Fake.Journal.Clear();

        var answer = await host.SendAsync(HttpMethod.Post, $"{Devices}/sensor-1/repair", "Owner", rawBody: body);

        Assert.Equal(400, answer.Status);
        Assert.Empty(host.Fake.Journal.Entries);
    }

    [Theory]
    [InlineData("page=two")]
    [InlineData("limit=-1")]
    [InlineData("limit=5000")]
    public async Task A_page_or_limit_out_of_shape_is_400(string query)
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();

        var answer = await host.SendAsync(HttpMethod.Get, $"{Devices}?{query}", "Viewer");

        Assert.True(answer.Status == 400, answer.ToString());
        Assert.Equal("invalid-request", answer.Text("reasonCode"));
    }

    [Fact]
    public async Task Pages_of_devices_name_the_next_page_until_the_last()
    {
        await using var host = await EndpointHost.StartAsync();
        await host.ProvisionAsync();
        await host.Devices.ImportDevicesAsync(EndpointHost.Owner(), Enumerable.Range(1, 3).Select(Device));

        var first = await host.SendAsync(HttpMethod.Get, $"{Devices}?limit=2", "Staff");
        var last = await host.SendAsync(HttpMethod.Get, $"{Devices}?limit=2&page=2", "Staff");

        Assert.Equal(2, first.Json.GetProperty("devices").GetArrayLength());
        Assert.Equal("2", first.Text("nextPage"));
        Assert.Single(last.Json.GetProperty("devices").EnumerateArray());
        Assert.Null(last.Text("nextPage"));
    }

    /// <summary>Another account's application <c>their-app</c> with device <c>their-sensor</c> holding the EUI pair.</summary>
    internal static async Task ForeignDeviceAsync(EndpointHost host, string devEui)
    {
        using var http = await OtherAccountAsync(host);
        (await http.PostAsJsonAsync(
            "/api/v3/applications/their-app/devices",
            new { end_device = new { ids = new { device_id = "their-sensor", dev_eui = devEui, join_eui = JoinEui } } }))
            .EnsureSuccessStatusCode();
    }

    private static MultipartFormDataContent Form(string csv) => new()
    {
        { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)) { Headers = { ContentType = new("text/csv") } }, "file", "devices.csv" },
    };
}
