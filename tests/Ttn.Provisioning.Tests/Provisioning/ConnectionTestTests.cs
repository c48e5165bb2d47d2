using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.Tests.Reliability;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Provisioning;

/// <summary>Issue 11, part 3: the connection test, with the tenant's own key, read-only, its checks stored and shown.</summary>
public sealed class ConnectionTestTests
{
    [Fact]
    public async Task A_healthy_tenant_passes_every_check_with_three_reads_sent_together()
    {
        await using var host = await ReadyAsync();
        var status = (await host.Service.GetStatusAsync(Owner())).Status!;
        host.Fake.Journal.Clear();
        var hold = TimeSpan.FromSeconds(5);
        foreach (var route in new[] { "auth_info", "applications/*", "as/webhooks/*/*" })
        {
            host.Fake.Faults.Add(HttpMethod.Get, route, FakeFault.Delay(hold), onCall: 1);
        }

        var testing = host.Service.TestConnectionAsync(As(TenantRole.Staff));
        await FaultInjection.WaitUntilAsync(() => host.InFlight == 3);
        var testedAt = host.Time.GetUtcNow();
        host.Time.Advance(hold);
        var result = await testing.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(result.Outcome == ProvisioningOutcome.Succeeded, result.Error?.Message);
        var test = result.Test!;
        Assert.True(test.Passed);
        Assert.Equal(Enum.GetValues<ConnectionCheckKind>(), test.Checks.Select(c => c.Kind));
        Assert.Equal(("nam1", status.ApplicationId, status.ApplicationApiKeyLastFour), (test.Cluster, test.ApplicationId, test.ApiKeyLastFour));
        Assert.Equal(testedAt, test.TestedAt);
        Assert.Equal(3, result.TtsRequestCount);
        var requests = host.Fake.Journal.Entries;
        Assert.All(requests, r => Assert.Equal("GET", r.Method));
        var applicationKeyId = (await host.RecordAsync()).ApplicationApiKey!.KeyId;
        Assert.All(requests, r => Assert.Equal(applicationKeyId, r.ApiKeyId));
        Assert.Equal(RequestIdOf(requests, "/auth_info"), Check(test, ConnectionCheckKind.ApiKey).CorrelationId);
        Assert.Equal(RequestIdOf(requests, "/as/webhooks/"), Check(test, ConnectionCheckKind.WebhookHealth).CorrelationId);
    }

    [Fact]
    public async Task The_last_test_is_stored_on_the_tenant_and_shown_by_its_status()
    {
        await using var host = await ReadyAsync();

        var result = await host.Service.TestConnectionAsync(Owner());
        var shown = (await host.Service.GetStatusAsync(As(TenantRole.Viewer))).Status!.LastConnectionTest;

        Assert.NotNull(shown);
        Assert.Equal(result.Test!.TestedAt, shown.TestedAt);
        Assert.Equal(result.Test.Checks.Select(Values), shown.Checks.Select(Values));
        Assert.Equal(ProvisioningState.Ready, (await host.RecordAsync()).State);
        Assert.Null((await host.RecordAsync()).Lease);
    }

    [Fact]
    public async Task A_refused_key_fails_the_key_check_with_what_tts_answered()
    {
        await using var host = await ReadyAsync();
        var record = await host.RecordAsync();
        using (var admin = new TtsAdmin(host))
        {
            await admin.DeleteAsync($"applications/{record.ApplicationId}/api-keys/{record.ApplicationApiKey!.KeyId}");
        }

        var result = await host.Service.TestConnectionAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        var key = Check(result.Test!, ConnectionCheckKind.ApiKey);
        Assert.False(key.Passed);
        Assert.Contains("refused", key.Message, StringComparison.Ordinal);
        Assert.NotNull(key.CorrelationId);
        Assert.Equal((401, key.CorrelationId), (result.Error!.HttpStatus, result.Error.CorrelationId));
        Assert.All(result.Test!.Checks, c => Assert.False(c.Passed));
    }

    [Fact]
    public async Task A_key_without_the_rights_the_library_needs_fails_the_rights_check_naming_them()
    {
        await using var host = await ReadyAsync();
        var record = await host.RecordAsync();
        using var admin = new TtsAdmin(host);
        var narrow = await admin.CreateApplicationKeyAsync(record.ApplicationId!, "RIGHT_APPLICATION_INFO", "RIGHT_APPLICATION_TRAFFIC_READ");
        var sealedKey = host.Protector.Protect(narrow, new SecretContext("acme", SecretField.ApplicationApiKey));
        await host.Store.TryWriteAsync(record with { ApplicationApiKey = new StoredApiKey(
            sealedKey: sealedKey,
            lastFour: narrow[^4..],
            keyId: narrow.Split('.')[1]) });

        var result = await host.Service.TestConnectionAsync(Owner());

        var rights = Check(result.Test!, ConnectionCheckKind.Rights);
        Assert.False(rights.Passed);
        Assert.Contains("RIGHT_APPLICATION_DEVICES_WRITE", rights.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("RIGHT_APPLICATION_INFO,", rights.Message, StringComparison.Ordinal);
        Assert.True(Check(result.Test!, ConnectionCheckKind.ApiKey).Passed);
        Assert.Equal(narrow[^4..], result.Test!.ApiKeyLastFour);
    }

    [Fact]
    public async Task A_deleted_application_fails_the_application_check()
    {
        await using var host = await ReadyAsync();
        var record = await host.RecordAsync();
        using (var admin = new TtsAdmin(host))
        {
            await admin.DeleteAsync($"applications/{record.ApplicationId}");
        }

        var result = await host.Service.TestConnectionAsync(Owner());

        var application = Check(result.Test!, ConnectionCheckKind.Application);
        Assert.False(application.Passed);
        Assert.Contains("does not exist", application.Message, StringComparison.Ordinal);
        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
    }

    [Fact]
    public async Task A_missing_webhook_fails_the_webhook_checks()
    {
        await using var host = await ReadyAsync();
        var record = await host.RecordAsync();
        using (var admin = new TtsAdmin(host, Cluster))
        {
            await admin.DeleteAsync($"as/webhooks/{record.ApplicationId}/{record.WebhookId}");
        }

        var result = await host.Service.TestConnectionAsync(Owner());

        var webhook = Check(result.Test!, ConnectionCheckKind.Webhook);
        Assert.False(webhook.Passed);
        Assert.Contains("no webhook", webhook.Message, StringComparison.Ordinal);
        Assert.False(Check(result.Test!, ConnectionCheckKind.WebhookPaused).Passed);
        Assert.True(Check(result.Test!, ConnectionCheckKind.Application).Passed);
        Assert.Equal(404, result.Error!.HttpStatus);
    }

    [Fact]
    public async Task An_unhealthy_webhook_fails_the_health_check_with_its_failed_attempts_and_last_failure()
    {
        using var receiver = new StatusReceiver(System.Net.HttpStatusCode.InternalServerError);
        await using var host = await ReadyAsync(f => f.WebhookDeliveryHandler = () => receiver);
        var record = await host.RecordAsync();
        var failedAt = host.Time.GetUtcNow();
        for (var i = 0; i < 2; i++)
        {
            await host.Fake.DeliverAsync(record.ApplicationId!, "sensor-1", new() { ["uplink_message"] = new System.Text.Json.Nodes.JsonObject() });
        }

        var result = await host.Service.TestConnectionAsync(Owner());

        var health = Check(result.Test!, ConnectionCheckKind.WebhookHealth);
        Assert.False(health.Passed);
        Assert.Contains("unhealthy: 2 failed deliveries", health.Message, StringComparison.Ordinal);
        Assert.Equal((false, 2L, failedAt), (result.Test!.WebhookHealthy, result.Test.WebhookFailedAttempts, result.Test.WebhookLastFailedAt));
        Assert.Contains("HTTP 500", result.Test.WebhookLastFailure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_paused_webhook_of_an_enabled_tenant_fails_the_paused_check()
    {
        await using var host = await ReadyAsync();
        var record = await host.RecordAsync();
        using (var admin = new TtsAdmin(host, Cluster))
        {
            await admin.PutAsync(
                $"as/webhooks/{record.ApplicationId}/{record.WebhookId}", """{"webhook":{"paused":true},"field_mask":"paused"}""");
        }

        var result = await host.Service.TestConnectionAsync(Owner());

        var paused = Check(result.Test!, ConnectionCheckKind.WebhookPaused);
        Assert.False(paused.Passed);
        Assert.Contains("paused although the tenant is enabled", paused.Message, StringComparison.Ordinal);
        Assert.True(Check(result.Test!, ConnectionCheckKind.Webhook).Passed);
    }

    [Fact]
    public async Task A_tenant_never_provisioned_answers_not_configured_with_a_message_and_sends_nothing()
    {
        await using var host = new ProvisioningTestHost();

        var result = await host.Service.TestConnectionAsync(Owner());

        Assert.Equal(ProvisioningOutcome.NotConfigured, result.Outcome);
        Assert.Contains("not configured for this tenant", result.Error!.Message, StringComparison.Ordinal);
        Assert.Null(result.Test);
        Assert.Empty(host.Fake.Journal.Entries);
    }

    private static (ConnectionCheckKind, bool, string, string?) Values(ConnectionCheck check) =>
        (check.Kind, check.Passed, check.Message, check.CorrelationId);

    private static ConnectionCheck Check(ConnectionTest test, ConnectionCheckKind kind) => Assert.Single(test.Checks, c => c.Kind == kind);

    private static string? RequestIdOf(IReadOnlyList<FakeJournalEntry> requests, string path) =>
        Assert.Single(requests, r => r.Path.Contains(path, StringComparison.Ordinal)).RequestId;

    /// <summary>A webhook receiver that answers every delivery with one status.</summary>
    private sealed class StatusReceiver(System.Net.HttpStatusCode status) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status));
    }
}
