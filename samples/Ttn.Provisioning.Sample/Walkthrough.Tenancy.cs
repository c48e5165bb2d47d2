using System.Globalization;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Sample;

/// <summary>
/// The tenancy walk: a second tenant on another cluster (on TTN Cloud's layout: nam1, while the first tenant is on eu1),
/// disabled and enabled again, its webhook messages chosen, its connection tested, its history read, and removed.
/// </summary>
internal sealed partial class Walkthrough
{
    private const string SecondTenant = "globex";

    private readonly ProvisioningCaller _secondOwner = new(SecondTenant, "dave", TenantRole.Owner);
    private readonly ProvisioningCaller _secondStaff = new(SecondTenant, "erin", TenantRole.Staff);
    private readonly ProvisioningCaller _secondManager = new(SecondTenant, "frank", TenantRole.Manager);

    private string? _secondApplication;

    private async Task TenancyAsync()
    {
        var cluster = env.OtherCluster ?? env.DefaultCluster;
        if (!await SecondTenantAsync(cluster))
        {
            Report.Line("stopping the second tenant's walk here: it needs the tenant Ready.");
            return;
        }

        await DisableAsync();
        await EnableWithMessagesAsync();
        await ConnectionTestAsync(cluster);
        await HistoryAsync();
        await RemoveSecondTenantAsync();
    }

    private async Task<bool> SecondTenantAsync(string cluster)
    {
        report.Step(env.OtherCluster is null
            ? $"A second tenant, '{SecondTenant}', provisioned by its owner (dave) on cluster {cluster}, the only one configured"
            : $"A second tenant, '{SecondTenant}', provisioned by its owner (dave) on cluster {cluster}, "
                + $"while '{settings.TenantId}' is on {env.DefaultCluster}");
        var journal = env.Fake?.Journal.Entries.Count ?? 0;
        var result = await _service.ProvisionAsync(_secondOwner, cluster);
        report.Cost();
        PrintResult(result);
        report.Expect(result.IsReady && result.Cluster == cluster, $"'{SecondTenant}' is Ready on {cluster}", Describe(result));
        _secondApplication = result.ApplicationId;
        if (env.Fake is { } fake)
        {
            var sent = fake.Journal.Entries.Skip(journal).ToList();
            var elsewhere = sent.Count(e => e.Cluster is not null && e.Cluster != cluster);
            Report.Line($"of its {sent.Count} requests: {sent.Count(e => e.Cluster is null)} to the Identity Server, "
                + $"{sent.Count(e => e.Cluster == cluster)} to cluster {cluster}, {elsewhere} to any other cluster");
            report.Expect(elsewhere == 0, "no request for it reached another cluster");
            report.Expect(
                fake.Webhooks.Any(w => w.ApplicationId == result.ApplicationId && w.Cluster == cluster), $"its webhook is on {cluster}");
        }

        return result.IsReady;
    }

    private async Task DisableAsync()
    {
        report.Step($"Disable '{SecondTenant}' as its owner: TTS pauses its webhook, and nothing new may be created for it");
        var disabled = await _service.UpdateSettingsAsync(_secondOwner, new TenantSettingsUpdate { Enabled = false });
        report.Cost();
        report.Expect(
            disabled.Outcome == ProvisioningOutcome.Succeeded && disabled.Settings?.Enabled == false && !disabled.SettingsPending,
            "the tenant is disabled, and TTS confirmed it",
            disabled.ToString());
        report.Expect(
            disabled.TtsRequestCount == 1,
            "in one masked request to the webhook",
            disabled.TtsRequestCount.ToString(CultureInfo.InvariantCulture));
        if (env.Fake is { } fake)
        {
            report.Expect(fake.Webhooks.Single(w => w.ApplicationId == _secondApplication).Paused, "TTS holds the webhook paused");
        }

        var rotation = await _service.RotateWebhookSecretAsync(_secondOwner);
        Report.Line($"rotating its webhook secret now: {rotation.Outcome}: {rotation.Error?.Message}");
        report.Expect(
            rotation.Outcome == ProvisioningOutcome.TenantDisabled && rotation.TtsRequestCount == 0,
            "is refused as TenantDisabled, with no request");
    }

    private async Task EnableWithMessagesAsync()
    {
        var messages = WebhookMessageTypes.Uplink | WebhookMessageTypes.JoinAccept | WebhookMessageTypes.DownlinkFailed;
        report.Step($"Enable '{SecondTenant}' again and choose what TTS sends it: {messages}");
        var enabled = await _service.UpdateSettingsAsync(_secondOwner, new TenantSettingsUpdate { Enabled = true, Messages = messages });
        report.Cost();
        report.Expect(
            enabled.Outcome == ProvisioningOutcome.Succeeded
                && enabled.Settings is { Enabled: true } settings
                && settings.Messages == messages,
            "the tenant is enabled with those messages",
            enabled.ToString());
        if (env.Fake is { } fake)
        {
            var webhook = fake.Webhooks.Single(w => w.ApplicationId == _secondApplication);
            report.Expect(
                !webhook.Paused && webhook.Json.Contains("downlink_failed", StringComparison.Ordinal),
                "TTS holds the webhook unpaused, with downlink failures");
        }
    }

    private async Task ConnectionTestAsync(string cluster)
    {
        report.Step($"Test the connection of '{SecondTenant}' as staff (erin): with its own application key, three reads sent together");
        var mark = env.Recorder.Count;
        var result = await _service.TestConnectionAsync(_secondStaff);
        report.Cost();
        if (result.Test is { } test)
        {
            Report.Line(
                $"cluster {test.Cluster}, application {test.ApplicationId}, key …{test.ApiKeyLastFour}, tested at {test.TestedAt:u}");
            foreach (var check in test.Checks)
            {
                Report.Line($"{(check.Passed ? "[pass]" : "[fail]")} {check.Kind}: {check.Message} (TTS id {check.CorrelationId ?? "-"})");
            }
        }

        report.Expect(
            result.Outcome == ProvisioningOutcome.Succeeded && result.Test?.Passed == true, "every check passes", result.ToString());
        report.Expect(result.Test?.Cluster == cluster, $"the webhook was read on {cluster}", result.Test?.Cluster);
        var requests = env.Recorder.Since(mark);
        if (env.Recorder.SimulatedLatency > TimeSpan.Zero)
        {
            var roundTrips = RequestRecorder.SequentialRoundTrips(requests);
            report.Expect(roundTrips == 1, "in one round trip", roundTrips.ToString(CultureInfo.InvariantCulture));
        }

        var shown = (await _service.GetStatusAsync(_secondStaff)).Status?.LastConnectionTest;
        report.Expect(shown?.TestedAt == result.Test?.TestedAt, "the result is stored and shown by the status");
    }

    private async Task HistoryAsync()
    {
        report.Step($"Read the history of '{SecondTenant}' as a manager (frank), newest first");
        var history = await _service.GetHistoryAsync(_secondManager, limit: 10);
        report.Cost();
        foreach (var entry in history.Entries)
        {
            var error = entry.Message is null ? "" : $": {entry.Message}";
            Report.Line(string.Create(
                CultureInfo.InvariantCulture,
                $"{entry.OccurredAt:HH:mm:ss} {entry.Operation} by {entry.UserId} ({entry.Role}): {entry.Outcome}, "
                + $"{entry.TtsRequestCount} TTS request(s){error}"));
        }

        // A SQLite store kept from an earlier run holds that run's entries too, after these five.
        ProvisioningOperation[] expected =
        [
            ProvisioningOperation.TestConnection,
            ProvisioningOperation.UpdateSettings,
            ProvisioningOperation.RotateWebhookSecret,
            ProvisioningOperation.UpdateSettings,
            ProvisioningOperation.Provision,
        ];
        var newest = history.Entries.Take(expected.Length).Select(e => e.Operation).ToList();
        report.Expect(
            history.Outcome == ProvisioningOutcome.Succeeded && newest.SequenceEqual(expected),
            "the walk's five operations, newest first (status and history reads are not recorded)",
            $"{history.Outcome}: {string.Join(", ", newest)}");
    }

    private async Task RemoveSecondTenantAsync()
    {
        report.Step($"Deep clean '{SecondTenant}' as its owner: remove what it owns on TTS");
        var result = await _service.DeepCleanAsync(_secondOwner);
        report.Cost();
        report.Expect(
            result.Outcome == ProvisioningOutcome.Succeeded && result.Report.IsComplete,
            "every resource of the second tenant is Deleted or AlreadyGone",
            result.Error is null ? result.Outcome.ToString() : Describe(result.Error));
    }
}
