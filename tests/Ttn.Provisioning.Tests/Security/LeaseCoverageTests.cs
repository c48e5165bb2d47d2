using Microsoft.Extensions.Time.Testing;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Tests.Security;

/// <summary>
/// Issue 10, finding 5: a run never calls The Things Stack on a lease that could end before the call does, so another
/// host cannot take the tenant over while the first run still acts.
/// </summary>
public sealed class LeaseCoverageTests
{
    private static readonly LeasePolicy Policy = new(Duration: TimeSpan.FromSeconds(200), LongestCall: TimeSpan.FromSeconds(180));

    [Fact]
    public async Task A_call_whose_worst_case_outlasts_the_lease_is_preceded_by_a_renewal_however_little_time_passed()
    {
        var (run, time, store) = await AcquireAsync();
        time.Advance(TimeSpan.FromSeconds(30));

        await run.EnsureLeaseCoversCallAsync(CancellationToken.None);

        var stored = await store.GetAsync("acme");
        Assert.Equal(time.GetUtcNow() + Policy.Duration, stored!.Lease!.ExpiresAt);
    }

    [Fact]
    public async Task A_lease_that_outlasts_the_longest_call_is_not_rewritten()
    {
        var (run, time, store) = await AcquireAsync();
        var version = (await store.GetAsync("acme"))!.Version;
        time.Advance(TimeSpan.FromSeconds(15));

        await run.EnsureLeaseCoversCallAsync(CancellationToken.None);

        Assert.Equal(version, (await store.GetAsync("acme"))!.Version);
    }

    [Fact]
    public async Task Another_run_cannot_take_the_tenant_over_while_a_renewed_call_is_still_running()
    {
        var (run, time, store) = await AcquireAsync();
        time.Advance(TimeSpan.FromSeconds(30));
        await run.EnsureLeaseCoversCallAsync(CancellationToken.None);

        // The call now takes its worst case: past the first lease's end, within the renewed one.
        time.Advance(Policy.LongestCall - TimeSpan.FromSeconds(1));
        var (other, busy, _) = await TenantRun.AcquireAsync(store, time, Policy, "acme", r => r, CancellationToken.None);

        Assert.True(busy);
        Assert.Null(other);
    }

    private static async Task<(TenantRun Run, FakeTimeProvider Time, InMemoryCredentialStore Store)> AcquireAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var store = new InMemoryCredentialStore();
        var (run, _, _) = await TenantRun.AcquireAsync(
            store, time, Policy, "acme", _ => new TenantRecord { TenantId = "acme" }, CancellationToken.None);
        return (run!, time, store);
    }
}
