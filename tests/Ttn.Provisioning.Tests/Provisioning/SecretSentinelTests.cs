using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.ThingsStack;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Provisioning;

/// <summary>
/// Secrets never reach a log record (any level), a status view, a result's ToString(), an exception or an Activity
/// tag. Every secret that crossed the wire (the admin key, each organization, application and gateway key TTS
/// returned, each webhook secret sent) is collected and searched for, as is, and in base64.
/// </summary>
public sealed partial class SecretSentinelTests
{
    /// <summary>The public operations of IProvisioningService; the sentinel runs each on a success and a failure path.</summary>
    internal static readonly string[] Operations =
    [
        nameof(IProvisioningService.ProvisionAsync), nameof(IProvisioningService.RetryAsync), nameof(IProvisioningService.StartFreshAsync),
        nameof(IProvisioningService.DeepCleanAsync), nameof(IProvisioningService.GetStatusAsync), nameof(IProvisioningService.GetCredentialsAsync),
        nameof(IProvisioningService.CheckApiKeyAsync), nameof(IProvisioningService.ConfigureExistingApplicationAsync),
        nameof(IProvisioningService.RotateWebhookSecretAsync), nameof(IProvisioningService.VerifyWebhookSecretAsync),
        nameof(IProvisioningService.RotateOrganizationKeyAsync), nameof(IProvisioningService.UpdateSettingsAsync),
        nameof(IProvisioningService.TestConnectionAsync), nameof(IProvisioningService.GetHistoryAsync),
    ];

    [Fact]
    public void The_sentinel_covers_every_public_operation()
    {
        var declared = typeof(IProvisioningService).GetMethods().Select(m => m.Name).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(declared, Operations.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_operation_on_its_success_and_failure_paths_leaks_no_secret()
    {
        var wire = new ConcurrentBag<string>();
        var activityTexts = new ConcurrentBag<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => activityTexts.Add(Describe(activity)),
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = new ProvisioningTestHost(services: s =>
        {
            s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
            s.AddHttpClient(ThingsStackClient.HttpClientName).AddHttpMessageHandler(() => new SecretHarvester(wire));
        });
        using var other = new OtherAccount(host.Fake);
        var texts = new List<string>();
        var service = host.Service;

        // Expected outcomes are results: an operation that starts throwing fails the test here.
        async Task Run(Func<Task<object?>> operation) => texts.Add((await operation())?.ToString() ?? string.Empty);

        // Misuse is an exception, whose text is searched too.
        async Task Misuse(Func<Task> operation) => texts.Add((await Assert.ThrowsAnyAsync<ArgumentException>(operation)).ToString());

        async Task Status(ProvisioningCaller caller)
        {
            var result = await service.GetStatusAsync(caller);
            texts.Add(result.ToString());
            texts.Add(JsonSerializer.Serialize(result.Status));
        }

        // Provision: failure (and the status of the failed tenant), then retry: success.
        var rule = host.Fake.Faults.Add(HttpMethod.Post, "applications/*/api-keys", FakeFault.Status(503), onCall: 1);
        await Run(async () => await service.ProvisionAsync(Owner()));
        await Status(Owner());
        await Run(async () => await service.RetryAsync(Owner()));
        await Run(async () => await service.RetryAsync(Owner()));
        await Status(Owner());
        await Status(As(TenantRole.None));
        var status = (await service.GetStatusAsync(Owner())).Status!;
        await Run(async () => await service.GetCredentialsAsync(As(TenantRole.Manager)));
        await Run(async () => await service.GetCredentialsAsync(As(TenantRole.Viewer)));

        // Rotation: failure (lost answer), then success.
        host.Fake.Faults.Add(HttpMethod.Put, "as/webhooks/*/*", FakeFault.DropConnection(), onCall: 2, timing: FakeFaultTiming.AfterOperation);
        await Run(async () => await service.RotateWebhookSecretAsync(Owner()));
        await Run(async () => await service.RotateWebhookSecretAsync(Owner()));
        var credentials = (await service.GetCredentialsAsync(Owner())).Credentials!;
        texts.Add($"{credentials}");
        texts.Add(JsonSerializer.Serialize(credentials.ToString()));
        await Run(async () => await service.VerifyWebhookSecretAsync("acme", credentials.WebhookSecret.Secret.Value));
        await Run(async () => await service.VerifyWebhookSecretAsync("acme", "not-the-secret"));

        // Checking a key: success, failure from TTS, misuse (a malformed key must not be echoed).
        await Run(async () => await service.CheckApiKeyAsync(Owner(), credentials.ApplicationApiKey.Secret.Value!, status.ApplicationId!));
        host.Fake.Faults.Add(HttpMethod.Get, "applications/*/rights", FakeFault.Status(503), onCall: 2);
        await Run(async () => await service.CheckApiKeyAsync(Owner(), credentials.ApplicationApiKey.Secret.Value!, status.ApplicationId!));
        await Misuse(() => service.CheckApiKeyAsync(Owner(), credentials.OrganizationApiKey.Secret.Value! + " tail", status.ApplicationId!));
        await Run(async () => await service.CheckApiKeyAsync(As(TenantRole.Staff), credentials.OrganizationApiKey.Secret.Value!, status.ApplicationId!));

        // Bringing an application: a key without the rights (failure), then a sufficient key (success), for another tenant.
        await other.CreateApplicationAsync("their-app");
        var weakKey = await other.CreateApplicationKeyAsync("their-app", "RIGHT_APPLICATION_INFO");
        var goodKey = await other.CreateApplicationKeyAsync("their-app", "RIGHT_APPLICATION_ALL");
        wire.Add(weakKey);
        wire.Add(goodKey);
        await Run(async () => await service.ConfigureExistingApplicationAsync(Owner("globex"), "their-app", weakKey));
        await Run(async () => await service.ConfigureExistingApplicationAsync(Owner("globex"), "their-app", goodKey));
        await Run(async () => await service.ConfigureExistingApplicationAsync(As(TenantRole.Viewer, "globex"), "their-app", goodKey));
        await Run(async () => await service.GetCredentialsAsync(Owner("globex")));

        // Organization key rotation: failure (TTS refuses the new key), then success, then denied.
        host.Fake.Faults.Add(HttpMethod.Post, "organizations/*/api-keys", FakeFault.Status(503), onCall: 1);
        await Run(async () => await service.RotateOrganizationKeyAsync(Owner()));
        await Run(async () => await service.RotateOrganizationKeyAsync(Owner()));
        await Run(async () => await service.RotateOrganizationKeyAsync(As(TenantRole.Manager)));
        await Run(async () => await service.GetCredentialsAsync(Owner()));

        // Settings: a failure (TTS refuses the masked update), then applied by asking again; refused while disabled; misuse.
        host.Fake.Faults.Add(HttpMethod.Put, "as/webhooks/*/*", FakeFault.Status(503), onCall: 1);
        await Run(async () => await service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate { Enabled = false, Messages = WebhookMessageTypes.All }));
        await Run(async () => await service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate()));
        await Run(async () => await service.RotateWebhookSecretAsync(Owner()));
        await Misuse(() => service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate { Messages = WebhookMessageTypes.None }));
        await Misuse(() => service.ProvisionAsync(Owner(), "eu2"));
        await Run(async () => await service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate { Enabled = true }));

        // Connection test: success, a failure (TTS refuses the webhook read), a tenant never provisioned; its stored result.
        async Task Test(ProvisioningCaller caller)
        {
            var result = await service.TestConnectionAsync(caller);
            texts.Add(result.ToString());
            texts.Add(JsonSerializer.Serialize(result.Test));
            texts.AddRange(result.Test?.Checks.Select(c => c.ToString()) ?? []);
        }

        await Test(Owner());
        host.Fake.Faults.Add(HttpMethod.Get, "as/webhooks/*/*", FakeFault.Status(503), onCall: 1);
        await Test(As(TenantRole.Staff));
        await Test(Owner("never-provisioned"));
        await Status(Owner());

        // Start fresh: failure (a delete refused), then success; deep clean: failure, then success.
        var deleteApplication = host.Fake.Faults.Add(HttpMethod.Delete, "applications/*", FakeFault.Status(500), onCall: 1);
        await Run(async () => await service.StartFreshAsync(Owner()));
        await Run(async () => await service.StartFreshAsync(Owner()));
        host.Fake.Faults.Add(HttpMethod.Delete, "organizations/*/api-keys/*", FakeFault.Status(503), onCall: 1);
        await Run(async () => await service.DeepCleanAsync(Owner()));
        await Run(async () => await service.DeepCleanAsync(Owner()));
        await Run(async () => await service.DeepCleanAsync(Owner("globex")));
        await Run(async () => await service.DeepCleanAsync(As(TenantRole.Manager)));
        Assert.Equal(1, rule.AppliedCount);
        Assert.Equal(1, deleteApplication.AppliedCount);

        // History: every entry of both tenants, as text and as JSON, and a denied read.
        foreach (var tenant in new[] { "acme", "globex" })
        {
            var history = await service.GetHistoryAsync(Owner(tenant), limit: 100);
            Assert.NotEmpty(history.Entries);
            texts.Add(history.ToString());
            texts.AddRange(history.Entries.Select(e => e.ToString()));
            texts.Add(JsonSerializer.Serialize(history.Entries));
        }

        await Run(async () => await service.GetHistoryAsync(As(TenantRole.Viewer)));

        texts.AddRange(host.Logs.GetSnapshot().Select(r => $"{r.Level} {r.Category} {r.Message} {r.Exception} {string.Join(",", r.StructuredState ?? [])}"));
        texts.AddRange(activityTexts);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Level <= LogLevel.Debug);
        Assert.Contains(activityTexts, t => t.StartsWith("Ttn.Provisioning ", StringComparison.Ordinal));

        wire.Add(host.AdminKey);
        var secrets = wire.Where(s => s.Length >= 16).Distinct(StringComparer.Ordinal).ToList();
        Assert.True(secrets.Count >= 8, $"Only {secrets.Count} secrets were seen on the wire.");
        foreach (var secret in secrets)
        {
            var secretPart = secret.Contains('.', StringComparison.Ordinal) ? secret[(secret.LastIndexOf('.') + 1)..] : secret;
            var forms = new[]
            {
                secretPart,
                Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secret)),
                Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secretPart)),
            };
            Assert.All(texts, text => Assert.All(forms, form => Assert.DoesNotContain(form, text, StringComparison.Ordinal)));
        }
    }

    private static string Describe(Activity activity) =>
        $"{activity.DisplayName} {activity.StatusDescription} {string.Join(",", activity.TagObjects.Select(t => $"{t.Key}={t.Value}"))} "
        + string.Join(",", activity.Events.Select(e => e.Name + string.Join(",", e.Tags.Select(t => $"{t.Key}={t.Value}"))));

    [GeneratedRegex("NNSXS\\.[A-Z0-9]+\\.[A-Z0-9]+")]
    private static partial Regex ApiKeyPattern();

    /// <summary>Collects every secret that crosses the wire: bearer tokens, keys in answers, webhook secrets in bodies.</summary>
    private sealed class SecretHarvester(ConcurrentBag<string> secrets) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.Authorization is AuthenticationHeaderValue { Parameter: { } token })
            {
                secrets.Add(token);
            }

            if (request.Content is not null)
            {
                var body = await request.Content.ReadAsStringAsync(cancellationToken);
                foreach (Match match in WebhookSecretPattern().Matches(body))
                {
                    secrets.Add(match.Groups[1].Value);
                }
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

    [GeneratedRegex("\"X-Webhook-Secret\"\\s*:\\s*\"([^\"]+)\"")]
    private static partial Regex WebhookSecretPattern();
}
