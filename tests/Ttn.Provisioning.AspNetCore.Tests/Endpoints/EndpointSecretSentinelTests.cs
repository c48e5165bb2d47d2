using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.AspNetCore.Tests.Endpoints;

/// <summary>
/// The package's secret sentinel: every secret the fake issued or was sent (admin key, organization, application and gateway
/// keys, webhook secrets, a brought key) is searched for in every answer of every endpoint for every role, in every log record
/// and in every problem. Only a reveal answer may hold a secret, and only one the caller's role may see.
/// </summary>
public sealed class EndpointSecretSentinelTests
{
    [Fact]
    public async Task No_answer_log_or_problem_holds_a_secret_the_caller_may_not_see()
    {
        await using var host = await EndpointHost.StartAsync(
            configure: o => o.CreateGatewayApiKey = true,
            services: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace)));
        var answers = new List<(string Role, string Endpoint, Answer Answer)>();

        async Task Run(string endpoint, object? body = null, string? rawBody = null)
        {
            var @case = EndpointCase.Named(endpoint);
            foreach (var role in EndpointCase.Everyone)
            {
                answers.Add((role, endpoint, await host.SendAsync(@case.Method, @case.Path(), role, body, rawBody: rawBody)));
            }
        }

        // A failure first (its problem carries what TTS answered), then every endpoint on a Ready tenant, destructive ones last.
        host.Fake.Faults.Add(HttpMethod.Post, "applications/*/api-keys", FakeFault.Status(503), onCall: 1);
        await Run("provision");
        await Run("retry");
        await Run("status");
        await Run("credentials");
        await Run("reveal");
        var credentials = (await host.Service.GetCredentialsAsync(EndpointHost.Owner())).Credentials!;
        var key = credentials.ApplicationApiKey.Secret.Value!;
        await Run("api-key-check", new { applicationId = credentials.ApplicationId, apiKey = key });
        await Run("api-key-check", new { applicationId = "Bad_Id", apiKey = key });
        await Run("api-key-check", rawBody: $"{{\"applicationId\":\"x\",\"apiKey\":\"{key}");
        await Run("webhook-secret/rotate");
        await Run("organization-key/rotate");
        await Run("settings", new { enabled = false, messages = new[] { "Uplink", "DownlinkFailed" } });
        await Run("settings", new { enabled = true });
        await Run("connection-test");
        await Run("history");
        await Run("reveal");
        host.Fake.Faults.Add(HttpMethod.Delete, "applications/*", FakeFault.Status(500), onCall: 1);
        await Run("start-fresh", new { confirm = EndpointHost.Tenant });
        await Run("deep-clean", new { confirm = EndpointHost.Tenant });
        var brought = await EndpointCase.Named("existing-application").Arrange(host);
        await Run("existing-application", brought);
        await Run("reveal");

        var secrets = host.Secrets.All;
        Assert.Contains(secrets, s => s.Kind == SecretKind.OrganizationKey);
        Assert.Contains(secrets, s => s.Kind == SecretKind.ApplicationKey);
        Assert.Contains(secrets, s => s.Kind == SecretKind.WebhookSecret);
        Assert.Contains(secrets, s => s.Kind == SecretKind.Brought);
        Assert.Contains(answers, a => a.Answer.Status == 502);
        var logs = host.Logs.GetSnapshot()
            .Select(r => $"{r.Level} {r.Category} {r.Message} {r.Exception} {string.Join(",", r.StructuredState ?? [])}")
            .ToList();
        Assert.NotEmpty(logs);
        foreach (var (secret, kind) in secrets)
        {
            foreach (var form in SecretHarvest.Forms(secret))
            {
                Assert.All(logs, line => Assert.DoesNotContain(form, line, StringComparison.Ordinal));
                foreach (var (role, endpoint, answer) in answers)
                {
                    if (!(endpoint == "reveal" && answer.Status == 200 && MaySee(role, kind)))
                    {
                        Assert.False(
                            answer.Body.Contains(form, StringComparison.Ordinal), $"{kind} in {endpoint} answered to {role}: {answer}");
                    }
                }
            }
        }

        // The reveal does give what the role may see: the sentinel would be blind if it never did.
        var managerReveals = answers.Where(a => a.Endpoint == "reveal" && a.Role == "Manager").Select(a => a.Answer.Body).ToList();
        Assert.Contains(managerReveals, body => body.Contains("\"revealed\"", StringComparison.Ordinal));
        Assert.Contains(managerReveals, body => body.Contains("\"withheld\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_answer_or_log_of_the_device_endpoints_holds_an_app_key()
    {
        await using var host = await EndpointHost.StartAsync(services: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace)));
        await host.ProvisionAsync();
        await DeviceEndpointTests.ForeignDeviceAsync(host, EndpointCase.DevEui(9));
        var answers = new List<Answer>();

        async Task Run(HttpMethod method, string route, object? body = null, string? rawBody = null)
        {
            foreach (var role in EndpointCase.Everyone)
            {
                answers.Add(await host.SendAsync(method, $"/ttn/tenants/acme/{route}", role, body, rawBody: rawBody));
            }
        }

        // Registered, already present, denied; a conflict; a key of the wrong shape; a bad EUI beside a good key; broken JSON.
        await Run(HttpMethod.Post, "devices", EndpointCase.DeviceBody(1));
        await Run(HttpMethod.Post, "devices", EndpointCase.DeviceBody(9));
        await Run(HttpMethod.Post, "devices", rawBody: $"{{\"devEui\":\"{EndpointCase.DevEui(2)}\",\"joinEui\":\"{EndpointCase.JoinEui}\","
            + $"\"appKey\":\"{EndpointCase.AppKey(2)}0F\",\"frequencyPlanId\":\"EU_863_870_TTN\"}}");
        await Run(HttpMethod.Post, "devices", rawBody: $"{{\"devEui\":\"70B3D57ED00000XY\",\"appKey\":\"{EndpointCase.AppKey(3)}\"}}");
        await Run(HttpMethod.Post, "devices", rawBody: $"{{\"devEui\":\"{EndpointCase.DevEui(4)}\",\"appKey\":\"{EndpointCase.AppKey(4)}");

        // A registration that fails on the Network Server and is rolled back (502 with what was created and removed).
        host.Fake.Faults.Add(HttpMethod.Put, "ns/applications/*/devices/*", FakeFault.Status(503), onCall: 1);
        await Run(HttpMethod.Post, "devices", EndpointCase.DeviceBody(5));

        // Imports: rows registered and one conflicting; an invalid EUI beside keys; a key of the wrong shape.
        await Run(HttpMethod.Post, "devices/import", new CsvFile(EndpointCase.Csv(3, first: 6) + $"other;{EndpointCase.DevEui(9)};"
            + $"{EndpointCase.JoinEui};{EndpointCase.AppKey(10)};EU_863_870_TTN;MAC_V1_0_3;RP001_V1_0_3_REV_A;x\n"));
        await Run(HttpMethod.Post, "devices/import", new CsvFile(EndpointCase.Csv(2, first: 11).Replace(
            EndpointCase.DevEui(12), "70B3D57ED00000XY", StringComparison.Ordinal)));
        await Run(HttpMethod.Post, "devices/import", new CsvFile(EndpointCase.Csv(1, first: 13).Replace(
            EndpointCase.AppKey(13), EndpointCase.AppKey(13)[..30] + "ZZ", StringComparison.Ordinal)));

        // Reads, a repair that brings the keys again, a removal.
        await Run(HttpMethod.Get, "devices");
        await Run(HttpMethod.Get, "devices/sensor-1");
        await Run(HttpMethod.Get, "devices/sensor-1/diagnosis");
        await Run(HttpMethod.Post, "devices/sensor-1/repair", new { completeWith = EndpointCase.DeviceBody(1) });
        await Run(HttpMethod.Delete, "devices/sensor-6");

        Assert.Equal([200, 201, 400, 403, 409, 502], answers.Select(a => a.Status).Distinct().Order());
        Assert.Contains(answers, a => a.Text("reasonCode") == "invalid-rows");
        Assert.Contains(answers, a => a.Body.Contains("\"Conflict\"", StringComparison.Ordinal) && a.Status == 200);
        Assert.Equal(5, host.Fake.EndDevices.Count); // their-sensor, sensor-1, sensor-5, sensor-7 and sensor-8
        var logs = host.Logs.GetSnapshot()
            .Select(r => $"{r.Level} {r.Category} {r.Message} {r.Exception} {string.Join(",", r.StructuredState ?? [])}")
            .ToList();
        Assert.NotEmpty(logs);

        // Every AppKey shares this prefix: no answer or log line holds any key, or even its first half, in either case.
        var prefix = EndpointCase.AppKey(1)[..16];
        foreach (var text in answers.Select(a => a.Body).Concat(logs))
        {
            Assert.DoesNotContain(prefix, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>The default policy: owners and admins see every stored key; managers the application key and webhook secret.</summary>
    private static bool MaySee(string role, SecretKind kind) => (role, kind) switch
    {
        ("Owner" or "Admin", not (SecretKind.Admin or SecretKind.Bearer)) => true,
        ("Manager", SecretKind.ApplicationKey or SecretKind.WebhookSecret or SecretKind.Brought) => true,
        _ => false,
    };
}
