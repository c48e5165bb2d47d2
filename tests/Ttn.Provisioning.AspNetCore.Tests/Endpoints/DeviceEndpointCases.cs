using System.Globalization;
using System.Text.Json;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Gateways;

namespace Ttn.Provisioning.AspNetCore.Tests.Endpoints;

/// <summary>The device, import and gateway endpoints, with what a request needs and what success looks like.</summary>
internal sealed partial record EndpointCase
{
    /// <summary>Who may register, repair, remove and import devices and register and remove gateways by default.</summary>
    public static readonly string[] DeviceChangers = ["Owner", "Admin", "Manager"];

    public const string JoinEui = "70B3D57ED0000000";

    public static string DevEui(int n) => "70B3D57ED" + n.ToString("X7", CultureInfo.InvariantCulture);

    public static string AppKey(int n) => "2B7E151628AED2A6ABF7158809CF" + n.ToString("X4", CultureInfo.InvariantCulture);

    public static string GatewayEui(int n) => "B827EBFFFE" + n.ToString("X6", CultureInfo.InvariantCulture);

    /// <summary>Device <paramref name="n"/> (<c>sensor-n</c>) as the register endpoint's body: the definition in camelCase.</summary>
    public static JsonElement DeviceBody(int n) => JsonSerializer.SerializeToElement(Device(n), WebJson.Options);

    /// <summary>Device <paramref name="n"/> as the core's definition, to register it through the service.</summary>
    public static EndDeviceDefinition Device(int n) => new()
    {
        DeviceId = $"sensor-{n}",
        DevEui = DevEui(n),
        JoinEui = JoinEui,
        AppKey = AppKey(n),
        LorawanVersion = "MAC_V1_0_3",
        LorawanPhyVersion = "RP001_V1_0_3_REV_A",
        FrequencyPlanId = "EU_863_870_TTN",
        Name = $"Sensor {n}",
    };

    /// <summary>A The Things Stack CSV file of <paramref name="count"/> devices from <paramref name="first"/>, AppKeys included.</summary>
    public static string Csv(int count, int first = 1)
    {
        var lines = new List<string> { "id;dev_eui;join_eui;app_key;frequency_plan_id;lorawan_version;lorawan_phy_version;name" };
        for (var n = first; n < first + count; n++)
        {
            lines.Add($"sensor-{n};{DevEui(n)};{JoinEui};{AppKey(n)};EU_863_870_TTN;MAC_V1_0_3;RP001_V1_0_3_REV_A;Sensor {n}");
        }

        return string.Join('\n', lines) + "\n";
    }

    public static object GatewayBody(int n) => new { eui = GatewayEui(n), frequencyPlanIds = new[] { "EU_863_870_TTN" } };

    public static GatewayDefinition Gateway(int n) => new() { Eui = GatewayEui(n), FrequencyPlanIds = ["EU_863_870_TTN"] };

    private static EndpointCase[] DeviceCases() =>
    [
        new("devices", HttpMethod.Get, "devices?limit=10", Everyone, WithDevice, json =>
            Assert.Equal("sensor-1", Assert.Single(json.GetProperty("devices").EnumerateArray()).GetProperty("deviceId").GetString())),
        new("device", HttpMethod.Get, "devices/sensor-1", Everyone, WithDevice, json =>
            Assert.Equal(DevEui(1), json.GetProperty("device").GetProperty("devEui").GetString())),
        new("register-device", HttpMethod.Post, "devices", DeviceChangers, ProvisionedWith(DeviceBody(1)), Registered, 201),
        new("diagnosis", HttpMethod.Get, "devices/sensor-1/diagnosis", Everyone, WithDevice, json =>
            Assert.True(json.GetProperty("isComplete").GetBoolean())),
        new("repair", HttpMethod.Post, "devices/sensor-1/repair", DeviceChangers, WithHalfDevice, json =>
            Assert.Equal("Removed", json.GetProperty("action").GetString())),
        new("remove-device", HttpMethod.Delete, "devices/sensor-1", DeviceChangers, WithDevice, json =>
        {
            Assert.Contains("IdentityServer", json.GetProperty("removed").EnumerateArray().Select(r => r.GetString()));
            Assert.True(json.GetProperty("euisReleased").GetBoolean());
        }),
        new("import", HttpMethod.Post, "devices/import", DeviceChangers, ProvisionedWith(new CsvFile(Csv(2))), json =>
        {
            Assert.Equal(2, json.GetProperty("registered").GetInt32());
            Assert.False(string.IsNullOrEmpty(json.GetProperty("jobId").GetString()));
        }),
        new("gateways", HttpMethod.Get, "gateways", Everyone, WithGateway, json =>
        {
            var gateway = Assert.Single(json.GetProperty("gateways").EnumerateArray());
            Assert.Equal("eui-b827ebfffe000001", gateway.GetProperty("gatewayId").GetString());
        }),
        new("register-gateway", HttpMethod.Post, "gateways", DeviceChangers, ProvisionedWith(GatewayBody(1)), json =>
            Assert.Equal("Registered", json.GetProperty("status").GetString()), 201),
        new("gateway-status", HttpMethod.Get, "gateways/eui-b827ebfffe000001/status", Everyone, WithGateway, json =>
            Assert.False(Assert.Single(json.GetProperty("gateways").EnumerateArray()).GetProperty("isConnected").GetBoolean())),
        new("remove-gateway", HttpMethod.Delete, "gateways/eui-b827ebfffe000001", DeviceChangers, WithGateway, json =>
            Assert.Equal("Deleted", json.GetProperty("status").GetString())),
    ];

    private static void Registered(JsonElement json)
    {
        Assert.Equal("Registered", json.GetProperty("status").GetString());
        Assert.Equal(
            ["IdentityServer", "JoinServer", "NetworkServer", "ApplicationServer"],
            json.GetProperty("created").EnumerateArray().Select(r => r.GetString()));
    }

    private static async Task<object?> WithDevice(EndpointHost host)
    {
        await host.ProvisionAsync();
        var registered = await host.Devices.RegisterDeviceAsync(EndpointHost.Owner(), Device(1));
        Assert.Equal(DeviceOutcome.Registered, registered.Status);
        return null;
    }

    /// <summary>Device 1 without its Identity Server entry: split-brain, for a repair to remove.</summary>
    private static async Task<object?> WithHalfDevice(EndpointHost host)
    {
        await WithDevice(host);
        var credentials = (await host.Service.GetCredentialsAsync(EndpointHost.Owner())).Credentials!;
        using var http = new HttpClient(host.Fake.CreateHandler()) { BaseAddress = EndpointHost.IdentityServer };
        http.DefaultRequestHeaders.Authorization = new("Bearer", credentials.ApplicationApiKey.Secret.Value);
        (await http.DeleteAsync($"/api/v3/applications/{credentials.ApplicationId}/devices/sensor-1")).EnsureSuccessStatusCode();
        return new { remove = true };
    }

    private static async Task<object?> WithGateway(EndpointHost host)
    {
        await host.ProvisionAsync();
        var registered = await host.Gateways.RegisterGatewayAsync(EndpointHost.Owner(), Gateway(1));
        Assert.Equal(GatewayRegistrationStatus.Registered, registered.Status);
        return null;
    }

    /// <summary>In a class of its own so that it is initialised on first use, whichever part of the record initialises first.</summary>
    private static class WebJson
    {
        public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        };
    }
}
