using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Provisioning;

public sealed class FailureAndRetryTests
{
    /// <summary>Each step's request: method, fake route pattern, and the step the failure is recorded at.</summary>
    public static TheoryData<string, string, ProvisioningStep> Steps() => new()
    {
        { "GET", "auth_info", ProvisioningStep.Preflight },
        { "POST", "users/*/organizations", ProvisioningStep.Organization },
        { "POST", "organizations/*/api-keys", ProvisioningStep.OrganizationApiKey },
        { "POST", "organizations/*/applications", ProvisioningStep.Application },
        { "POST", "applications/*/api-keys", ProvisioningStep.ApplicationApiKey },
        { "PUT", "as/webhooks/*/*", ProvisioningStep.Webhook },
    };

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Server_error_at_a_step_fails_there_and_retry_finishes_with_one_of_each(string method, string route, ProvisioningStep step)
    {
        await using var host = new ProvisioningTestHost();
        host.Fake.Faults.Add(new HttpMethod(method), route, FakeFault.Status(503), onCall: 1);

        var failed = await host.Service.ProvisionAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Failed, failed.Outcome);
        Assert.Equal(step, failed.Error!.Step);
        Assert.Equal(503, failed.Error.HttpStatus);
        Assert.True(failed.Error.IsTransient);
        var record = await host.RecordAsync();
        Assert.Equal(ProvisioningState.Failed, record.State);
        Assert.Equal(step, record.CurrentStep);
        Assert.Null(record.Lease?.Holder);

        var retried = await host.Service.RetryAsync(Owner());

        Assert.True(retried.IsReady, retried.Error?.Message);
        AssertExactlyOneOfEach(host);
    }

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Response_lost_after_tts_acted_is_recovered_by_retry_without_orphans(string method, string route, ProvisioningStep step)
    {
        await using var host = new ProvisioningTestHost();
        host.Fake.Faults.Add(new HttpMethod(method), route, FakeFault.DropConnection(), onCall: 1, timing: FakeFaultTiming.AfterOperation);

        var failed = await host.Service.ProvisionAsync(Owner());
        Assert.Equal(ProvisioningOutcome.Failed, failed.Outcome);
        Assert.Equal(step, failed.Error!.Step);

        var retried = await host.Service.RetryAsync(Owner());

        Assert.True(retried.IsReady, retried.Error?.Message);
        AssertExactlyOneOfEach(host);
        await AssertStoredSecretsOpenAsync(host);
    }

    [Fact]
    public async Task Host_crash_after_the_key_was_created_is_taken_over_once_the_lease_expires()
    {
        await using var host = new ProvisioningTestHost();
        host.CrashStore.CrashWhen = r => r.OrganizationApiKey?.Sealed is not null;

        await Assert.ThrowsAsync<IOException>(() => host.Service.ProvisionAsync(Owner()));
        host.CrashStore.Recover();
        Assert.Single(host.LiveKeys("organization"));

        var tooEarly = await host.Service.RetryAsync(Owner());
        Assert.Equal(ProvisioningOutcome.AlreadyInProgress, tooEarly.Outcome);

        host.Time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));
        var retried = await host.Service.RetryAsync(Owner());

        Assert.True(retried.IsReady, retried.Error?.Message);
        AssertExactlyOneOfEach(host);
        await AssertStoredSecretsOpenAsync(host);
    }

    [Fact]
    public async Task Application_owned_by_another_account_answers_use_start_fresh_and_start_fresh_recovers()
    {
        await using var host = new ProvisioningTestHost();
        using var other = new OtherAccount(host.Fake);
        await other.CreateApplicationAsync("tp-app-acme");

        var failed = await host.Service.ProvisionAsync(Owner());

        Assert.Equal(ProvisioningOutcome.UseStartFresh, failed.Outcome);
        Assert.Equal(ProvisioningStep.Application, failed.Error!.Step);

        host.Fake.Journal.Clear();
        var retry = await host.Service.RetryAsync(Owner());
        Assert.Equal(ProvisioningOutcome.UseStartFresh, retry.Outcome);
        Assert.Empty(host.Fake.Journal.Entries);

        var fresh = await host.Service.StartFreshAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Succeeded, fresh.Outcome);
        Assert.True(fresh.Provisioning!.IsReady, fresh.Provisioning.Error?.Message);
        Assert.NotEqual("tp-app-acme", fresh.NewApplicationId);
        Assert.Equal(fresh.NewApplicationId, (await host.RecordAsync()).ApplicationId);
    }

    [Fact]
    public async Task Organization_id_taken_by_another_account_rotates_to_a_collision_safe_id()
    {
        await using var host = new ProvisioningTestHost();
        using var other = new OtherAccount(host.Fake);
        await other.CreateOrganizationAsync("tp-acme");

        var result = await host.Service.ProvisionAsync(Owner());

        Assert.True(result.IsReady, result.Error?.Message);
        Assert.StartsWith("tp-acme-", result.OrganizationId, StringComparison.Ordinal);
        Assert.Equal(1, (await host.RecordAsync()).OrganizationIdRotations);
    }

    [Fact]
    public async Task Exhausted_organization_id_rotations_answer_use_start_fresh()
    {
        await using var host = new ProvisioningTestHost(o => o.MaxOrganizationIdRotations = 0);
        using var other = new OtherAccount(host.Fake);
        await other.CreateOrganizationAsync("tp-acme");

        var result = await host.Service.ProvisionAsync(Owner());

        Assert.Equal(ProvisioningOutcome.UseStartFresh, result.Outcome);
        Assert.Equal(ProvisioningStep.Organization, result.Error!.Step);

        var fresh = await host.Service.StartFreshAsync(Owner());
        Assert.True(fresh.Provisioning!.IsReady, fresh.Provisioning.Error?.Message);
        Assert.NotEqual("tp-acme", fresh.Provisioning.OrganizationId);
    }

    [Fact]
    public async Task Admin_key_without_the_rights_fails_preflight_and_names_them()
    {
        await using var host = new ProvisioningTestHost(adminRights: ["RIGHT_USER_ALL"]);

        var result = await host.Service.ProvisionAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Equal(ProvisioningStep.Preflight, result.Error!.Step);
        Assert.Contains("RIGHT_ORGANIZATION_SETTINGS_API_KEYS", result.Error.Message, StringComparison.Ordinal);
        Assert.Single(host.Fake.Journal.Entries);
    }

    [Fact]
    public async Task Call_while_another_run_holds_the_lease_is_already_in_progress_and_sends_nothing()
    {
        await using var host = new ProvisioningTestHost();
        await host.Store.TryWriteAsync(new TenantRecord { TenantId = "acme", State = ProvisioningState.Provisioning, Lease = new TenantLease("other-host", host.Time.GetUtcNow(), host.Time.GetUtcNow().AddMinutes(1)) });

        var result = await host.Service.ProvisionAsync(Owner());

        Assert.Equal(ProvisioningOutcome.AlreadyInProgress, result.Outcome);
        Assert.Empty(host.Fake.Journal.Entries);
    }

    [Fact]
    public async Task Retry_of_a_ready_tenant_is_not_applicable()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());

        Assert.Equal(ProvisioningOutcome.NotApplicable, (await host.Service.RetryAsync(Owner())).Outcome);
    }

    [Fact]
    public async Task Retry_of_an_unknown_tenant_is_not_configured()
    {
        await using var host = new ProvisioningTestHost();

        Assert.Equal(ProvisioningOutcome.NotConfigured, (await host.Service.RetryAsync(Owner())).Outcome);
    }

    [Fact]
    public async Task Cancelled_run_throws_and_leaves_a_resumable_failed_record()
    {
        await using var host = new ProvisioningTestHost();
        host.Fake.Faults.Add(HttpMethod.Put, "as/webhooks/*/*", FakeFault.Delay(TimeSpan.FromMinutes(1)), onCall: 1);
        using var cancellation = new CancellationTokenSource();

        var run = host.Service.ProvisionAsync(Owner(), cancellationToken: cancellation.Token);
        await WaitUntilAsync(() => host.Fake.Journal.Entries.Count >= 5);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        var record = await host.RecordAsync();
        Assert.Equal(ProvisioningState.Failed, record.State);
        Assert.Null(record.Lease?.Holder);

        var retried = await host.Service.RetryAsync(Owner());
        Assert.True(retried.IsReady, retried.Error?.Message);
        AssertExactlyOneOfEach(host);
    }

    internal static void AssertExactlyOneOfEach(ProvisioningTestHost host)
    {
        Assert.Single(host.Fake.Organizations, o => !o.IsDeleted);
        Assert.Single(host.Fake.Applications, a => !a.IsDeleted);
        Assert.Single(host.LiveKeys("organization"));
        Assert.Single(host.LiveKeys("application"));
        Assert.Single(host.Fake.Webhooks);
    }

    internal static async Task AssertStoredSecretsOpenAsync(ProvisioningTestHost host, string tenantId = "acme")
    {
        var record = await host.RecordAsync(tenantId);
        var orgKey = host.Protector.Unprotect(record.OrganizationApiKey?.Sealed, new SecretContext(tenantId, SecretField.OrganizationApiKey));
        var appKey = host.Protector.Unprotect(record.ApplicationApiKey?.Sealed, new SecretContext(tenantId, SecretField.ApplicationApiKey));
        var webhook = host.Protector.Unprotect(record.WebhookSecret.Sealed, new SecretContext(tenantId, SecretField.WebhookSecret));
        Assert.True(orgKey.IsDecrypted && appKey.IsDecrypted && webhook.IsDecrypted, $"{orgKey} {appKey} {webhook}");

        // The stored keys are the live ones on TTS, and the stored webhook secret is the one TTS sends.
        Assert.Equal(record.OrganizationApiKey?.KeyId, Assert.Single(host.LiveKeys("organization")).Id);
        Assert.Equal(record.ApplicationApiKey?.KeyId, Assert.Single(host.LiveKeys("application")).Id);
        Assert.Equal(webhook.Value, Assert.Single(host.Fake.Webhooks).Headers["X-Webhook-Secret"]);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition(), "The run never reached the point the test waits for.");
    }
}
