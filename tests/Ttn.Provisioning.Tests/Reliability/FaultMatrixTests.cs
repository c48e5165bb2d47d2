using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.Tests.Provisioning;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Reliability;

/// <summary>
/// Issue 6, part 1: every step of provisioning, start fresh and deep clean under every fault. A provisioning fault
/// ends Ready after at most two retries with one of each resource; a clean-up fault is reported, and a re-run finishes.
/// </summary>
public sealed class FaultMatrixTests
{
    /// <summary>Each provisioning step: its request, and the store write that records its success (where a crash hits).</summary>
    internal static readonly (ProvisioningStep Step, FaultPoint Point, Func<TenantRecord, bool> Records)[] ProvisioningSteps =
    [
        (ProvisioningStep.Preflight, new("preflight", "GET", "auth_info"), r => r.TtsUserId is not null),
        (ProvisioningStep.Organization, new("organization", "POST", "users/*/organizations"), r => r.Checkpoints.HasFlag(ProvisioningStep.Organization)),
        (ProvisioningStep.OrganizationApiKey, new("organization key", "POST", "organizations/*/api-keys"), r => r.OrganizationApiKey?.Sealed is not null),
        (ProvisioningStep.Application, new("application", "POST", "organizations/*/applications"), r => r.Checkpoints.HasFlag(ProvisioningStep.Application)),
        (ProvisioningStep.ApplicationApiKey, new("application key", "POST", "applications/*/api-keys"), r => r.ApplicationApiKey?.Sealed is not null),
        (ProvisioningStep.Webhook, new("webhook", "PUT", "as/webhooks/*/*"), r => r.Checkpoints.HasFlag(ProvisioningStep.Webhook)),
    ];

    /// <summary>The requests of a start fresh's clean-up of a ready tenant.</summary>
    internal static readonly FaultPoint[] StartFreshPoints =
    [
        new("look up application", "GET", "applications/*"),
        new("delete webhook", "DELETE", "as/webhooks/*/*"),
        new("list application keys", "GET", "applications/*/api-keys"),
        new("delete application key", "DELETE", "applications/*/api-keys/*"),
        new("delete application", "DELETE", "applications/*"),
        new("list organization keys", "GET", "organizations/*/api-keys"),
        new("delete organization key", "DELETE", "organizations/*/api-keys/*"),
    ];

    /// <summary>The requests of a deep clean of a ready tenant with a device and a gateway, with a purging admin key.</summary>
    internal static readonly FaultPoint[] DeepCleanPoints =
    [
        new("check admin key", "GET", "auth_info"),
        new("look up application", "GET", "applications/*"),
        new("list devices", "GET", "applications/*/devices"),
        new("delete device from AS", "DELETE", "as/applications/*/devices/*"),
        new("delete device from NS", "DELETE", "ns/applications/*/devices/*"),
        new("delete device from JS", "DELETE", "js/applications/*/devices/*"),
        new("delete device from IS", "DELETE", "applications/*/devices/*"),
        new("list webhooks", "GET", "as/webhooks/*"),
        new("delete webhook", "DELETE", "as/webhooks/*/*"),
        new("list application keys", "GET", "applications/*/api-keys"),
        new("delete application key", "DELETE", "applications/*/api-keys/*"),
        new("delete application", "DELETE", "applications/*"),
        new("purge application", "DELETE", "applications/*/purge"),
        new("look up organization", "GET", "organizations/*"),
        new("list organization keys", "GET", "organizations/*/api-keys"),
        new("delete organization key", "DELETE", "organizations/*/api-keys/*"),
        new("list gateways", "GET", "organizations/*/gateways"),
        new("delete gateway", "DELETE", "gateways/*"),
        new("purge gateway", "DELETE", "gateways/*/purge"),
        new("delete organization", "DELETE", "organizations/*"),
        new("purge organization", "DELETE", "organizations/*/purge"),
    ];

    public static TheoryData<ProvisioningStep, Fault> ProvisioningCases()
    {
        var data = new TheoryData<ProvisioningStep, Fault>();
        foreach (var (step, _, _) in ProvisioningSteps)
        {
            foreach (var fault in Enum.GetValues<Fault>())
            {
                data.Add(step, fault);
            }
        }

        return data;
    }

    public static TheoryData<string, Fault> StartFreshCases() => CleanupCases(StartFreshPoints);

    public static TheoryData<string, Fault> DeepCleanCases() => CleanupCases(DeepCleanPoints);

    [Theory]
    [MemberData(nameof(ProvisioningCases))]
    public async Task Provisioning_fault_ends_ready_with_one_of_each_after_at_most_two_retries(ProvisioningStep step, Fault fault)
    {
        await using var host = new ProvisioningTestHost();
        var (_, point, records) = ProvisioningSteps.Single(s => s.Step == step);
        var rule = fault == Fault.CrashBeforeStoreWrite ? null : FaultInjection.Arm(host, point, fault);
        if (fault == Fault.CrashBeforeStoreWrite)
        {
            FaultInjection.CrashOn(host, records);
        }

        var first = await FaultInjection.RunAsync(host, fault, () => host.Service.ProvisionAsync(Owner()));

        if (first is not null)
        {
            Assert.Equal(1, rule!.AppliedCount);
            Assert.Equal(ProvisioningOutcome.Failed, first.Outcome);
            Assert.Equal(step, first.Error!.Step);
            Assert.True(first.Error.IsTransient, first.Error.Message);
            Assert.Equal(ProvisioningState.Failed, (await host.RecordAsync()).State);
        }

        var result = first;
        for (var retries = 0; retries < 2 && result?.IsReady != true; retries++)
        {
            result = await host.Service.RetryAsync(Owner());
        }

        Assert.True(result!.IsReady, result.Error?.Message);
        AssertOneOfEach(host);
        await FailureAndRetryTests.AssertStoredSecretsOpenAsync(host);
        var record = await host.RecordAsync();
        Assert.Null(record.Lease?.Holder);
        Assert.Null(record.LastError);
        Assert.Equal(ProvisioningStep.None, record.PendingSteps);
    }

    [Theory]
    [MemberData(nameof(StartFreshCases))]
    public async Task Start_fresh_fault_is_reported_and_a_rerun_leaves_nothing_of_the_old_application(string point, Fault fault)
    {
        await using var host = new ProvisioningTestHost();
        var provisioned = await host.Service.ProvisionAsync(Owner());
        Assert.True(provisioned.IsReady);
        if (fault == Fault.CrashBeforeStoreWrite)
        {
            FaultInjection.CrashOn(host, r => r.State == ProvisioningState.Idle);
        }
        else
        {
            FaultInjection.Arm(host, StartFreshPoints.Single(p => p.Name == point), fault);
        }

        var first = await FaultInjection.RunAsync(host, fault, () => host.Service.StartFreshAsync(Owner(), provisionAgain: false));

        // A fault is either reported, or (a look-up that failed) harmless: never a success that left something behind.
        if (first is { Outcome: ProvisioningOutcome.Succeeded })
        {
            AssertNothingLeftOfTheOldApplication(host);
        }
        else if (first is not null)
        {
            Assert.Equal(ProvisioningOutcome.Failed, first.Outcome);
            Assert.NotEmpty(first.Cleanup.Failures);
            Assert.NotNull(first.Error);
            Assert.Equal(NextAction.StartFresh, (await host.Service.GetStatusAsync(Owner())).Status!.NextAction);
        }

        var rerun = await host.Service.StartFreshAsync(Owner(), provisionAgain: false);

        Assert.True(rerun.Outcome == ProvisioningOutcome.Succeeded, string.Join("; ", rerun.Cleanup.Failures.Select(f => $"{f.Kind} {f.Id}: {f.Reason}")));
        Assert.True(rerun.Cleanup.IsComplete);
        AssertNothingLeftOfTheOldApplication(host);
        var record = await host.RecordAsync();
        Assert.Equal(ProvisioningState.Idle, record.State);
        Assert.Null(record.OrganizationApiKey?.Sealed);
        Assert.Null(record.ApplicationApiKey?.Sealed);
        Assert.NotEqual(provisioned.ApplicationId, record.ApplicationId);

        var again = await host.Service.ProvisionAsync(Owner());
        Assert.True(again.IsReady, again.Error?.Message);
        AssertOneOfEach(host);
    }

    [Theory]
    [MemberData(nameof(DeepCleanCases))]
    public async Task Deep_clean_fault_is_reported_and_a_rerun_leaves_nothing_of_the_tenant(string point, Fault fault)
    {
        await using var host = new ProvisioningTestHost(adminIsTtsAdmin: true);
        Assert.True((await host.Service.ProvisionAsync(Owner())).IsReady);
        await LifecycleOperationTests.AddDeviceAndGatewayAsync(host, await host.RecordAsync());
        if (fault == Fault.CrashBeforeStoreWrite)
        {
            FaultInjection.CrashOn(host, r => r.Lease?.Holder is null);
        }
        else
        {
            FaultInjection.Arm(host, DeepCleanPoints.Single(p => p.Name == point), fault);
        }

        var first = await FaultInjection.RunAsync(host, fault, () => host.Service.DeepCleanAsync(Owner()));

        if (first is { Outcome: ProvisioningOutcome.Succeeded })
        {
            AssertNothingLeftOfTheTenant(host);
        }
        else if (first is not null)
        {
            Assert.Equal(ProvisioningOutcome.Failed, first.Outcome);
            Assert.NotNull(first.Error);
            Assert.True(first.Error.IsTransient, first.Error.Message);
            Assert.NotNull((await host.RecordAsync()).OrganizationId);
        }

        var rerun = await host.Service.DeepCleanAsync(Owner());

        Assert.True(rerun.Outcome == ProvisioningOutcome.Succeeded, rerun.Error?.Message + " " + string.Join("; ", rerun.Report.Failures.Select(f => $"{f.Kind} {f.Id}: {f.Reason}")));
        Assert.True(rerun.Report.IsComplete);
        AssertNothingLeftOfTheTenant(host);
        var record = await host.RecordAsync();
        Assert.Equal(ProvisioningState.Idle, record.State);
        Assert.Null(record.OrganizationId);
        Assert.Null(record.ApplicationId);
    }

    /// <summary>Exactly one live organization and application, and at most one live key of each kind (here: exactly one).</summary>
    internal static void AssertOneOfEach(ProvisioningTestHost host)
    {
        Assert.Single(host.Fake.Organizations, o => !o.IsDeleted);
        Assert.Single(host.Fake.Applications, a => !a.IsDeleted);
        Assert.Single(host.LiveKeys("organization"));
        Assert.Single(host.LiveKeys("application"));
        Assert.True(host.LiveKeys("gateway").Count <= 1);
        Assert.Single(host.Fake.Webhooks);
    }

    /// <summary>With a purging admin key: no organization, application, gateway, device, webhook or entity key at all, not even soft-deleted.</summary>
    internal static void AssertNothingLeftOfTheTenant(ProvisioningTestHost host)
    {
        Assert.Empty(host.Fake.Organizations);
        Assert.Empty(host.Fake.Applications);
        Assert.Empty(host.Fake.Gateways);
        Assert.Empty(host.Fake.EndDevices);
        Assert.Empty(host.Fake.Webhooks);
        Assert.DoesNotContain(host.Fake.ApiKeys, k => k.EntityType != FakeEntityType.User);
    }

    private static void AssertNothingLeftOfTheOldApplication(ProvisioningTestHost host)
    {
        Assert.DoesNotContain(host.Fake.Applications, a => !a.IsDeleted);
        Assert.Empty(host.Fake.Webhooks);
        Assert.Empty(host.LiveKeys("organization"));
        Assert.Empty(host.LiveKeys("application"));
    }

    private static TheoryData<string, Fault> CleanupCases(FaultPoint[] points)
    {
        var data = new TheoryData<string, Fault>();
        foreach (var point in points)
        {
            foreach (var fault in FaultInjection.RouteFaults)
            {
                data.Add(point.Name, fault);
            }
        }

        data.Add("store write", Fault.CrashBeforeStoreWrite);
        return data;
    }
}
