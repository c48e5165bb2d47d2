using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tests.Provisioning;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Reliability;

/// <summary>
/// Issue 11, part 6: a settings update × every fault, and each read of the connection test × every fault. The settings
/// reach TTS exactly as asked once re-applied; a faulted test reports that check (transient) and changes nothing else.
/// </summary>
public sealed class SettingsAndConnectionFaultTests
{
    private static readonly FaultPoint SettingsPut = new("update settings", "PUT", "as/webhooks/*/*");

    /// <summary>The reads of a connection test, each with the checks its answer decides.</summary>
    internal static readonly (FaultPoint Point, ConnectionCheckKind Check)[] TestPoints =
    [
        (new("test: auth info", "GET", "auth_info"), ConnectionCheckKind.ApiKey),
        (new("test: application", "GET", "applications/*"), ConnectionCheckKind.Application),
        (new("test: webhook", "GET", "as/webhooks/*/*"), ConnectionCheckKind.Webhook),
    ];

    public static TheoryData<string, Fault> Cases()
    {
        var data = new TheoryData<string, Fault>();
        foreach (var fault in Enum.GetValues<Fault>())
        {
            data.Add(SettingsPut.Name, fault);
        }

        foreach (var (point, _) in TestPoints)
        {
            foreach (var fault in FaultInjection.RouteFaults)
            {
                data.Add(point.Name, fault);
            }
        }

        data.Add("test: store write", Fault.CrashBeforeStoreWrite);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fault_in_a_settings_update_or_a_connection_test_is_reported_and_a_rerun_holds(string point, Fault fault)
    {
        await using var host = new ProvisioningTestHost();
        Assert.True((await host.Service.ProvisionAsync(Owner())).IsReady);
        var webhookBefore = Assert.Single(host.Fake.Webhooks);
        if (point == SettingsPut.Name)
        {
            await SettingsAsync(host, fault);
        }
        else
        {
            await ConnectionTestAsync(host, point, fault);
        }

        var record = await host.RecordAsync();
        Assert.Equal(ProvisioningState.Ready, record.State);
        Assert.Null(record.Lease?.Holder);
        var webhook = Assert.Single(host.Fake.Webhooks);
        Assert.Equal(webhookBefore.BaseUrl, webhook.BaseUrl);
        Assert.Equal(webhookBefore.Headers, webhook.Headers);
    }

    /// <summary>Disabling under the fault: Failed and pending (or the host died); asking again applies it, once.</summary>
    private static async Task SettingsAsync(ProvisioningTestHost host, Fault fault)
    {
        var disable = new TenantSettingsUpdate { Enabled = false };
        if (fault == Fault.CrashBeforeStoreWrite)
        {
            FaultInjection.CrashOn(host, r => !r.Settings.Enabled && !r.SettingsPending);
        }
        else
        {
            FaultInjection.Arm(host, SettingsPut, fault);
        }

        var first = await FaultInjection.RunAsync(host, fault, () => host.Service.UpdateSettingsAsync(Owner(), disable));

        if (first is not null)
        {
            Assert.Equal(ProvisioningOutcome.Failed, first.Outcome);
            Assert.True(first.SettingsPending);
            Assert.True(first.Error!.IsTransient, first.Error.Message);
            Assert.Equal(NextAction.Retry, (await host.Service.GetStatusAsync(Owner())).Status!.NextAction);
        }

        var again = await host.Service.UpdateSettingsAsync(Owner(), disable);

        Assert.Equal(ProvisioningOutcome.Succeeded, again.Outcome);
        Assert.False(again.SettingsPending);
        Assert.True(Assert.Single(host.Fake.Webhooks).Paused);
    }

    /// <summary>The faulted read fails its check, transiently, and the others pass; the result is stored; a rerun passes.</summary>
    private static async Task ConnectionTestAsync(ProvisioningTestHost host, string point, Fault fault)
    {
        if (fault == Fault.CrashBeforeStoreWrite)
        {
            FaultInjection.CrashOn(host, r => r.LastConnectionTest is not null);
        }
        else
        {
            FaultInjection.Arm(host, TestPoints.Single(p => p.Point.Name == point).Point, fault);
        }

        var first = await FaultInjection.RunAsync(host, fault, () => host.Service.TestConnectionAsync(Owner()));

        if (first is not null)
        {
            var check = TestPoints.Single(p => p.Point.Name == point).Check;
            Assert.Equal(ProvisioningOutcome.Failed, first.Outcome);
            Assert.True(first.Error!.IsTransient, first.Error.Message);
            var failed = first.Test!.Failures.Select(c => c.Kind).ToList();
            Assert.Contains(check, failed);
            Assert.True(failed.Count <= 3, string.Join(", ", failed));
            Assert.Equal(first.Test.TestedAt, (await host.RecordAsync()).LastConnectionTest!.TestedAt);
        }

        var rerun = await host.Service.TestConnectionAsync(Owner());

        Assert.True(rerun.Outcome == ProvisioningOutcome.Succeeded, rerun.Error?.Message);
        Assert.True((await host.RecordAsync()).LastConnectionTest!.Passed);
    }
}
