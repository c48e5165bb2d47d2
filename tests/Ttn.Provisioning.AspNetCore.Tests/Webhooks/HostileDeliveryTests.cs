using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Ttn.Provisioning.AspNetCore.Messages;
using Ttn.Provisioning.AspNetCore.Tests.Messages;
using Ttn.Provisioning.AspNetCore.Webhooks;
using Xunit.Abstractions;

namespace Ttn.Provisioning.AspNetCore.Tests.Webhooks;

/// <summary>
/// 10,000 deliveries from a fixed seed, mutated bodies under every kind of wrong request (wrong, missing and replaced
/// secrets, unknown tenants, wrong content types, oversized and deeply nested bodies): no exception escapes, every answer is
/// one of the receiver's, and exactly the authentic, well-formed messages of the tenant's application reach the handler.
/// </summary>
public sealed class HostileDeliveryTests(ITestOutputHelper output)
{
    private const int Seed = 20_261_127;
    private const int Count = 10_000;

    private static readonly HttpStatusCode[] Answers =
    [
        HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.RequestEntityTooLarge,
        HttpStatusCode.UnsupportedMediaType,
    ];

    [Fact]
    public async Task Ten_thousand_hostile_deliveries_reach_the_handler_only_when_authentic_and_well_formed()
    {
        await using var host = await WebhookTestHost.StartAsync(provisioning: o => o.WebhookSecretGracePeriod = TimeSpan.FromMinutes(1));
        var (replaced, application) = await host.ProvisionAsync();
        await host.Service.RotateWebhookSecretAsync(WebhookTestHost.Owner());
        host.Time.Advance(TimeSpan.FromMinutes(2));
        var secret = await host.SecretAsync();
        var seeds = TestBodies.All.Select(file => WebhookTestHost.BodyFor(file, application)).ToArray();
        var random = new Random(Seed);
        var expected = 0;
        var statuses = new Dictionary<HttpStatusCode, int>();

        for (var i = 0; i < Count; i++)
        {
            var seed = seeds[i % seeds.Length];
            var body = random.Next(10) < 7 ? HostileBodyTests.Mutate(seed, random) : Encoding.UTF8.GetBytes(seed);
            var (tenant, presented, contentType, sent) = Attack(random.Next(13), body, secret, replaced);
            var authentic = tenant == "acme" && presented == secret && contentType == "application/json"
                && sent.Length <= TtnWebhookOptions.DefaultMaxBodySize;
            var wellFormed = TtnMessageParser.Default.Parse(sent) is { IsSuccess: true } parsed
                && parsed.Message.EndDevice.ApplicationId == application;

            using var response = await host.PostAsync(tenant, sent, presented, contentType);

            Assert.Contains(response.StatusCode, Answers);
            Assert.True(
                (response.StatusCode == HttpStatusCode.OK) == (authentic && wellFormed),
                $"#{i}: {response.StatusCode} for authentic {authentic}, well-formed {wellFormed}: {Convert.ToBase64String(sent)}");
            expected += authentic && wellFormed ? 1 : 0;
            statuses[response.StatusCode] = statuses.GetValueOrDefault(response.StatusCode) + 1;
        }

        output.WriteLine(string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}: {s.Value}")));
        Assert.Equal(expected, host.Handled.Count);
        Assert.InRange(expected, 1_000, Count - 1_000);
        Assert.All(host.Handled.All, h => Assert.Equal(application, h.Message.EndDevice.ApplicationId));
        Assert.DoesNotContain(host.Logs.GetSnapshot(), r => r.Exception is not null || r.Level >= LogLevel.Error);
    }

    /// <summary>What is wrong with the request besides its body (cases 0 to 5: nothing).</summary>
    private static (string Tenant, string? Secret, string? ContentType, byte[] Body) Attack(
        int kind, byte[] body, string secret, string replaced) =>
        kind switch
        {
            6 => ("acme", secret + "0", "application/json", body),
            7 => ("acme", null, "application/json", body),
            8 => ("acme", replaced, "application/json", body),
            9 => ("nobody", secret, "application/json", body),
            10 => ("acme", secret, "text/plain", body),
            11 => ("acme", secret, null, body),
            12 => ("acme", secret, "application/json", Oversized(body)),
            _ => ("acme", secret, "application/json", body),
        };

    private static byte[] Oversized(byte[] body) =>
        [.. body, .. Encoding.ASCII.GetBytes(new string(' ', (int)TtnWebhookOptions.DefaultMaxBodySize))];
}
