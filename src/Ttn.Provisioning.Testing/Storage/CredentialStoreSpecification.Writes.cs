using Ttn.Provisioning.Storage;
using Xunit;

namespace Ttn.Provisioning.Testing.Storage;

/// <summary>Compare-and-swap, leases, deletes and concurrent writers.</summary>
public abstract partial class CredentialStoreSpecification
{
    /// <summary>Creating (version 0) a tenant that exists fails and leaves the stored record as it was.</summary>
    [StoreFact]
    public async Task CreateConflictsWhenTheTenantExists()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var first = await store.TryWriteAsync(MinimalRecord("create-twice") with { TtsUserId = "first" }).ConfigureAwait(false);
        Assert.NotNull(first);

        Assert.Null(await store.TryWriteAsync(MinimalRecord("create-twice") with { TtsUserId = "second" }).ConfigureAwait(false));

        var stored = await store.GetAsync("create-twice").ConfigureAwait(false);
        Assert.Equal("first", stored!.TtsUserId);
        Assert.Equal(1, stored.Version);
    }

    /// <summary>A write carrying a version that is no longer stored fails and changes nothing.</summary>
    [StoreFact]
    public async Task CompareAndSwapConflictsOnAStaleVersion()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var v1 = (await store.TryWriteAsync(MinimalRecord("cas")).ConfigureAwait(false))!;
        var v2 = await store.TryWriteAsync(v1 with { OrganizationId = "org-a" }).ConfigureAwait(false);
        Assert.NotNull(v2);

        Assert.Null(await store.TryWriteAsync(v1 with { OrganizationId = "org-b" }).ConfigureAwait(false));

        var stored = await store.GetAsync("cas").ConfigureAwait(false);
        Assert.Equal(2, stored!.Version);
        Assert.Equal("org-a", stored.OrganizationId);
    }

    /// <summary>An update (version above 0) of a tenant that does not exist fails and creates nothing.</summary>
    [StoreFact]
    public async Task UpdateOfAMissingTenantFails()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        Assert.Null(await store.TryWriteAsync(MinimalRecord("missing") with { Version = 3 }).ConfigureAwait(false));
        Assert.Null(await store.GetAsync("missing").ConfigureAwait(false));
    }

    /// <summary>
    /// Lease takeover: a holder's heartbeat moves the version on, so a taker holding the old version fails; after reading
    /// the current version it takes the lease over, and the old holder's next heartbeat fails.
    /// </summary>
    [StoreFact]
    public async Task LeaseTakeoverNeedsTheCurrentVersion()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var leased = (await store.TryWriteAsync(MinimalRecord("lease") with
        {
            State = ProvisioningState.Provisioning,
            Lease = new TenantLease("run-a", BaseTime, BaseTime.AddMinutes(2)),
        }).ConfigureAwait(false))!;

        // The taker read the record before the holder's heartbeat.
        var takersView = (await store.GetAsync("lease").ConfigureAwait(false))!;
        var heartbeat = (await store.TryWriteAsync(
            leased with { Lease = new TenantLease("run-a", BaseTime.AddMinutes(1), BaseTime.AddMinutes(3)) }).ConfigureAwait(false))!;
        Assert.NotNull(heartbeat);

        var takeover = takersView with { Lease = new TenantLease("run-b", BaseTime.AddMinutes(5), BaseTime.AddMinutes(7)) };
        Assert.Null(await store.TryWriteAsync(takeover).ConfigureAwait(false));

        var current = (await store.GetAsync("lease").ConfigureAwait(false))!;
        Assert.Equal("run-a", current.Lease?.Holder);
        var taken = await store.TryWriteAsync(
            current with { Lease = new TenantLease("run-b", BaseTime.AddMinutes(5), BaseTime.AddMinutes(7)) }).ConfigureAwait(false);
        Assert.NotNull(taken);

        Assert.Null(
            await store.TryWriteAsync(
                heartbeat with { Lease = new TenantLease("run-a", BaseTime.AddMinutes(6), BaseTime.AddMinutes(8)) }).ConfigureAwait(false));
        var final = (await store.GetAsync("lease").ConfigureAwait(false))!;
        Assert.Equal("run-b", final.Lease?.Holder);
        Assert.Equal(BaseTime.AddMinutes(7), final.Lease?.ExpiresAt);
    }

    /// <summary>Deletion succeeds only at the stored version; afterwards the tenant can be created again.</summary>
    [StoreFact]
    public async Task DeleteNeedsTheStoredVersion()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var v1 = (await store.TryWriteAsync(MinimalRecord("delete-me")).ConfigureAwait(false))!;
        var v2 = (await store.TryWriteAsync(v1 with { AttemptCount = 2 }).ConfigureAwait(false))!;

        Assert.False(await store.DeleteAsync("delete-me", v1.Version).ConfigureAwait(false));
        Assert.NotNull(await store.GetAsync("delete-me").ConfigureAwait(false));
        Assert.False(await store.DeleteAsync("not-there", 1).ConfigureAwait(false));

        Assert.True(await store.DeleteAsync("delete-me", v2.Version).ConfigureAwait(false));
        Assert.Null(await store.GetAsync("delete-me").ConfigureAwait(false));
        Assert.False(await store.DeleteAsync("delete-me", v2.Version).ConfigureAwait(false));
        Assert.Null(await store.TryWriteAsync(v2).ConfigureAwait(false));

        var again = await store.TryWriteAsync(MinimalRecord("delete-me")).ConfigureAwait(false);
        Assert.NotNull(again);
        Assert.Equal(1, again.Version);
    }

    /// <summary>Many writers updating from the same version at once: exactly one wins, and its write is the one stored.</summary>
    [StoreFact]
    public async Task ConcurrentWritersFromOneVersionHaveExactlyOneWinner()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var v1 = (await store.TryWriteAsync(MinimalRecord("race")).ConfigureAwait(false))!;

        var results = await RaceAsync(i => store.TryWriteAsync(v1 with { TtsUserId = "writer-" + i })).ConfigureAwait(false);

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(2, winner!.Version);
        var stored = (await store.GetAsync("race").ConfigureAwait(false))!;
        Assert.Equal(winner.TtsUserId, stored.TtsUserId);
        Assert.Equal(2, stored.Version);
    }

    /// <summary>Many writers creating the same tenant at once: exactly one wins.</summary>
    [StoreFact]
    public async Task ConcurrentCreatorsHaveExactlyOneWinner()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);

        var results = await RaceAsync(i =>
            store.TryWriteAsync(MinimalRecord("create-race") with { TtsUserId = "creator-" + i })).ConfigureAwait(false);

        var winner = Assert.Single(results, r => r is not null);
        var stored = (await store.GetAsync("create-race").ConfigureAwait(false))!;
        Assert.Equal(winner!.TtsUserId, stored.TtsUserId);
        Assert.Equal(1, stored.Version);
    }

    /// <summary>Concurrent deleters at one version: exactly one deletes.</summary>
    [StoreFact]
    public async Task ConcurrentDeletersHaveExactlyOneWinner()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var v1 = (await store.TryWriteAsync(MinimalRecord("delete-race")).ConfigureAwait(false))!;

        var results = await RaceAsync(_ => store.DeleteAsync("delete-race", v1.Version)).ConfigureAwait(false);

        Assert.Single(results, r => r);
        Assert.Null(await store.GetAsync("delete-race").ConfigureAwait(false));
    }

    private async Task<T[]> RaceAsync<T>(Func<int, Task<T>> write)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, ConcurrentWriters)
            .Select(i => Task.Run(async () =>
            {
                await start.Task.ConfigureAwait(false);
                return await write(i).ConfigureAwait(false);
            }))
            .ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }
}
