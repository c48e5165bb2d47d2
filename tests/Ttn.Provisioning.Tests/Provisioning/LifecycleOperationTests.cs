using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.ThingsStack;
using Microsoft.Extensions.DependencyInjection;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Provisioning;

public sealed class LifecycleOperationTests
{
    [Fact]
    public async Task Start_fresh_deletes_the_old_application_and_keys_and_provisions_under_a_new_id()
    {
        await using var host = new ProvisioningTestHost();
        var first = await host.Service.ProvisionAsync(Owner());

        var fresh = await host.Service.StartFreshAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Succeeded, fresh.Outcome);
        Assert.True(fresh.Cleanup.IsComplete);
        Assert.Contains(fresh.Cleanup.Resources, r => r is { Kind: ResourceKind.Application, Status: CleanupStatus.Deleted } && r.Id == first.ApplicationId);
        Assert.NotEqual(first.ApplicationId, fresh.NewApplicationId);
        Assert.True(fresh.Provisioning!.IsReady, fresh.Provisioning.Error?.Message);
        Assert.Single(host.Fake.Applications, a => !a.IsDeleted && a.Id == fresh.NewApplicationId);
        Assert.Single(host.LiveKeys("organization"));
        Assert.Single(host.LiveKeys("application"));
        await FailureAndRetryTests.AssertStoredSecretsOpenAsync(host);
    }

    [Fact]
    public async Task Start_fresh_without_provisioning_again_leaves_the_tenant_idle_with_no_credentials()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());

        var fresh = await host.Service.StartFreshAsync(Owner(), provisionAgain: false);

        Assert.Equal(ProvisioningOutcome.Succeeded, fresh.Outcome);
        var record = await host.RecordAsync();
        Assert.Equal(ProvisioningState.Idle, record.State);
        Assert.Null(record.ApplicationApiKey?.Sealed);
        Assert.Null(record.OrganizationApiKey?.Sealed);
        Assert.Null(record.WebhookSecret.Sealed);
        Assert.Empty(host.LiveKeys("organization"));
        Assert.Empty(host.LiveKeys("application"));
    }

    [Fact]
    public async Task Start_fresh_reports_what_it_could_not_delete()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        host.Fake.Faults.Add(HttpMethod.Delete, "applications/*", FakeFault.Status(500));

        var fresh = await host.Service.StartFreshAsync(Owner(), provisionAgain: false);

        var failure = Assert.Single(fresh.Cleanup.Failures);
        Assert.Equal(ResourceKind.Application, failure.Kind);
        Assert.Contains("500", failure.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deep_clean_removes_devices_keys_webhook_application_gateways_and_organization()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        var record = await host.RecordAsync();
        await AddDeviceAndGatewayAsync(host, record);

        var clean = await host.Service.DeepCleanAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Succeeded, clean.Outcome);
        Assert.True(clean.Report.IsComplete);
        Assert.Contains(clean.Report.Resources, r => r.Kind == ResourceKind.EndDevice && r.Status == CleanupStatus.Deleted);
        Assert.Contains(clean.Report.Resources, r => r.Kind == ResourceKind.Gateway && r.Status == CleanupStatus.Deleted);
        Assert.All(host.Fake.Organizations, o => Assert.True(o.IsDeleted));
        Assert.All(host.Fake.Applications, a => Assert.True(a.IsDeleted));
        Assert.DoesNotContain(host.Fake.ApiKeys, k => k.EntityType != FakeEntityType.User);
        Assert.Empty(host.Fake.Webhooks);
        Assert.Empty(host.Fake.EndDevices);
        var cleared = await host.RecordAsync();
        Assert.Equal(ProvisioningState.Idle, cleared.State);
        Assert.Equal(ProvisioningStep.None, cleared.Checkpoints);
        Assert.Null(cleared.ApplicationApiKey?.Sealed);
        Assert.Null(cleared.OrganizationApiKey?.Sealed);

        // Deleted but not purged (no admin key): TTS keeps the ids reserved, so the next run is given new ones.
        Assert.NotEqual(record.ApplicationId, cleared.ApplicationId);
        Assert.NotEqual(record.OrganizationId, cleared.OrganizationId);
    }

    [Fact]
    public async Task Deep_clean_also_removes_an_old_application_a_start_fresh_could_not_delete()
    {
        await using var host = new ProvisioningTestHost();
        var first = await host.Service.ProvisionAsync(Owner());
        await AddDeviceAndGatewayAsync(host, await host.RecordAsync());
        var stuck = host.Fake.Faults.Add(HttpMethod.Delete, "applications/*", FakeFault.Status(400));
        Assert.Equal(ProvisioningOutcome.Failed, (await host.Service.StartFreshAsync(Owner())).Outcome);
        host.Fake.Faults.Remove(stuck);

        // The host gives up on the old application for now, and starts fresh by deep cleaning what it can see.
        var record = await host.RecordAsync();
        await host.Store.TryWriteAsync(record with { ApplicationId = "tp-app-acme-newer", RequiresStartFresh = false });
        var clean = await host.Service.DeepCleanAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Succeeded, clean.Outcome);
        Assert.Contains(clean.Report.Resources, r => r is { Kind: ResourceKind.Application, Status: CleanupStatus.Deleted } && r.Id == first.ApplicationId);
        Assert.All(host.Fake.Applications, a => Assert.True(a.IsDeleted));
        Assert.Empty(host.Fake.EndDevices);
    }

    [Fact]
    public async Task Tenant_deep_cleaned_without_purge_can_be_provisioned_again()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        await host.Service.DeepCleanAsync(Owner());

        var again = await host.Service.ProvisionAsync(Owner());

        Assert.True(again.IsReady, again.Error?.Message);
        Assert.Single(host.Fake.Organizations, o => !o.IsDeleted);
        Assert.Single(host.Fake.Applications, a => !a.IsDeleted);
        Assert.Single(host.LiveKeys("application"));
    }

    [Fact]
    public async Task Retry_after_a_partial_deep_clean_provisions_again_instead_of_claiming_ready()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        var rule = host.Fake.Faults.Add(HttpMethod.Delete, "applications/*", FakeFault.Status(503));
        Assert.Equal(ProvisioningOutcome.Failed, (await host.Service.DeepCleanAsync(Owner())).Outcome);
        host.Fake.Faults.Remove(rule);

        var retried = await host.Service.RetryAsync(Owner());

        Assert.True(retried.IsReady, retried.Error?.Message);
        FailureAndRetryTests.AssertExactlyOneOfEach(host);
        await FailureAndRetryTests.AssertStoredSecretsOpenAsync(host);
    }

    [Fact]
    public async Task Deep_clean_with_an_admin_key_purges_so_the_ids_are_free_again()
    {
        await using var host = new ProvisioningTestHost(adminIsTtsAdmin: true);
        await host.Service.ProvisionAsync(Owner());

        var clean = await host.Service.DeepCleanAsync(Owner());

        Assert.All(clean.Report.Resources.Where(r => r.Kind is ResourceKind.Application or ResourceKind.Organization), r => Assert.True(r.Purged));
        Assert.Empty(host.Fake.Organizations);
        Assert.Empty(host.Fake.Applications);
        var again = await host.Service.ProvisionAsync(Owner());
        Assert.True(again.IsReady, again.Error?.Message);
        Assert.Equal("tp-acme", again.OrganizationId);
    }

    [Fact]
    public async Task Partial_deep_clean_keeps_what_remains_and_a_second_run_finishes()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        var rule = host.Fake.Faults.Add(HttpMethod.Delete, "applications/*", FakeFault.Status(503));

        var partial = await host.Service.DeepCleanAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Failed, partial.Outcome);
        Assert.Contains(partial.Report.Failures, r => r.Kind == ResourceKind.Application);
        var kept = await host.RecordAsync();
        Assert.NotNull(kept.ApplicationId);
        Assert.NotNull(kept.OrganizationId);
        Assert.Equal(ProvisioningState.Failed, kept.State);
        Assert.Single(host.Fake.Organizations, o => !o.IsDeleted);

        host.Fake.Faults.Remove(rule);
        var finished = await host.Service.DeepCleanAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Succeeded, finished.Outcome);
        Assert.All(host.Fake.Organizations, o => Assert.True(o.IsDeleted));
        Assert.Equal(ProvisioningState.Idle, (await host.RecordAsync()).State);
    }

    [Fact]
    public async Task Status_of_an_unknown_tenant_is_idle_with_provision_as_next_action()
    {
        await using var host = new ProvisioningTestHost();

        var status = await host.Service.GetStatusAsync(As(TenantRole.Viewer));

        Assert.Equal(ProvisioningState.Idle, status.Status!.State);
        Assert.Equal(NextAction.Provision, status.Status.NextAction);
    }

    [Fact]
    public async Task Status_after_a_failure_says_retry_and_names_the_step_and_tts_error()
    {
        await using var host = new ProvisioningTestHost();
        host.Fake.Faults.Add(HttpMethod.Post, "applications/*/api-keys", FakeFault.Status(503), onCall: 1);
        await host.Service.ProvisionAsync(Owner());

        var status = (await host.Service.GetStatusAsync(As(TenantRole.Staff))).Status!;

        Assert.Equal(ProvisioningState.Failed, status.State);
        Assert.Equal(NextAction.Retry, status.NextAction);
        Assert.Equal(ProvisioningStep.ApplicationApiKey, status.LastError!.Step);
        Assert.Equal(503, status.LastError.HttpStatus);
        Assert.Equal("injected_fault", status.LastError.ErrorName);
    }

    [Fact]
    public async Task Status_of_a_run_whose_host_died_is_stalled_and_says_retry()
    {
        await using var host = new ProvisioningTestHost();
        await host.Store.TryWriteAsync(new TenantRecord { TenantId = "acme", State = ProvisioningState.Provisioning, Lease = new TenantLease("dead", host.Time.GetUtcNow().AddMinutes(-3), host.Time.GetUtcNow().AddSeconds(-1)) });

        var status = (await host.Service.GetStatusAsync(Owner())).Status!;

        Assert.True(status.IsStalled);
        Assert.Equal(NextAction.Retry, status.NextAction);
    }

    [Fact]
    public async Task Credentials_read_by_an_owner_open_every_secret_and_are_audited()
    {
        var audit = new RecordingAuditSink();
        await using var host = new ProvisioningTestHost(services: s => s.AddSingleton<ICredentialAuditSink>(audit));
        await host.Service.ProvisionAsync(Owner());

        var result = await host.Service.GetCredentialsAsync(As(TenantRole.Owner));

        Assert.Equal(ProvisioningOutcome.Succeeded, result.Outcome);
        var credentials = result.Credentials!;
        Assert.StartsWith("NNSXS.", credentials.ApplicationApiKey.Secret.Value, StringComparison.Ordinal);
        Assert.StartsWith("NNSXS.", credentials.OrganizationApiKey.Secret.Value, StringComparison.Ordinal);
        Assert.Equal(64, credentials.WebhookSecret.Secret.Value!.Length);
        Assert.Equal(SafeDecryptStatus.Empty, credentials.GatewayApiKey.Secret.Status);
        Assert.Equal(credentials.ApplicationApiKey.Secret.Value![^4..], credentials.ApplicationApiKey.LastFour);
        var entry = Assert.Single(audit.Entries);
        Assert.Equal("user-2", entry.UserId);
        Assert.Contains("ApplicationApiKey", entry.Fields);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 2012);
    }

    [Fact]
    public async Task Credentials_that_cannot_be_opened_come_back_failed_not_as_an_exception()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        var record = await host.RecordAsync();
        await host.Store.TryWriteAsync(record with
        {
            ApplicationApiKey = new StoredApiKey(
                sealedKey: "ttn1.retired.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                lastFour: record.ApplicationApiKey?.LastFour,
                keyId: record.ApplicationApiKey?.KeyId),
            WebhookSecret = new WebhookSecretSet(
                sealedSecret: "garbage",
                lastFour: record.WebhookSecret.LastFour,
                pendingSealed: null,
                previousSealed: null,
                previousValidUntil: null),
        });

        var credentials = (await host.Service.GetCredentialsAsync(Owner())).Credentials!;

        Assert.Equal(SafeDecryptFailureReason.UnknownKey, credentials.ApplicationApiKey.Secret.FailureReason);
        Assert.Equal(SafeDecryptStatus.Failed, credentials.WebhookSecret.Secret.Status);
        Assert.True(credentials.OrganizationApiKey.Secret.IsDecrypted);
    }

    [Fact]
    public async Task Credentials_of_an_unknown_tenant_are_not_configured()
    {
        await using var host = new ProvisioningTestHost();

        Assert.Equal(ProvisioningOutcome.NotConfigured, (await host.Service.GetCredentialsAsync(Owner())).Outcome);
    }

    [Fact]
    public async Task Existing_application_is_brought_with_its_key_and_gets_the_webhook()
    {
        await using var host = new ProvisioningTestHost();
        using var other = new OtherAccount(host.Fake, "tenant-own-account");
        await other.CreateApplicationAsync("their-app");
        var key = await other.CreateApplicationKeyAsync("their-app", "RIGHT_APPLICATION_ALL");

        var result = await host.Service.ConfigureExistingApplicationAsync(Owner(), "their-app", key);

        Assert.True(result.IsReady, result.Error?.Message);
        var webhook = Assert.Single(host.Fake.Webhooks);
        Assert.Equal("their-app", webhook.ApplicationId);
        var record = await host.RecordAsync();
        Assert.True(record.IsExistingApplication);
        Assert.Equal(key, host.Protector.Unprotect(record.ApplicationApiKey?.Sealed, new SecretContext("acme", SecretField.ApplicationApiKey)).Value);
        Assert.DoesNotContain(host.Fake.Organizations, o => o.Id.StartsWith("tp-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Existing_application_key_without_the_needed_rights_is_refused_and_not_stored()
    {
        await using var host = new ProvisioningTestHost();
        using var other = new OtherAccount(host.Fake, "tenant-own-account");
        await other.CreateApplicationAsync("their-app");
        var key = await other.CreateApplicationKeyAsync("their-app", "RIGHT_APPLICATION_INFO");

        var result = await host.Service.ConfigureExistingApplicationAsync(Owner(), "their-app", key);

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Contains("RIGHT_APPLICATION_SETTINGS_BASIC", result.Error!.Message, StringComparison.Ordinal);
        Assert.Null((await host.RecordAsync()).ApplicationApiKey?.Sealed);
        Assert.Empty(host.Fake.Webhooks);
    }

    [Fact]
    public async Task Check_api_key_reports_missing_rights_per_group()
    {
        await using var host = new ProvisioningTestHost();
        using var other = new OtherAccount(host.Fake, "tenant-own-account");
        await other.CreateApplicationAsync("their-app");
        var key = await other.CreateApplicationKeyAsync("their-app", "RIGHT_APPLICATION_INFO", "RIGHT_APPLICATION_TRAFFIC_READ");

        var check = await host.Service.CheckApiKeyAsync(Owner(), key, "their-app");

        Assert.Equal(ProvisioningOutcome.Succeeded, check.Outcome);
        Assert.False(check.IsSufficient);
        Assert.True(check.Permissions!.Satisfies(ThingsStackRightsGroup.Core));
        Assert.Contains(ThingsStackRights.ApplicationDevicesWrite, check.Permissions.MissingFor(ThingsStackRightsGroup.Devices));
    }

    [Fact]
    public async Task Invalid_application_id_fails_before_any_request()
    {
        await using var host = new ProvisioningTestHost();

        await Assert.ThrowsAsync<ArgumentException>(() => host.Service.CheckApiKeyAsync(Owner(), "NNSXS.X.Y", "Not_An_Id"));
        Assert.Empty(host.Fake.Journal.Entries);
    }

    [Fact]
    public async Task Rotating_the_webhook_secret_updates_tts_and_the_store_together()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        var before = (await host.Service.GetCredentialsAsync(Owner())).Credentials!.WebhookSecret.Secret.Value!;

        var rotation = await host.Service.RotateWebhookSecretAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Succeeded, rotation.Outcome);
        var after = (await host.Service.GetCredentialsAsync(Owner())).Credentials!.WebhookSecret.Secret.Value!;
        Assert.NotEqual(before, after);
        Assert.Equal(after, Assert.Single(host.Fake.Webhooks).Headers["X-Webhook-Secret"]);
        Assert.Equal(after[^4..], rotation.SecretLastFour);
        Assert.True(await host.Service.VerifyWebhookSecretAsync("acme", after));
        Assert.True(await host.Service.VerifyWebhookSecretAsync("acme", before));

        host.Time.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        Assert.False(await host.Service.VerifyWebhookSecretAsync("acme", before));
        Assert.True(await host.Service.VerifyWebhookSecretAsync("acme", after));
    }

    [Fact]
    public async Task Failed_rotation_keeps_the_old_secret_in_force_and_accepts_the_pending_one()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        var before = (await host.Service.GetCredentialsAsync(Owner())).Credentials!.WebhookSecret.Secret.Value!;
        host.Fake.Faults.Add(HttpMethod.Put, "as/webhooks/*/*", FakeFault.DropConnection(), onCall: 1, timing: FakeFaultTiming.AfterOperation);

        var rotation = await host.Service.RotateWebhookSecretAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Failed, rotation.Outcome);
        var sentToTts = Assert.Single(host.Fake.Webhooks).Headers["X-Webhook-Secret"];
        Assert.True(await host.Service.VerifyWebhookSecretAsync("acme", before));
        Assert.True(await host.Service.VerifyWebhookSecretAsync("acme", sentToTts));
        Assert.Equal(ProvisioningState.Ready, (await host.RecordAsync()).State);

        var again = await host.Service.RotateWebhookSecretAsync(Owner());
        Assert.Equal(ProvisioningOutcome.Succeeded, again.Outcome);
        Assert.Equal(sentToTts[^4..], again.SecretLastFour);
        host.Time.Advance(TimeSpan.FromMinutes(16));
        Assert.False(await host.Service.VerifyWebhookSecretAsync("acme", before));
        Assert.True(await host.Service.VerifyWebhookSecretAsync("acme", sentToTts));
    }

    [Fact]
    public async Task Webhook_secret_verification_with_an_invalid_tenant_id_is_a_no_not_an_exception()
    {
        await using var host = new ProvisioningTestHost();

        Assert.False(await host.Service.VerifyWebhookSecretAsync(string.Empty, "secret"));
        Assert.False(await host.Service.VerifyWebhookSecretAsync("tenant\u0000", "secret"));
        Assert.False(await host.Service.VerifyWebhookSecretAsync(new string('x', 10_000), "secret"));
    }

    [Fact]
    public async Task Existing_application_cannot_replace_one_the_library_provisioned()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        using var other = new OtherAccount(host.Fake, "tenant-own-account");
        await other.CreateApplicationAsync("their-app");
        var key = await other.CreateApplicationKeyAsync("their-app", "RIGHT_APPLICATION_ALL");
        host.Fake.Journal.Clear();

        var result = await host.Service.ConfigureExistingApplicationAsync(Owner(), "their-app", key);

        Assert.Equal(ProvisioningOutcome.NotApplicable, result.Outcome);
        Assert.Contains("deep clean", result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(host.Fake.Journal.Entries);
    }

    [Fact]
    public async Task Retry_of_a_brought_application_only_sets_its_webhook_with_its_own_key()
    {
        await using var host = new ProvisioningTestHost();
        using var other = new OtherAccount(host.Fake, "tenant-own-account");
        await other.CreateApplicationAsync("their-app");
        var key = await other.CreateApplicationKeyAsync("their-app", "RIGHT_APPLICATION_ALL");
        host.Fake.Faults.Add(HttpMethod.Put, "as/webhooks/*/*", FakeFault.Status(503), onCall: 1);
        Assert.Equal(ProvisioningOutcome.Failed, (await host.Service.ConfigureExistingApplicationAsync(Owner(), "their-app", key)).Outcome);
        host.Fake.Journal.Clear();

        var retried = await host.Service.RetryAsync(Owner());

        Assert.True(retried.IsReady, retried.Error?.Message);
        var request = Assert.Single(host.Fake.Journal.Entries);
        Assert.Equal("PUT", request.Method);
        Assert.DoesNotContain(host.Fake.Organizations, o => o.Id.StartsWith("tp-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Organization_of_another_deployment_under_the_same_admin_is_not_adopted()
    {
        await using var host = new ProvisioningTestHost();

        // Both deployments provision tenant "acme" with the same admin account on the same Things Stack.
        using var shared = new HttpClient(host.Fake.CreateHandler()) { BaseAddress = IdentityServer };
        shared.DefaultRequestHeaders.Authorization = new("Bearer", host.AdminKey);
        var foreign = new { organization = new { ids = new { organization_id = "tp-acme" }, attributes = new Dictionary<string, string> { ["ttn-provisioning-owner"] = "0123456789abcdef0123456789abcdef" } } };
        (await shared.PostAsync($"/api/v3/users/{AdminUser}/organizations", System.Net.Http.Json.JsonContent.Create(foreign))).EnsureSuccessStatusCode();

        var result = await host.Service.ProvisionAsync(Owner());

        Assert.True(result.IsReady, result.Error?.Message);
        Assert.NotEqual("tp-acme", result.OrganizationId);
    }

    [Fact]
    public async Task Application_gets_the_cluster_as_its_server_addresses()
    {
        await using var host = new ProvisioningTestHost();

        await host.Service.ProvisionAsync(Owner());

        var create = Assert.Single(host.Fake.Journal.Entries, e => e.Method == "POST" && e.Path.EndsWith("/applications", StringComparison.Ordinal));
        Assert.Contains("\"application_server_address\":\"nam1.cloud.thethings.network\"", create.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-the-secret")]
    public async Task Wrong_webhook_secret_is_refused(string? presented)
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());

        Assert.False(await host.Service.VerifyWebhookSecretAsync("acme", presented));
    }

    [Fact]
    public async Task Webhook_secret_of_one_tenant_is_refused_for_another()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner("acme"));
        await host.Service.ProvisionAsync(Owner("globex"));
        var acmeSecret = (await host.Service.GetCredentialsAsync(Owner("acme"))).Credentials!.WebhookSecret.Secret.Value;

        Assert.False(await host.Service.VerifyWebhookSecretAsync("globex", acmeSecret));
    }

    internal static async Task AddDeviceAndGatewayAsync(ProvisioningTestHost host, TenantRecord record)
    {
        var client = host.Services.GetRequiredService<IThingsStackClient>();
        var device = new EndDevice { Ids = new EndDeviceIdentifiers { DeviceId = "sensor-1", DevEui = "70B3D57ED0000001", JoinEui = "0000000000000000" } };
        await client.CreateEndDeviceAsync(host.AdminKey, record.ApplicationId!, device);
        await client.CreateGatewayAsync(host.AdminKey, record.OrganizationId!, new Gateway { Ids = new GatewayIdentifiers("gw-1", "70B3D57ED0000002"), FrequencyPlanIds = ["EU_863_870_TTN"] });
    }
}
