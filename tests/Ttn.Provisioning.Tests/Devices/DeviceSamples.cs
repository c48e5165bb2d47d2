using System.Globalization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Gateways;
using Ttn.Provisioning.Tests.Provisioning;

namespace Ttn.Provisioning.Tests.Devices;

/// <summary>Devices, gateways and CSV files for the device and gateway service tests, and a Ready tenant to use them on.</summary>
internal static class DeviceSamples
{
    public const string JoinEui = "70B3D57ED0000000";

    /// <summary>Device <paramref name="n"/>: its own DevEUI and AppKey, LoRaWAN 1.0.3 on EU_863_870_TTN.</summary>
    public static EndDeviceDefinition Device(int n = 1, string? id = null) => new()
    {
        DeviceId = id ?? $"sensor-{n}",
        DevEui = DevEui(n),
        JoinEui = JoinEui,
        AppKey = AppKey(n),
        LorawanVersion = "MAC_V1_0_3",
        LorawanPhyVersion = "RP001_V1_0_3_REV_A",
        FrequencyPlanId = "EU_863_870_TTN",
        Name = $"Sensor {n}",
    };

    public static string DevEui(int n) => "70B3D57ED" + n.ToString("X7", CultureInfo.InvariantCulture);

    public static string AppKey(int n) => "2B7E151628AED2A6ABF7158809CF" + n.ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>Gateway <paramref name="n"/> with its own EUI on EU_863_870_TTN.</summary>
    public static GatewayDefinition Gateway(int n = 1) => new()
    {
        Eui = "B827EBFFFE" + n.ToString("X6", CultureInfo.InvariantCulture),
        Name = $"Gateway {n}",
        FrequencyPlanIds = ["EU_863_870_TTN"],
    };

    /// <summary>A The Things Stack CSV file of devices 1 to <paramref name="count"/> (the AppKey column included).</summary>
    public static string Csv(int count, int first = 1)
    {
        var lines = new List<string> { "id;dev_eui;join_eui;app_key;frequency_plan_id;lorawan_version;lorawan_phy_version;name" };
        for (var n = first; n < first + count; n++)
        {
            lines.Add($"sensor-{n};{DevEui(n)};{JoinEui};{AppKey(n)};EU_863_870_TTN;MAC_V1_0_3;RP001_V1_0_3_REV_A;Sensor {n}");
        }

        return string.Join('\n', lines) + "\n";
    }

    /// <summary>Provisions the tenant and returns its application id.</summary>
    public static async Task<string> ReadyTenantAsync(ProvisioningTestHost host, string tenantId = "acme")
    {
        var result = await host.Service.ProvisionAsync(ProvisioningTestHost.Owner(tenantId));
        Assert.True(result.IsReady, result.Error?.Message);
        return result.ApplicationId!;
    }
}
