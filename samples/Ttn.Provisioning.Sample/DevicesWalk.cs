using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Gateways;
using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.Sample;

/// <summary>
/// Walks a Ready tenant's devices and gateways: registers a device, imports a small The Things Stack CSV file (one row
/// reuses that device's EUIs, so it conflicts) with progress, diagnoses a device, registers a gateway and reads its
/// status, then removes the gateway and the devices. EUIs are derived from the tenant id, so a second run converges.
/// </summary>
internal sealed class DevicesWalk(SampleEnvironment env, SampleSettings settings, Report report)
{
    private const string JoinEui = "70B3D57ED0000000";
    private const string Plan = "EU_863_870_TTN";

    private readonly IDeviceService _devices = env.Devices;
    private readonly IGatewayService _gateways = env.Gateways;
    private readonly ProvisioningCaller _manager = new(settings.TenantId, "bob", TenantRole.Manager);
    private readonly ProvisioningCaller _viewer = new(settings.TenantId, "carol", TenantRole.Viewer);
    private readonly string _euiPrefix = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(settings.TenantId)))[..10];

    public async Task RunAsync()
    {
        await RegisterOneAsync();
        var imported = await ImportAsync();
        await DiagnoseAsync("walk-sensor-1");
        var gatewayId = await RegisterGatewayAsync();
        if (gatewayId is not null)
        {
            await GatewayStatusAsync(gatewayId);
            await RemoveGatewayAsync(gatewayId);
        }

        await RemoveDevicesAsync(["walk-sensor-0", .. imported]);
    }

    private async Task RegisterOneAsync()
    {
        report.Step("Register device walk-sensor-0 as a manager (bob): IS create, then JS (root key), NS and AS set");
        var result = await _devices.RegisterDeviceAsync(_manager, Device(0, "walk-sensor-0"));
        report.Cost();
        Report.Line(result.ToString());
        report.Expect(
            result.Status is DeviceOutcome.Registered or DeviceOutcome.AlreadyPresent,
            "the device is registered (or already was, on a second run)",
            result.Error?.Message ?? result.Status?.ToString());
    }

    /// <summary>Imports four rows; row 3 reuses walk-sensor-0's EUIs. Returns the ids of the rows registered.</summary>
    private async Task<IReadOnlyList<string>> ImportAsync()
    {
        report.Step("Import a The Things Stack CSV of four devices as a manager; row 3 reuses walk-sensor-0's EUIs");
        var csv = new StringBuilder("id;dev_eui;join_eui;app_key;name\n");
        foreach (var (n, eui) in new[] { (1, 1), (2, 2), (3, 0), (4, 4) })
        {
            csv.Append(CultureInfo.InvariantCulture, $"walk-sensor-{n};{DevEui(eui)};{JoinEui};{AppKey(n)};Walk sensor {n}\n");
        }

        using var file = new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString()));
        var options = new DeviceImportOptions
        {
            MaxConcurrency = 2,
            Progress = new ProgressPrinter(),
            FrequencyPlanId = Plan,
            LorawanVersion = "MAC_V1_0_3",
            LorawanPhyVersion = "RP001_V1_0_3_REV_A",
        };
        var result = await _devices.ImportDevicesAsync(_manager, file, options);
        report.Cost();
        PrintImport(result);
        report.Expect(result.Outcome == ProvisioningOutcome.Succeeded, "the import ran to the end", result.Error?.Message);
        report.Expect(result.Registered + result.AlreadyPresent == 3, "three rows are registered", result.ToString());
        var conflict = result.Rows.FirstOrDefault(r => r.Outcome == DeviceOutcome.Conflict);
        report.Expect(
            conflict is { Row: 3 } && conflict.Reason?.Contains("walk-sensor-0", StringComparison.Ordinal) == true,
            "row 3 is a conflict that names walk-sensor-0, and nothing was created for it",
            conflict?.Reason);
        return [.. result.Rows.Where(r => r.Succeeded).Select(r => r.DeviceId)];
    }

    private async Task DiagnoseAsync(string deviceId)
    {
        report.Step($"Diagnose {deviceId} as a viewer (carol): read IS, JS, NS and AS together");
        var result = await _devices.DiagnoseDeviceAsync(_viewer, deviceId);
        report.Cost();
        Report.Line(result.ToString());
        report.Expect(result.IsComplete, "all four registries hold it (no split brain)", $"held by {result.HeldBy}");
    }

    private async Task<string?> RegisterGatewayAsync()
    {
        report.Step("Register a gateway under the tenant's organization as a manager, with an LNS key for Basics Station");
        var gateway = new GatewayDefinition
        {
            Eui = _euiPrefix + "FFFE01",
            Name = "Walk gateway",
            FrequencyPlanIds = [Plan],
            CreateLnsKey = true,
        };
        var result = await _gateways.RegisterGatewayAsync(_manager, gateway);
        report.Cost();
        Report.Line(result.ToString());
        Report.Line("(the LNS key is answered this once: TTS never shows it again, and the library seals it only when asked)");
        report.Expect(
            result.Status is GatewayRegistrationStatus.Registered or GatewayRegistrationStatus.AlreadyPresent,
            "the gateway is registered",
            result.Error?.Message ?? result.ConflictMessage ?? result.Status?.ToString());
        return result.GatewayId;
    }

    private async Task GatewayStatusAsync(string gatewayId)
    {
        var connected = env.Fake is not null;
        if (env.Fake is { } fake)
        {
            // On the fake, the gateway "connects": its Gateway Server reports a recent status and some traffic.
            var now = fake.TimeProvider.GetUtcNow();
            fake.SetGatewayConnectionStats(gatewayId, new FakeGatewayConnectionStats
            {
                ConnectedAt = now.AddMinutes(-10), Protocol = "ws", LastStatusReceivedAt = now.AddSeconds(-20), UplinkCount = 42,
            }, cluster: env.Clusters.Count > 1 ? env.DefaultCluster : null);
        }

        report.Step($"Read the status of {gatewayId} as a viewer (carol) from the Gateway Server's connection stats");
        var result = await _gateways.GetGatewayStatusAsync(_viewer, [gatewayId]);
        report.Cost();
        var status = result.Gateways.FirstOrDefault();
        Report.Line(status is null
            ? result.ToString()
            : $"{status}: protocol {status.Protocol ?? "-"}, "
              + $"last status {status.LastStatusReceivedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "-"}, "
              + $"{status.UplinkCount} uplinks, {status.DownlinkCount} downlinks");
        report.Expect(
            status is not null && status.IsOnline == connected,
            connected ? "it is online, with its uplink count" : "it has never connected, so it is offline",
            status?.ToString());
    }

    private async Task RemoveGatewayAsync(string gatewayId)
    {
        report.Step($"Remove {gatewayId} as a manager");
        var result = await _gateways.RemoveGatewayAsync(_manager, gatewayId);
        report.Cost();
        var purged = result.Purged ? ", purged" : result.IdReserved ? ", the id stays reserved" : "";
        Report.Line($"{result.Outcome}: {result.Status}{purged}");
        report.Expect(
            result.Outcome == ProvisioningOutcome.Succeeded, "the gateway is deleted (its EUI is free at once)", result.Error?.Message);
    }

    private async Task RemoveDevicesAsync(IReadOnlyList<string> deviceIds)
    {
        report.Step($"Remove the {deviceIds.Count} devices as a manager: AS, NS, JS, then IS; each release checked by EUI");
        var results = new List<DeviceRemovalResult>();
        foreach (var deviceId in deviceIds)
        {
            results.Add(await _devices.RemoveDeviceAsync(_manager, deviceId));
        }

        report.Cost();
        results.ForEach(r => Report.Line(r.ToString()));
        report.Expect(
            results.All(r => r.Outcome == ProvisioningOutcome.Succeeded && r.Remaining == DeviceRegistries.None && r.EuisReleased == true),
            "every device is gone from the four registries and its EUIs are free");
        if (env.Fake is { } fake)
        {
            var left = fake.EndDevices.Count;
            report.Expect(left == 0, "TTS holds no device any more", left.ToString(CultureInfo.InvariantCulture));
        }
    }

    private EndDeviceDefinition Device(int n, string id) => new()
    {
        DeviceId = id,
        DevEui = DevEui(n),
        JoinEui = JoinEui,
        AppKey = AppKey(n),
        LorawanVersion = "MAC_V1_0_3",
        LorawanPhyVersion = "RP001_V1_0_3_REV_A",
        FrequencyPlanId = Plan,
        Name = $"Walk sensor {n}",
    };

    private string DevEui(int n) => _euiPrefix + n.ToString("X6", CultureInfo.InvariantCulture);

    private string AppKey(int n) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{settings.TenantId}/{n}")))[..32];

    /// <summary>Prints every row's outcome, the validation errors (never a key) and the counts.</summary>
    public static void PrintImport(DeviceImportResult result)
    {
        foreach (var error in result.ValidationErrors)
        {
            Report.Line($"invalid: {error}");
        }

        foreach (var row in result.Rows)
        {
            Report.Line($"row {row.Row}: {row.DeviceId}: {row.Outcome}{(row.Reason is null ? "" : $": {row.Reason}")}");
        }

        Report.Line(result.ToString());
    }

    /// <summary>Prints each progress report as it comes (on the reporting thread, unlike <see cref="Progress{T}"/>).</summary>
    public sealed class ProgressPrinter : IProgress<DeviceImportProgress>
    {
        private readonly Lock _gate = new();

        public void Report(DeviceImportProgress value)
        {
            lock (_gate)
            {
                Sample.Report.Line($"progress: {value}");
            }
        }
    }
}
