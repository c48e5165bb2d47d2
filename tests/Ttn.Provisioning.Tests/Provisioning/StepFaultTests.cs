using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Provisioning;

/// <summary>403 and 404 answers at each step, and a host crash between each step's TTS call and its store write.</summary>
public sealed class StepFaultTests
{
    public static TheoryData<string, string, ProvisioningStep, int> RefusalsAtEachStep()
    {
        var data = new TheoryData<string, string, ProvisioningStep, int>();
        foreach (var status in new[] { 403, 404 })
        {
            data.Add("GET", "auth_info", ProvisioningStep.Preflight, status);
            data.Add("POST", "users/*/organizations", ProvisioningStep.Organization, status);
            data.Add("POST", "organizations/*/api-keys", ProvisioningStep.OrganizationApiKey, status);
            data.Add("POST", "organizations/*/applications", ProvisioningStep.Application, status);
            data.Add("POST", "applications/*/api-keys", ProvisioningStep.ApplicationApiKey, status);
            data.Add("PUT", "as/webhooks/*/*", ProvisioningStep.Webhook, status);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RefusalsAtEachStep))]
    public async Task Refusal_at_a_step_is_recorded_with_its_status_and_retry_finishes_once_tts_accepts(string method, string route, ProvisioningStep step, int status)
    {
        await using var host = new ProvisioningTestHost();
        var rule = host.Fake.Faults.Add(new HttpMethod(method), route, FakeFault.Status(status));

        var failed = await host.Service.ProvisionAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Failed, failed.Outcome);
        Assert.Equal(step, failed.Error!.Step);
        Assert.Equal(status, failed.Error.HttpStatus);
        Assert.False(failed.Error.IsTransient);
        var record = await host.RecordAsync();
        Assert.Equal(ProvisioningState.Failed, record.State);
        Assert.Equal(status, record.LastError!.HttpStatus);
        Assert.Null(record.Lease?.Holder);

        host.Fake.Faults.Remove(rule);
        var retried = await host.Service.RetryAsync(Owner());

        Assert.True(retried.IsReady, retried.Error?.Message);
        FailureAndRetryTests.AssertExactlyOneOfEach(host);
    }

    public static TheoryData<string> CrashPoints() => ["organization", "organization key", "application", "application key", "webhook"];

    [Theory]
    [MemberData(nameof(CrashPoints))]
    public async Task Crash_between_the_tts_call_and_the_store_write_is_resumed_by_retry_without_orphans(string crashPoint)
    {
        await using var host = new ProvisioningTestHost();
        host.CrashStore.CrashWhen = crashPoint switch
        {
            "organization" => r => r.Checkpoints.HasFlag(ProvisioningStep.Organization),
            "organization key" => r => r.OrganizationApiKey?.Sealed is not null,
            "application" => r => r.Checkpoints.HasFlag(ProvisioningStep.Application),
            "application key" => r => r.ApplicationApiKey?.Sealed is not null,
            _ => r => r.Checkpoints.HasFlag(ProvisioningStep.Webhook),
        };

        await Assert.ThrowsAsync<IOException>(() => host.Service.ProvisionAsync(Owner()));
        host.CrashStore.Recover();
        host.Time.Advance(TimeSpan.FromMinutes(2) + TimeSpan.FromSeconds(1));

        var retried = await host.Service.RetryAsync(Owner());

        Assert.True(retried.IsReady, retried.Error?.Message);
        FailureAndRetryTests.AssertExactlyOneOfEach(host);
        await FailureAndRetryTests.AssertStoredSecretsOpenAsync(host);
    }
}

public sealed class UnreachableThingsStackTests
{
    [Fact]
    public async Task Dropped_connection_is_reported_as_unreachable_not_as_an_answer()
    {
        await using var host = new ProvisioningTestHost();
        host.Fake.Faults.Add(HttpMethod.Get, "auth_info", FakeFault.DropConnection(), onCall: 1);

        var result = await host.Service.ProvisionAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Contains("could not be reached", result.Error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("answered", result.Error.Message, StringComparison.Ordinal);
        Assert.True(result.Error.IsTransient);
    }
}
