using Ttn.Provisioning.Storage;
using Xunit;

namespace Ttn.Provisioning.Testing.Storage;

/// <summary>Paging through every tenant.</summary>
public abstract partial class CredentialStoreSpecification
{
    /// <summary>Listing pages through every tenant exactly once, in ordinal order (mixed case and non-ASCII ids).</summary>
    [StoreFact]
    public async Task ListPagesInOrdinalOrder()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        string[] ids =
        [
            "alpha", "Alpha", "ALPHA", "aLpha", "beta", "Beta", "b-1", "b_1", "b.1", "a9", "a10", "A10", "0001", "1",
            "tenant-9", "tenant-10", "Zürich", "zurich", "Zurich", "é-tenant", "e-tenant", "ñandú", "日本-tenant", "Ελλάδα",
            "z", "Z", "~tilde",
        ];
        foreach (var id in ids)
        {
            Assert.NotNull(await store.TryWriteAsync(MinimalRecord(id)).ConfigureAwait(false));
        }

        var expected = ids.OrderBy(id => id, StringComparer.Ordinal).ToList();
        foreach (var pageSize in new[] { 1, 4, 7, ids.Length, ids.Length + 5 })
        {
            var seen = await ListAllAsync(store, pageSize).ConfigureAwait(false);
            Assert.Equal(expected, seen);
        }

        var afterLast = await store.ListAsync(expected[^1], 10).ConfigureAwait(false);
        Assert.Empty(afterLast);

        var afterMissing = await store.ListAsync("b", 3).ConfigureAwait(false);
        Assert.Equal(expected.Where(id => string.CompareOrdinal(id, "b") > 0).Take(3), afterMissing.Select(r => r.TenantId));
    }

    /// <summary>Listing an empty store returns nothing; a limit below 1 is rejected.</summary>
    [StoreFact]
    public async Task ListOfAnEmptyStoreIsEmptyAndTheLimitIsChecked()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        Assert.Empty(await store.ListAsync(null, 10).ConfigureAwait(false));
        await Assert.ThrowsAnyAsync<ArgumentOutOfRangeException>(() => store.ListAsync(null, 0)).ConfigureAwait(false);
    }

    /// <summary>
    /// Ids with characters beyond the Basic Multilingual Plane are each visited exactly once. (Their order relative to
    /// U+E000–U+FFFF may follow code points rather than UTF-16, as byte-ordered databases do.)
    /// </summary>
    [StoreFact]
    public async Task ListVisitsSupplementaryCharacterIdsExactlyOnce()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        string[] ids = ["tenant-\U0001F600", "tenant-\uFF21", "tenant-\uE000", "tenant-a", "\U00020000"];
        foreach (var id in ids)
        {
            Assert.NotNull(await store.TryWriteAsync(MinimalRecord(id)).ConfigureAwait(false));
        }

        var seen = await ListAllAsync(store, 2).ConfigureAwait(false);
        Assert.Equal(ids.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    private static async Task<List<string>> ListAllAsync(ICredentialStore store, int pageSize)
    {
        var seen = new List<string>();
        string? after = null;
        while (true)
        {
            var page = await store.ListAsync(after, pageSize).ConfigureAwait(false);
            Assert.True(page.Count <= pageSize, $"A page of {page.Count} records exceeds the limit {pageSize}.");
            seen.AddRange(page.Select(r => r.TenantId));
            if (page.Count < pageSize)
            {
                return seen;
            }

            after = page[^1].TenantId;
            Assert.True(seen.Count <= 10_000, "Paging does not end.");
        }
    }
}
