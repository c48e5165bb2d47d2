using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Gateways;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.Tests.Provisioning;
using Ttn.Provisioning.ThingsStack;
using static Ttn.Provisioning.Tests.Devices.DeviceSamples;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Devices;

/// <summary>
/// The secret sentinel of the device and gateway services: device root keys (AppKey, NwkKey), the application and
/// organization keys they act with, a gateway's claim code and its LNS key never reach a log record (any level), a
/// result's ToString(), an exception or an Activity tag, on every operation's success and failure paths.
/// </summary>
public sealed partial class DeviceSecretSentinelTests
{
    private const string NwkKey = "9F86D081884C7D659A2FEAA0C55AD015";
    private const string ClaimCode = "claim-me-5c1e9a07f3";

    /// <summary>The public operations of IDeviceService and IGatewayService; the sentinel runs each.</summary>
    internal static readonly string[] Operations =
    [
        nameof(IDeviceService.RegisterDeviceAsync), nameof(IDeviceService.GetDeviceAsync), nameof(IDeviceService.ListDevicesAsync),
        nameof(IDeviceService.DiagnoseDeviceAsync), nameof(IDeviceService.RepairDeviceAsync), nameof(IDeviceService.RemoveDeviceAsync),
        nameof(IDeviceService.ImportDevicesAsync), nameof(IGatewayService.RegisterGatewayAsync),
        nameof(IGatewayService.GetGatewayStatusAsync), nameof(IGatewayService.RemoveGatewayAsync),
    ];

    [Fact]
    public void The_sentinel_covers_every_public_operation_of_the_device_and_gateway_services()
    {
        var declared = typeof(IDeviceService).GetMethods().Concat(typeof(IGatewayService).GetMethods())
            .Select(m => m.Name).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(declared, Operations.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_device_and_gateway_operation_on_its_success_and_failure_paths_leaks_no_key()
    {
        var wire = new ConcurrentBag<string>();
        var activityTexts = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => activityTexts.Add(
                $"{activity.DisplayName} {activity.StatusDescription} {string.Join(",", activity.TagObjects.Select(t => $"{t.Key}={t.Value}"))}"),
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = new ProvisioningTestHost(services: s =>
        {
            s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
            s.AddHttpClient(ThingsStackClient.HttpClientName).AddHttpMessageHandler(() => new KeyHarvester(wire));
        });
        var application = await ReadyTenantAsync(host);
        var devices = host.Devices;
        var gateways = host.Gateways;
        var texts = new List<string>();
        async Task Run(Func<Task<object?>> operation) => texts.Add((await operation())?.ToString() ?? string.Empty);
        async Task Misuse(Func<Task> operation) => texts.Add((await Assert.ThrowsAnyAsync<ArgumentException>(operation)).ToString());
        var lorawan11 = Device(1) with { LorawanVersion = "MAC_V1_1", LorawanPhyVersion = "RP001_V1_1_REV_B", NwkKey = NwkKey };

        // Registration: success (LoRaWAN 1.1, both root keys), a roll-back, a conflict, misuse with a key in the wrong field.
        await Run(async () => await devices.RegisterDeviceAsync(Owner(), lorawan11));
        host.Fake.Faults.Add(HttpMethod.Put, "ns/applications/*/devices/*", FakeFault.Status(500), onCall: 2);
        await Run(async () => await devices.RegisterDeviceAsync(Owner(), Device(2)));
        await Run(async () => await devices.RegisterDeviceAsync(Owner(), Device(3) with { DevEui = DevEui(1) }));
        await Misuse(() => devices.RegisterDeviceAsync(Owner(), Device(4) with { DevEui = AppKey(4), JoinEui = NwkKey }));

        // Reads: success and failure.
        await Run(async () => await devices.GetDeviceAsync(Owner(), "sensor-1"));
        await Run(async () => await devices.GetDeviceAsync(Owner(), "unknown-device"));
        await Run(async () => await devices.ListDevicesAsync(Owner()));
        host.Fake.Faults.Add(HttpMethod.Get, "js/applications/*/devices/*", FakeFault.Status(503), onCall: 1);
        await Run(async () => await devices.DiagnoseDeviceAsync(Owner(), "sensor-1"));
        await Run(async () => await devices.DiagnoseDeviceAsync(Owner(), "sensor-1"));

        // Repair (complete with the keys, then a failure), removal (failure, then success).
        var applicationKey = (await host.Service.GetCredentialsAsync(Owner())).Credentials!.ApplicationApiKey.Secret.Value!;
        using (var direct = new FakeDirect(host.Fake, applicationKey))
        {
            await direct.DeleteDeviceAsync("js", application, "sensor-1");
        }

        await Run(async () => await devices.RepairDeviceAsync(Owner(), "sensor-1", lorawan11));
        host.Fake.Faults.Add(HttpMethod.Get, "as/applications/*/devices/*", FakeFault.Status(500), onCall: 1);
        await Run(async () => await devices.RepairDeviceAsync(Owner(), "sensor-1", lorawan11));
        host.Fake.Faults.Add(HttpMethod.Delete, "as/applications/*/devices/*", FakeFault.DropConnection(), onCall: 1);
        await Run(async () => await devices.RemoveDeviceAsync(Owner(), "sensor-1"));
        await Run(async () => await devices.RemoveDeviceAsync(Owner(), "sensor-1"));

        // Import: a file with a key typed into the DevEUI column (validation), then a good file with a failing row, then definitions.
        var keyInTheWrongColumn = Csv(2).Replace(DevEui(2), AppKey(2), StringComparison.Ordinal);
        await Run(async () => await devices.ImportDevicesAsync(Owner(), DeviceImportTests.Utf8(keyInTheWrongColumn)));
        host.Fake.Faults.Add(HttpMethod.Put, "js/applications/*/devices/*", FakeFault.Status(400), onCall: 2);
        await Run(async () => await devices.ImportDevicesAsync(Owner(), DeviceImportTests.Utf8(Csv(3, first: 10))));
        await Run(async () => await devices.ImportDevicesAsync(Owner(), [lorawan11 with { DeviceId = "sensor-20", DevEui = DevEui(20) }]));

        // Gateways: claimed with its code and an LNS key, a conflict, status, removal.
        host.Fake.AddClaimableGateway(Gateway(1).Eui, ClaimCode);
        var claimed = await gateways.RegisterGatewayAsync(Owner(), Gateway(1) with { ClaimAuthenticationCode = ClaimCode, CreateLnsKey = true });
        texts.Add(claimed.ToString());
        wire.Add(claimed.LnsApiKey.Value!);
        await Run(async () => await gateways.RegisterGatewayAsync(Owner(), Gateway(2) with { Eui = Gateway(1).Eui, ClaimAuthenticationCode = ClaimCode }));
        await Misuse(() => gateways.RegisterGatewayAsync(Owner(), Gateway(3) with { Eui = ClaimCode, ClaimAuthenticationCode = ClaimCode }));
        await Run(async () => await gateways.GetGatewayStatusAsync(Owner()));
        await Run(async () => await gateways.RemoveGatewayAsync(Owner(), "eui-b827ebfffe000001"));
        await Run(async () => await gateways.RemoveGatewayAsync(Owner(), "never-there"));

        // History: device changes are written to it, failures with TTS's message; as text and as JSON.
        var history = await host.Service.GetHistoryAsync(Owner(), limit: 100);
        Assert.Contains(history.Entries, e => e.Operation == ProvisioningOperation.RegisterGateway);
        texts.AddRange(history.Entries.Select(e => e.ToString()));
        texts.Add(JsonSerializer.Serialize(history.Entries));

        texts.AddRange(host.Logs.GetSnapshot().Select(r => $"{r.Message} {r.Exception} {string.Join(",", r.StructuredState ?? [])}"));
        texts.AddRange(activityTexts);
        Assert.Contains(activityTexts, t => t.StartsWith("Ttn.Provisioning RegisterDevice", StringComparison.Ordinal));
        string[] keys = [AppKey(1), AppKey(2), AppKey(4), AppKey(10), AppKey(11), AppKey(12), NwkKey, ClaimCode, .. wire];
        foreach (var key in keys.Where(k => k.Length >= 16).Distinct(StringComparer.Ordinal))
        {
            var secretPart = key.Contains('.', StringComparison.Ordinal) ? key[(key.LastIndexOf('.') + 1)..] : key;
            string[] forms = [secretPart, secretPart.ToLowerInvariant(), Convert.ToBase64String(Encoding.UTF8.GetBytes(key))];
            Assert.All(texts, text => Assert.All(forms, form => Assert.DoesNotContain(form, text, StringComparison.Ordinal)));
        }
    }

    [GeneratedRegex("NNSXS\\.[A-Z0-9]+\\.[A-Z0-9]+")]
    private static partial Regex ApiKeyPattern();

    /// <summary>Collects the API keys that cross the wire: bearer tokens and keys in answers.</summary>
    private sealed class KeyHarvester(ConcurrentBag<string> secrets) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.Authorization is AuthenticationHeaderValue { Parameter: { } token })
            {
                secrets.Add(token);
            }

            var response = await base.SendAsync(request, cancellationToken);
            var answer = await response.Content.ReadAsStringAsync(cancellationToken);
            foreach (Match match in ApiKeyPattern().Matches(answer))
            {
                secrets.Add(match.Value);
            }

            return response;
        }
    }
}
