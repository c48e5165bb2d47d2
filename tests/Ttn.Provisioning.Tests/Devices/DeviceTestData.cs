using System.Text;
using Ttn.Provisioning.Devices;

namespace Ttn.Provisioning.Tests.Devices;

/// <summary>Definitions and CSV files for the device input tests.</summary>
internal static class DeviceTestData
{
    public const string AppKey = "0123456789ABCDEF0123456789ABCDEF";
    public const string NwkKey = "FEDCBA9876543210FEDCBA9876543210";

    /// <summary>A valid LoRaWAN 1.0.3 definition with every optional field set.</summary>
    public static EndDeviceDefinition Valid() => new()
    {
        DeviceId = "sensor-1",
        DevEui = "70B3D57ED0000001",
        JoinEui = "70B3D57ED0000000",
        AppKey = AppKey,
        LorawanVersion = "MAC_V1_0_3",
        LorawanPhyVersion = "PHY_V1_0_3_REV_A",
        FrequencyPlanId = "EU_863_870_TTN",
        Name = "Cold room 1",
        Description = "Freezer probe",
        Attributes = new Dictionary<string, string> { ["room"] = "cold-1" },
        VersionIds = new EndDeviceVersionIds
        {
            BrandId = "the-things-industries",
            ModelId = "generic-node-sensor-edition",
            HardwareVersion = "1.1",
            FirmwareVersion = "1.0",
            BandId = "EU_863_870",
        },
    };

    public static MemoryStream Utf8(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new MemoryStream(bom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
    }

    public static Task<ThingsStackCsvReadResult> ReadAsync(string csv, bool bom = false)
        => ThingsStackCsvReader.ReadAllAsync(Utf8(csv, bom));
}
