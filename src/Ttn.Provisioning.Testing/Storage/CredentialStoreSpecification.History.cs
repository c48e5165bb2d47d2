using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;
using Xunit;

namespace Ttn.Provisioning.Testing.Storage;

/// <summary>Each tenant's history: appended beside the record, bounded, paged newest first.</summary>
public abstract partial class CredentialStoreSpecification
{
    /// <summary>Every field of an entry reads back as written, and the newest entry comes first.</summary>
    [StoreFact]
    public async Task HistoryRoundTripsEveryFieldNewestFirst()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var older = FullHistoryEntry("history", 1);
        var full = FullHistoryEntry("history", 2);
        var newer = new TenantHistoryEntry(
            tenantId: full.TenantId,
            occurredAt: full.OccurredAt,
            operation: ProvisioningOperation.TestConnection,
            userId: full.UserId,
            role: TenantRole.Staff,
            outcome: ProvisioningOutcome.TenantDisabled,
            failedStep: null,
            message: null,
            errorName: null,
            correlationId: null,
            ttsRequestCount: full.TtsRequestCount,
            duration: full.Duration);

        await store.AppendHistoryAsync(older, 10).ConfigureAwait(false);
        await store.AppendHistoryAsync(newer, 10).ConfigureAwait(false);
        var page = await store.GetHistoryAsync("history", 10, null).ConfigureAwait(false);

        Assert.Equal(2, page.Entries.Count);
        AssertSameValues("newest entry", typeof(TenantHistoryEntry), newer, page.Entries[0]);
        AssertSameValues("oldest entry", typeof(TenantHistoryEntry), older, page.Entries[1]);
        Assert.Null(page.NextPageToken);
    }

    /// <summary>Beyond the bound, the oldest entries of that tenant are dropped; other tenants keep theirs.</summary>
    [StoreFact]
    public async Task HistoryKeepsOnlyTheNewestEntriesUpToTheBound()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        await store.AppendHistoryAsync(FullHistoryEntry("other", 0), 5).ConfigureAwait(false);
        for (var i = 1; i <= 8; i++)
        {
            await store.AppendHistoryAsync(FullHistoryEntry("bounded", i), 5).ConfigureAwait(false);
        }

        var page = await store.GetHistoryAsync("bounded", 100, null).ConfigureAwait(false);

        Assert.Equal([8, 7, 6, 5, 4], page.Entries.Select(e => e.TtsRequestCount));
        Assert.Single((await store.GetHistoryAsync("other", 100, null).ConfigureAwait(false)).Entries);
    }

    /// <summary>Paging visits every entry exactly once, newest first, and the last page has no next token.</summary>
    [StoreFact]
    public async Task HistoryPagesNewestFirstThroughEveryEntryOnce()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        const int count = 23;
        for (var i = 1; i <= count; i++)
        {
            await store.AppendHistoryAsync(FullHistoryEntry("paged", i), 200).ConfigureAwait(false);
        }

        foreach (var pageSize in new[] { 1, 4, count, count + 7 })
        {
            var seen = new List<int>();
            string? token = null;
            do
            {
                var page = await store.GetHistoryAsync("paged", pageSize, token).ConfigureAwait(false);
                Assert.True(page.Entries.Count <= pageSize, $"A page of {page.Entries.Count} entries exceeds the limit {pageSize}.");
                Assert.True(page.NextPageToken is null || page.Entries.Count == pageSize, "Only a full page may have a next page.");
                seen.AddRange(page.Entries.Select(e => e.TtsRequestCount));
                token = page.NextPageToken;
                Assert.True(seen.Count <= count, "Paging does not end.");
            }
            while (token is not null);

            Assert.Equal(Enumerable.Range(1, count).Reverse(), seen);
        }
    }

    /// <summary>A tenant with no history reads empty; tenant ids are case-sensitive here too.</summary>
    [StoreFact]
    public async Task HistoryOfATenantHoldsOnlyItsOwnEntries()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        await store.AppendHistoryAsync(FullHistoryEntry("Tenant", 1), 10).ConfigureAwait(false);
        await store.AppendHistoryAsync(FullHistoryEntry("tenant", 2), 10).ConfigureAwait(false);

        Assert.Equal([1], (await store.GetHistoryAsync("Tenant", 10, null).ConfigureAwait(false)).Entries.Select(e => e.TtsRequestCount));
        Assert.Equal([2], (await store.GetHistoryAsync("tenant", 10, null).ConfigureAwait(false)).Entries.Select(e => e.TtsRequestCount));
        var none = await store.GetHistoryAsync("TENANT", 10, null).ConfigureAwait(false);
        Assert.Empty(none.Entries);
        Assert.Null(none.NextPageToken);
    }

    /// <summary>Appending history neither needs a record nor changes the record's version.</summary>
    [StoreFact]
    public async Task HistoryLivesBesideTheRecordWithoutChangingIt()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var written = (await store.TryWriteAsync(MinimalRecord("beside")).ConfigureAwait(false))!;

        await store.AppendHistoryAsync(FullHistoryEntry("beside", 1), 10).ConfigureAwait(false);
        await store.AppendHistoryAsync(FullHistoryEntry("no-record", 1), 10).ConfigureAwait(false);

        Assert.Equal(written.Version, (await store.GetAsync("beside").ConfigureAwait(false))!.Version);
        Assert.NotNull(await store.TryWriteAsync(written).ConfigureAwait(false));
        Assert.Null(await store.GetAsync("no-record").ConfigureAwait(false));
        Assert.Single((await store.GetHistoryAsync("no-record", 10, null).ConfigureAwait(false)).Entries);
    }

    /// <summary>A page token the store did not give, a limit below 1 and a bound below 1 are refused.</summary>
    [StoreFact]
    public async Task HistoryRefusesForeignTokensAndLimitsBelowOne()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.GetHistoryAsync("x", 10, "not a token")).ConfigureAwait(false);
        await Assert.ThrowsAnyAsync<ArgumentOutOfRangeException>(() => store.GetHistoryAsync("x", 0, null)).ConfigureAwait(false);
        await Assert.ThrowsAnyAsync<ArgumentOutOfRangeException>(() => store.AppendHistoryAsync(FullHistoryEntry("x", 1), 0))
            .ConfigureAwait(false);
    }

    /// <summary>Concurrent appends for one tenant all land, each once.</summary>
    [StoreFact]
    public async Task HistoryKeepsEveryConcurrentAppend()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);

        await RaceAsync(async i =>
        {
            await store.AppendHistoryAsync(FullHistoryEntry("race", i), 1000).ConfigureAwait(false);
            return i;
        }).ConfigureAwait(false);

        var page = await store.GetHistoryAsync("race", 100, null).ConfigureAwait(false);
        Assert.Equal(Enumerable.Range(0, ConcurrentWriters), page.Entries.Select(e => e.TtsRequestCount).Order());
    }

    /// <summary>
    /// A history entry whose every property holds a non-default value (instants with non-zero offsets, non-ASCII text);
    /// <paramref name="number"/> is its request count, to tell entries apart.
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="number">A number to tell it from others.</param>
    protected static TenantHistoryEntry FullHistoryEntry(string tenantId, int number) => new(
        tenantId: tenantId,
        occurredAt: BaseTime.AddMinutes(number).AddTicks(3),
        operation: ProvisioningOperation.UpdateSettings,
        userId: "user-ü-1",
        role: TenantRole.Admin,
        outcome: ProvisioningOutcome.Failed,
        failedStep: ProvisioningStep.Webhook,
        message: "Applying the tenant's settings failed — 拒绝 " + new string('m', 1200),
        errorName: "no_application_rights",
        correlationId: "corr-" + number,
        ttsRequestCount: number,
        duration: TimeSpan.FromMilliseconds(1234.5678));
}
