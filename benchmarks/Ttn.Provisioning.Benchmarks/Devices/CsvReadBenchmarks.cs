using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Ttn.Provisioning.Devices;

namespace Ttn.Provisioning.Benchmarks.Devices;

/// <summary>
/// Reading and validating a The Things Stack CSV file of OTAA devices (id, EUIs, AppKey, name, plan, MAC and PHY
/// versions), streamed row by row or read whole. The file is in memory, so this is the parser and the validator alone.
/// </summary>
[MemoryDiagnoser]
public class CsvReadBenchmarks
{
    private byte[] _file = [];

    [Params(10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var csv = new StringBuilder("id;dev_eui;join_eui;app_key;name;frequency_plan_id;lorawan_version;lorawan_phy_version\n");
        for (var n = 1; n <= Rows; n++)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"dev-{n};{n:X16};70B3D57ED0000000;{n:X32};Device {n};EU_863_870_TTN;MAC_V1_0_3;RP001_V1_0_3_REV_A\n");
        }

        _file = Encoding.UTF8.GetBytes(csv.ToString());
    }

    [Benchmark(Description = "Stream rows (OpenAsync + ReadRowsAsync)")]
    public async Task<int> Stream()
    {
        using var reader = await ThingsStackCsvReader.OpenAsync(new MemoryStream(_file));
        var valid = 0;
        await foreach (var row in reader.ReadRowsAsync())
        {
            valid += row.IsValid ? 1 : 0;
        }

        return valid == Rows ? valid : throw new InvalidOperationException($"{Rows - valid} rows were invalid.");
    }

    [Benchmark(Description = "Read whole file (ReadAllAsync)")]
    public async Task<bool> ReadAll()
        => (await ThingsStackCsvReader.ReadAllAsync(new MemoryStream(_file))).IsValid
            ? true
            : throw new InvalidOperationException("The file was invalid.");
}
