using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Provisioning;

/// <summary>Issue 11, part 4: what happened to a tenant, appended by the runner for every operation that changes, tests or reveals it.</summary>
public sealed class HistoryTests
{
    [Fact]
    public async Task Every_operation_that_changes_tests_or_reveals_the_tenant_appends_one_entry_newest_first()
    {
        await using var host = new ProvisioningTestHost();
        using var other = new OtherAccount(host.Fake);
        await other.CreateApplicationAsync("their-app");
        var theirKey = await other.CreateApplicationKeyAsync("their-app", "RIGHT_APPLICATION_ALL");
        var service = host.Service;

        await service.ProvisionAsync(Owner());
        await service.GetCredentialsAsync(As(TenantRole.Manager));
        await service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate { Messages = WebhookMessageTypes.All });
        await service.TestConnectionAsync(As(TenantRole.Staff));
        await service.RotateWebhookSecretAsync(Owner());
        await service.RotateOrganizationKeyAsync(Owner());
        await service.RetryAsync(Owner());
        await service.StartFreshAsync(Owner());
        await service.DeepCleanAsync(Owner());
        await service.ConfigureExistingApplicationAsync(Owner(), "their-app", theirKey);
        // Not recorded: reads of the status and the history, key checks, webhook verification, and denied calls.
        await service.GetStatusAsync(Owner());
        await service.GetHistoryAsync(Owner());
        await service.CheckApiKeyAsync(Owner(), theirKey, "their-app");
        await service.VerifyWebhookSecretAsync("acme", "nope");
        await service.DeepCleanAsync(As(TenantRole.Viewer));

        var history = await service.GetHistoryAsync(As(TenantRole.Manager), limit: 100);

        Assert.Equal(ProvisioningOutcome.Succeeded, history.Outcome);
        Assert.Equal(
            [
                ProvisioningOperation.ConfigureExistingApplication, ProvisioningOperation.DeepClean, ProvisioningOperation.StartFresh,
                ProvisioningOperation.Retry, ProvisioningOperation.RotateOrganizationKey, ProvisioningOperation.RotateWebhookSecret,
                ProvisioningOperation.TestConnection, ProvisioningOperation.UpdateSettings, ProvisioningOperation.GetCredentials,
                ProvisioningOperation.Provision,
            ],
            history.Entries.Select(e => e.Operation));
        var test = Assert.Single(history.Entries, e => e.Operation == ProvisioningOperation.TestConnection);
        Assert.Equal(("acme", "user-2", TenantRole.Staff, ProvisioningOutcome.Succeeded, 3), (test.TenantId, test.UserId, test.Role, test.Outcome, test.TtsRequestCount));
        Assert.Equal(ProvisioningOutcome.NotApplicable, history.Entries.Single(e => e.Operation == ProvisioningOperation.Retry).Outcome);
        Assert.Null(history.NextPageToken);
    }

    [Fact]
    public async Task A_failed_operation_records_its_step_ttss_error_name_and_correlation_id_and_what_it_cost()
    {
        await using var host = new ProvisioningTestHost();
        host.Fake.Faults.Add(HttpMethod.Post, "applications/*/api-keys", FakeFault.Status(503), onCall: 1);
        var failed = await host.Service.ProvisionAsync(Owner());

        var entry = Assert.Single((await host.Service.GetHistoryAsync(Owner())).Entries);

        Assert.Equal(ProvisioningOutcome.Failed, entry.Outcome);
        Assert.Equal(ProvisioningStep.ApplicationApiKey, entry.FailedStep);
        Assert.Equal((failed.Error!.ErrorName, failed.Error.CorrelationId, failed.Error.Message), (entry.ErrorName, entry.CorrelationId, entry.Message));
        Assert.NotNull(entry.ErrorName);
        Assert.Equal(failed.TtsRequestCount, entry.TtsRequestCount);
        Assert.Equal(host.Time.GetUtcNow(), entry.OccurredAt);
        Assert.True(entry.Duration >= TimeSpan.Zero);
    }

    [Fact]
    public async Task History_keeps_only_the_configured_number_of_newest_entries()
    {
        await using var host = new ProvisioningTestHost(o => o.HistoryLimit = 3);
        await host.Service.ProvisionAsync(Owner());
        for (var i = 0; i < 4; i++)
        {
            await host.Service.GetCredentialsAsync(Owner());
        }

        var entries = (await host.Service.GetHistoryAsync(Owner())).Entries;

        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal(ProvisioningOperation.GetCredentials, e.Operation));
    }

    [Fact]
    public async Task History_pages_newest_first_with_the_token_of_the_previous_page()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        for (var i = 0; i < 4; i++)
        {
            await host.Service.GetCredentialsAsync(As(i % 2 == 0 ? TenantRole.Owner : TenantRole.Manager));
        }

        var first = await host.Service.GetHistoryAsync(Owner(), limit: 2);
        var second = await host.Service.GetHistoryAsync(Owner(), limit: 2, first.NextPageToken);
        var last = await host.Service.GetHistoryAsync(Owner(), limit: 2, second.NextPageToken);

        Assert.Equal([TenantRole.Manager, TenantRole.Owner], first.Entries.Select(e => e.Role));
        Assert.Equal([TenantRole.Manager, TenantRole.Owner], second.Entries.Select(e => e.Role));
        Assert.Equal(ProvisioningOperation.Provision, Assert.Single(last.Entries).Operation);
        Assert.Null(last.NextPageToken);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task A_limit_outside_1_to_100_is_misuse(int limit)
    {
        await using var host = new ProvisioningTestHost();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => host.Service.GetHistoryAsync(Owner(), limit));
    }

    [Fact]
    public async Task A_failed_history_write_is_logged_and_counted_and_the_operation_stands()
    {
        await using var host = new ProvisioningTestHost();
        Assert.True((await host.Service.ProvisionAsync(Owner())).IsReady);
        using var failures = new MetricCollector<long>(ProvisioningDiagnostics.HistoryWriteFailures);
        host.CrashStore.FailHistory = true;

        var credentials = await host.Service.GetCredentialsAsync(Owner("acme"));

        Assert.Equal(ProvisioningOutcome.Succeeded, credentials.Outcome);
        var log = Assert.Single(host.Logs.GetSnapshot(), r => r.Id.Id == 2017);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, log.Level);
        Assert.Contains("GetCredentials", log.Message, StringComparison.Ordinal);
        Assert.Contains(failures.GetMeasurementSnapshot(), m => m.Value == 1 && Equals(m.Tags["operation"], "GetCredentials"));
        Assert.Single((await host.Service.GetHistoryAsync(Owner())).Entries);
    }
}
