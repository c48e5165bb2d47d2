using System.Text.Json.Nodes;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Provisioning;

/// <summary>Issue 11, part 2: enabled and the webhook's messages, applied to TTS with one masked request, checkpointed.</summary>
public sealed class TenantSettingsTests
{
    private static readonly string[] SettingsMask =
    [
        "paused", "uplink_message", "uplink_normalized", "join_accept", "downlink_ack", "downlink_nack", "downlink_sent",
        "downlink_failed", "downlink_queued", "downlink_queue_invalidated", "location_solved", "service_data",
    ];

    public static TheoryData<ProvisioningOperation> CreatingOperations() =>
    [
        ProvisioningOperation.Provision, ProvisioningOperation.Retry, ProvisioningOperation.StartFresh,
        ProvisioningOperation.ConfigureExistingApplication, ProvisioningOperation.RotateWebhookSecret, ProvisioningOperation.RotateOrganizationKey,
    ];

    [Fact]
    public async Task Disabling_pauses_the_webhook_with_one_masked_request_and_enabling_unpauses_it()
    {
        await using var host = await ReadyAsync();
        var before = Assert.Single(host.Fake.Webhooks);
        host.Fake.Journal.Clear();

        var disabled = await host.Service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate { Enabled = false });

        Assert.Equal(ProvisioningOutcome.Succeeded, disabled.Outcome);
        Assert.False(disabled.Settings!.Enabled);
        Assert.False(disabled.SettingsPending);
        var put = Assert.Single(host.Fake.Journal.Entries);
        Assert.Equal(("PUT", 200), (put.Method, put.StatusCode));
        Assert.Equal(SettingsMask.Order(), MaskOf(put).Order());
        var paused = Assert.Single(host.Fake.Webhooks);
        Assert.True(paused.Paused);
        Assert.Equal((before.BaseUrl, before.Format), (paused.BaseUrl, paused.Format));
        Assert.Equal(before.Headers, paused.Headers);
        Assert.False((await host.Service.GetStatusAsync(Owner())).Status!.Settings.Enabled);

        var enabled = await host.Service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate { Enabled = true });

        Assert.Equal(ProvisioningOutcome.Succeeded, enabled.Outcome);
        Assert.False(Assert.Single(host.Fake.Webhooks).Paused);
        Assert.True((await host.RecordAsync()).Settings.Enabled);
    }

    [Fact]
    public async Task Message_selection_reaches_tts_as_a_masked_update_that_clears_the_kinds_left_out()
    {
        await using var host = await ReadyAsync();
        var before = Assert.Single(host.Fake.Webhooks);
        host.Fake.Journal.Clear();
        var selection = WebhookMessageTypes.Uplink | WebhookMessageTypes.DownlinkAck | WebhookMessageTypes.LocationSolved;

        var result = await host.Service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate { Messages = selection });

        Assert.Equal(ProvisioningOutcome.Succeeded, result.Outcome);
        Assert.Equal(SettingsMask.Order(), MaskOf(Assert.Single(host.Fake.Journal.Entries)).Order());
        var stored = JsonNode.Parse(Assert.Single(host.Fake.Webhooks).Json)!.AsObject();
        Assert.True(stored.ContainsKey("uplink_message"));
        Assert.True(stored.ContainsKey("downlink_ack"));
        Assert.True(stored.ContainsKey("location_solved"));
        Assert.False(stored.ContainsKey("join_accept"));
        Assert.Equal(before.Headers, Assert.Single(host.Fake.Webhooks).Headers);
        Assert.Equal(selection, (await host.Service.GetStatusAsync(Owner())).Status!.Settings.Messages);
    }

    [Fact]
    public async Task Settings_of_a_tenant_without_a_webhook_are_stored_and_set_when_the_webhook_is_created()
    {
        await using var host = new ProvisioningTestHost();
        var selection = WebhookMessageTypes.Uplink | WebhookMessageTypes.ServiceData;

        var stored = await host.Service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate { Messages = selection });
        var provisioned = await host.Service.ProvisionAsync(Owner());

        Assert.Equal((ProvisioningOutcome.Succeeded, 0, false), (stored.Outcome, stored.TtsRequestCount, stored.SettingsPending));
        Assert.True(provisioned.IsReady, provisioned.Error?.Message);
        var webhook = JsonNode.Parse(Assert.Single(host.Fake.Webhooks).Json)!.AsObject();
        Assert.True(webhook.ContainsKey("service_data"));
        Assert.False(webhook.ContainsKey("join_accept"));
        Assert.Equal(selection, WebhookMessages(webhook));
    }

    [Fact]
    public async Task Settings_tts_refused_stay_pending_and_a_retry_applies_them()
    {
        await using var host = await ReadyAsync();
        host.Fake.Faults.Add(HttpMethod.Put, "as/webhooks/*/*", FakeFault.Status(503), onCall: 1);

        var refused = await host.Service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate { Enabled = false });
        var status = (await host.Service.GetStatusAsync(Owner())).Status!;
        var retried = await host.Service.RetryAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Failed, refused.Outcome);
        Assert.Equal(503, refused.Error!.HttpStatus);
        Assert.True(refused.SettingsPending);
        Assert.Equal((ProvisioningState.Ready, true, NextAction.Retry), (status.State, status.SettingsPending, status.NextAction));
        Assert.Equal(ProvisioningOutcome.Succeeded, retried.Outcome);
        Assert.Equal(1, retried.TtsRequestCount);
        Assert.True(Assert.Single(host.Fake.Webhooks).Paused);
        var record = await host.RecordAsync();
        Assert.False(record.SettingsPending);
        Assert.Equal(ProvisioningState.Ready, record.State);
    }

    [Fact]
    public async Task Settings_tts_refused_are_applied_when_asked_for_again()
    {
        await using var host = await ReadyAsync();
        host.Fake.Faults.Add(HttpMethod.Put, "as/webhooks/*/*", FakeFault.Status(500), onCall: 1);
        await host.Service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate { Messages = WebhookMessageTypes.All });

        var again = await host.Service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate());

        Assert.Equal(ProvisioningOutcome.Succeeded, again.Outcome);
        Assert.False(again.SettingsPending);
        Assert.Equal(WebhookMessageTypes.All, WebhookMessages(JsonNode.Parse(Assert.Single(host.Fake.Webhooks).Json)!.AsObject()));
    }

    [Fact]
    public async Task An_update_that_changes_nothing_sends_nothing_and_writes_nothing()
    {
        await using var host = await ReadyAsync();
        host.Fake.Journal.Clear();
        var writes = host.CrashStore.Writes;

        var result = await host.Service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate { Enabled = true, Messages = TenantSettings.Default.Messages });

        Assert.Equal(ProvisioningOutcome.Succeeded, result.Outcome);
        Assert.Empty(host.Fake.Journal.Entries);
        Assert.Equal(writes, host.CrashStore.Writes);
    }

    [Theory]
    [InlineData(WebhookMessageTypes.None)]
    [InlineData((WebhookMessageTypes)(1 << 12))]
    public async Task A_selection_of_no_kind_or_an_undefined_one_is_misuse_and_changes_nothing(WebhookMessageTypes messages)
    {
        await using var host = new ProvisioningTestHost();

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => host.Service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate { Messages = messages }));

        Assert.Equal("update", error.ParamName);
        Assert.Equal(0, host.CrashStore.Writes);
    }

    [Theory]
    [MemberData(nameof(CreatingOperations))]
    public async Task A_disabled_tenant_is_refused_what_would_create_resources_before_any_request_or_write(ProvisioningOperation operation)
    {
        await using var host = await ReadyAsync();
        await host.Service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate { Enabled = false });
        host.Fake.Journal.Clear();
        var writes = host.CrashStore.Writes;

        var outcome = await AuthorizationThroughServiceTests.InvokeAsync(host, Owner(), operation);

        Assert.Equal(ProvisioningOutcome.TenantDisabled, outcome);
        Assert.Empty(host.Fake.Journal.Entries);
        Assert.Equal(writes, host.CrashStore.Writes);
    }

    [Fact]
    public async Task A_disabled_tenant_still_shows_its_status_credentials_history_and_connection_and_can_be_deep_cleaned()
    {
        await using var host = await ReadyAsync();
        await host.Service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate { Enabled = false });

        var status = await host.Service.GetStatusAsync(Owner());
        var credentials = await host.Service.GetCredentialsAsync(Owner());
        var history = await host.Service.GetHistoryAsync(Owner());
        var test = await host.Service.TestConnectionAsync(Owner());
        var clean = await host.Service.DeepCleanAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Succeeded, status.Outcome);
        Assert.True(credentials.Credentials!.ApplicationApiKey.Secret.IsDecrypted);
        Assert.NotEmpty(history.Entries);
        Assert.True(test.Outcome == ProvisioningOutcome.Succeeded, test.Error?.Message);
        Assert.Contains(test.Test!.Checks, c => c is { Kind: ConnectionCheckKind.WebhookPaused, Passed: true });
        Assert.Equal(ProvisioningOutcome.Succeeded, clean.Outcome);
        var record = await host.RecordAsync();
        Assert.Equal((ProvisioningState.Idle, false, false), (record.State, record.Settings.Enabled, record.SettingsPending));
    }

    [Fact]
    public async Task An_enabled_tenant_provisions_again_after_being_disabled()
    {
        await using var host = await ReadyAsync();
        await host.Service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate { Enabled = false });
        Assert.Equal(ProvisioningOutcome.TenantDisabled, (await host.Service.StartFreshAsync(Owner())).Outcome);

        await host.Service.UpdateSettingsAsync(Owner(), new TenantSettingsUpdate { Enabled = true });
        var fresh = await host.Service.StartFreshAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Succeeded, fresh.Outcome);
        Assert.False(Assert.Single(host.Fake.Webhooks).Paused);
    }

    private static string[] MaskOf(FakeJournalEntry request) =>
        JsonNode.Parse(request.Body!)!["field_mask"]!.GetValue<string>().Split(',');

    private static WebhookMessageTypes WebhookMessages(JsonObject webhook) =>
        new (string Field, WebhookMessageTypes Type)[]
        {
            ("uplink_message", WebhookMessageTypes.Uplink), ("uplink_normalized", WebhookMessageTypes.NormalizedUplink),
            ("join_accept", WebhookMessageTypes.JoinAccept), ("downlink_ack", WebhookMessageTypes.DownlinkAck),
            ("downlink_nack", WebhookMessageTypes.DownlinkNack), ("downlink_sent", WebhookMessageTypes.DownlinkSent),
            ("downlink_failed", WebhookMessageTypes.DownlinkFailed), ("downlink_queued", WebhookMessageTypes.DownlinkQueued),
            ("downlink_queue_invalidated", WebhookMessageTypes.DownlinkQueueInvalidated),
            ("location_solved", WebhookMessageTypes.LocationSolved), ("service_data", WebhookMessageTypes.ServiceData),
        }.Where(f => webhook.ContainsKey(f.Field)).Aggregate(WebhookMessageTypes.None, (all, f) => all | f.Type);
}
