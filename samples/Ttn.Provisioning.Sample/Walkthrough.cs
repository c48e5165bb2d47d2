using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.Sample;

/// <summary>
/// Walks one tenant through its lifecycle: provision → status → credentials (manager) → a denied call (viewer) →
/// an injected TTS failure → retry → devices and gateways (<see cref="DevicesWalk"/>) → start fresh → a second tenant
/// on another cluster (Walkthrough.Tenancy.cs) → deep clean. Each step checks what the library answered.
/// </summary>
internal sealed partial class Walkthrough(SampleEnvironment env, SampleSettings settings, Report report)
{
    private const int MaxRequestsPerNewTenant = 7;
    private const int MaxSequentialRoundTrips = 4;

    private readonly IProvisioningService _service = env.Service;
    private readonly ProvisioningCaller _owner = new(settings.TenantId, "alice", TenantRole.Owner);
    private readonly ProvisioningCaller _manager = new(settings.TenantId, "bob", TenantRole.Manager);
    private readonly ProvisioningCaller _viewer = new(settings.TenantId, "carol", TenantRole.Viewer);

    public async Task RunAsync()
    {
        if (env.SqlitePath is { } path)
        {
            report.Step($"Look for tenant '{settings.TenantId}' in the SQLite store {path}");
            var kept = await env.Store.GetAsync(settings.TenantId);
            Report.Line(kept is null
                ? "not there yet: this is the first run with this store."
                : $"kept from an earlier run: state {kept.State}, {kept.AttemptCount} run(s) so far, last written {kept.UpdatedAt:u}, application {kept.ApplicationId ?? "-"}.");
        }

        var (ready, first) = await ProvisionAsync();
        if (!ready)
        {
            Report.Line("stopping here: the remaining steps need a provisioned tenant.");
            return;
        }

        await StatusAsync(ProvisioningState.Ready);
        await CredentialsAsync();
        await DeniedAsync();
        var failedApplication = await InjectedFailureAsync();
        await RetryAsync();
        await new DevicesWalk(env, settings, report).RunAsync();
        await StartFreshAsync(previousApplicationId: failedApplication ?? first);
        await TenancyAsync();
        await DeepCleanAsync();
    }

    private async Task<(bool Ready, string? ApplicationId)> ProvisionAsync()
    {
        report.Step($"Provision tenant '{settings.TenantId}' as its owner (alice)");
        var mark = env.Recorder.Count;
        var result = await _service.ProvisionAsync(_owner);
        report.Cost();
        PrintResult(result);
        report.Expect(result.IsReady, "the tenant is Ready", Describe(result));
        var requests = env.Recorder.Since(mark);
        if (result.IsReady && requests.Count > 0)
        {
            report.Expect(requests.Count <= MaxRequestsPerNewTenant, $"at most {MaxRequestsPerNewTenant} TTS requests for a new tenant", requests.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var roundTrips = RequestRecorder.SequentialRoundTrips(requests);
            if (env.Recorder.SimulatedLatency > TimeSpan.Zero)
            {
                report.Expect(
                    roundTrips <= MaxSequentialRoundTrips,
                    $"at most {MaxSequentialRoundTrips} of them in sequence",
                    roundTrips.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                // Requests sent together overlap in time only when the network, not the server, is what takes time: a
                // Things Stack on the same host, or one that handles requests one at a time, answers each before the
                // next leaves. The bound is checked where the sample adds the latency itself (the in-process fake).
                Report.Line("(round trips not checked against a real Things Stack: its timings cannot tell requests sent together apart)");
            }
        }

        PrintTts();
        return (result.IsReady, result.ApplicationId);
    }

    private async Task<TenantStatus?> StatusAsync(ProvisioningState expected, NextAction? expectedNext = null)
    {
        report.Step("Read the tenant's status as a viewer (carol)");
        var mark = env.Recorder.Count;
        var result = await _service.GetStatusAsync(_viewer);
        report.Cost();
        var status = result.Status;
        if (status is not null)
        {
            Report.Line($"state {status.State}, next action {status.NextAction}, checkpoints {status.Checkpoints}, attempts {status.AttemptCount}");
            var enabled = status.Settings.Enabled ? "enabled" : "disabled";
            Report.Line($"cluster {status.Cluster}, {enabled}, webhook messages {status.Settings.Messages}");
            Report.Line($"organization {status.OrganizationId ?? "-"}, application {status.ApplicationId ?? "-"}, webhook {status.WebhookUrl ?? "-"}");
            Report.Line($"secrets (last four only): organization key {Tail(status.OrganizationApiKeyLastFour)}, application key {Tail(status.ApplicationApiKeyLastFour)}, webhook secret {Tail(status.WebhookSecretLastFour)}");
            if (status.LastError is { } error)
            {
                Report.Line($"last error: {Describe(error)}");
            }
        }

        report.Expect(result.Outcome == ProvisioningOutcome.Succeeded && status?.State == expected, $"the status answers {expected}", $"{result.Outcome} {status?.State}");
        if (expectedNext is { } next)
        {
            report.Expect(status?.NextAction == next, $"it suggests {next}", status?.NextAction.ToString());
        }

        report.Expect(env.Recorder.Count == mark, "reading the status makes no TTS request");
        return status;
    }

    private async Task CredentialsAsync()
    {
        report.Step("Read the credentials as a manager (bob); every read is audited");
        var result = await _service.GetCredentialsAsync(_manager);
        report.Cost();
        var credentials = result.Credentials;
        if (credentials is not null)
        {
            // A SafeDecrypt prints its status and the last four characters, never the secret.
            Report.Line($"organization API key:  {credentials.OrganizationApiKey} (it mints keys: only owners and admins open it)");
            Report.Line($"application API key:   {credentials.ApplicationApiKey.Secret} (TTS key id {credentials.ApplicationApiKey.TtsKeyId ?? "-"})");
            Report.Line($"gateway API key:       {credentials.GatewayApiKey.Secret} (not asked for)");
            Report.Line($"webhook secret:        {credentials.WebhookSecret.Secret}");
        }

        report.Expect(result.Outcome == ProvisioningOutcome.Succeeded, "a manager may read the credentials", result.Outcome.ToString());
        report.Expect(
            credentials is not null && credentials.ApplicationApiKey.Secret.IsDecrypted && credentials.WebhookSecret.Secret.IsDecrypted,
            "the application key and webhook secret open");
        report.Expect(
            credentials is not null && credentials.OrganizationApiKey.IsWithheld && credentials.OrganizationApiKey.Secret.Status == SafeDecryptStatus.Empty,
            "the organization key, which mints keys, is withheld from a manager");
    }

    private async Task DeniedAsync()
    {
        report.Step("A viewer (carol) tries to deep clean the tenant, then to read its credentials");
        var clean = await _service.DeepCleanAsync(_viewer);
        var read = await _service.GetCredentialsAsync(_viewer);
        report.Cost();
        Report.Line($"deep clean: {clean.Outcome}: {clean.Denial?.Reason}");
        Report.Line($"credentials: {read.Outcome}: {read.Denial?.Reason}");
        report.Expect(clean.Outcome == ProvisioningOutcome.Denied && read.Outcome == ProvisioningOutcome.Denied, "both are denied, with a reason");
        report.Expect(clean.Report.Resources.Count == 0 && read.Credentials is null, "nothing was touched or revealed");
    }

    /// <summary>Starts fresh while TTS refuses the next application key; returns the application id that was abandoned.</summary>
    private async Task<string?> InjectedFailureAsync()
    {
        if (env.Fake is null)
        {
            report.Step("An injected TTS failure: skipped (fault injection needs the in-process FakeThingsStack)");
            return null;
        }

        report.Step("TTS fails: the owner starts fresh while TTS answers 503 to the next 'create application API key'");
        var rule = env.Fake.Faults.Add(HttpMethod.Post, "applications/*/api-keys", FakeFault.Status(503), onCall: 1);
        Report.Line($"injected: {rule.Method} {rule.PathPattern} -> {rule.Fault} on call {rule.OnCall}");
        var result = await _service.StartFreshAsync(_owner, provisionAgain: true);
        report.Cost();
        PrintCleanup(result.Cleanup);
        Report.Line($"new application id: {result.NewApplicationId}");
        if (result.Provisioning is { } provisioning)
        {
            PrintResult(provisioning);
        }

        report.Expect(rule.AppliedCount == 1, "the fault was hit once");
        report.Expect(
            result.Outcome == ProvisioningOutcome.Failed && result.Error?.Step == ProvisioningStep.ApplicationApiKey && result.Error.HttpStatus == 503,
            "start fresh reports Failed at the application key step with TTS's 503",
            result.Error is null ? result.Outcome.ToString() : $"{result.Outcome}: {Describe(result.Error)}");
        PrintTts();
        await StatusAsync(ProvisioningState.Failed, NextAction.Retry);
        return result.NewApplicationId;
    }

    private async Task RetryAsync()
    {
        var expectFailureToResume = env.Fake is not null;
        report.Step(expectFailureToResume
            ? "Retry as the owner: TTS is healthy again, the run resumes at the failed step"
            : "Retry as the owner: nothing failed, so there is nothing to retry");
        var result = await _service.RetryAsync(_owner);
        report.Cost();
        PrintResult(result);
        if (expectFailureToResume)
        {
            report.Expect(result.IsReady, "the tenant is Ready", Describe(result));
            report.Expect(result.TtsRequestCount < MaxRequestsPerNewTenant, "only the missing steps were redone", $"{result.TtsRequestCount} requests");
            PrintTts();
        }
        else
        {
            report.Expect(result.Outcome == ProvisioningOutcome.NotApplicable && result.State == ProvisioningState.Ready, "retry answers NotApplicable and the tenant stays Ready", Describe(result));
        }
    }

    private async Task StartFreshAsync(string? previousApplicationId)
    {
        report.Step("Start fresh as the owner: remove the application and its keys, provision again with a new application id");
        var result = await _service.StartFreshAsync(_owner, provisionAgain: true);
        report.Cost();
        PrintCleanup(result.Cleanup);
        if (result.Provisioning is { } provisioning)
        {
            PrintResult(provisioning);
        }

        report.Expect(result.Outcome == ProvisioningOutcome.Succeeded && result.Provisioning?.IsReady == true, "the tenant is Ready again", result.Error is null ? result.Outcome.ToString() : Describe(result.Error));
        report.Expect(result.Cleanup.IsComplete, "the old application and keys are gone");
        report.Expect(result.NewApplicationId is not null && result.NewApplicationId != previousApplicationId, $"a new application id (TTS keeps deleted ids reserved), not {previousApplicationId}", result.NewApplicationId);
        PrintTts();
    }

    private async Task DeepCleanAsync()
    {
        report.Step("Deep clean as the owner: remove everything the tenant owns on TTS");
        var result = await _service.DeepCleanAsync(_owner);
        report.Cost();
        PrintCleanup(result.Report);
        report.Expect(result.Outcome == ProvisioningOutcome.Succeeded && result.Report.IsComplete, "every resource is Deleted or AlreadyGone", result.Error is null ? result.Outcome.ToString() : Describe(result.Error));
        PrintTts();
        if (env.Fake is not null)
        {
            var live = LiveResources(env.Fake);
            report.Expect(live.Count == 0, "TTS holds nothing of the tenant any more", string.Join(", ", live));
        }

        await StatusAsync(ProvisioningState.Idle, NextAction.Provision);
    }

    // ---- printing ----------------------------------------------------------------------------

    private static void PrintResult(ProvisioningResult result)
    {
        Report.Line($"outcome {result.Outcome}, state {result.State}, organization {result.OrganizationId ?? "-"}, application {result.ApplicationId ?? "-"}");
        Report.Line($"checkpoints {result.Checkpoints}");
        if (result.Error is { } error)
        {
            Report.Line($"error: {Describe(error)}");
        }

        foreach (var warning in result.Warnings)
        {
            Report.Line($"warning: {warning}");
        }
    }

    private static void PrintCleanup(CleanupReport cleanup)
    {
        foreach (var resource in cleanup.Resources)
        {
            Report.Line($"cleanup: {resource.Kind} {resource.Id}: {resource.Status}{(resource.Purged ? " (purged)" : "")}{(resource.Reason is null ? "" : $": {resource.Reason}")}");
        }
    }

    /// <summary>What the fake holds for the tenant right now (the admin's own user key left out).</summary>
    private void PrintTts()
    {
        if (env.Fake is not { } fake)
        {
            return;
        }

        Report.Line("on TTS (FakeThingsStack) now:");
        var organizations = fake.Organizations.Select(o => o.Id + (o.IsDeleted ? " (deleted)" : "")).ToList();
        var applications = fake.Applications.Select(a => a.Id + (a.IsDeleted ? " (deleted)" : "")).ToList();
        var keys = fake.ApiKeys.Where(k => k.EntityType != FakeEntityType.User).Select(k => $"{k.Name} on {k.EntityId}").ToList();
        var webhooks = fake.Webhooks.Select(w => $"{w.ApplicationId}/{w.WebhookId} on {w.Cluster} -> {w.BaseUrl}").ToList();
        Report.Line($"    organizations: {List(organizations)}");
        Report.Line($"    applications:  {List(applications)}");
        Report.Line($"    API keys:      {List(keys)}");
        Report.Line($"    webhooks:      {List(webhooks)}");
        Report.Line($"    requests received so far: {fake.Journal.Entries.Count}");
    }

    private static List<string> LiveResources(FakeThingsStack fake) =>
    [
        .. fake.Organizations.Where(o => !o.IsDeleted).Select(o => "organization " + o.Id),
        .. fake.Applications.Where(a => !a.IsDeleted).Select(a => "application " + a.Id),
        .. fake.ApiKeys.Where(k => k.EntityType != FakeEntityType.User).Select(k => "API key " + k.Name),
        .. fake.Webhooks.Select(w => "webhook " + w.WebhookId),
    ];

    private static string Tail(string? lastFour) => lastFour is null ? "(none)" : "…" + lastFour;

    private static string List(List<string> items) => items.Count == 0 ? "(none)" : string.Join(", ", items);

    private static string Describe(ProvisioningResult result) =>
        result.Error is null ? $"{result.Outcome} / {result.State}" : $"{result.Outcome} / {result.State}: {Describe(result.Error)}";

    private static string Describe(TenantError error) =>
        $"step {error.Step?.ToString() ?? "-"}: {error.Message} (HTTP {error.HttpStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}, {error.ErrorName ?? "-"}, correlation {error.CorrelationId ?? "-"}{(error.IsTransient ? ", transient" : "")})";
}
