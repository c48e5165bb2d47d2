namespace Ttn.Provisioning.Storage;

/// <summary>
/// The tenants' histories of <see cref="InMemoryCredentialStore"/>: per tenant, the newest entries, numbered in append order.
/// </summary>
internal sealed class InMemoryHistory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, LinkedList<(long Sequence, TenantHistoryEntry Entry)>> _tenants = new(StringComparer.Ordinal);
    private long _sequence;

    public void Append(TenantHistoryEntry entry, int maxEntries)
    {
        lock (_gate)
        {
            if (!_tenants.TryGetValue(entry.TenantId, out var entries))
            {
                _tenants[entry.TenantId] = entries = new();
            }

            entries.AddFirst((++_sequence, entry));
            while (entries.Count > maxEntries)
            {
                entries.RemoveLast();
            }
        }
    }

    public TenantHistoryPage Read(string tenantId, int limit, long before)
    {
        lock (_gate)
        {
            var page = _tenants.TryGetValue(tenantId, out var entries)
                ? entries.SkipWhile(e => e.Sequence >= before).Take(limit + 1).ToList()
                : [];
            var more = page.Count > limit;
            var returned = page.Take(limit).ToList();
            return new TenantHistoryPage(
                [.. returned.Select(e => e.Entry)], more ? HistoryPageToken.From(returned[^1].Sequence) : null);
        }
    }
}
