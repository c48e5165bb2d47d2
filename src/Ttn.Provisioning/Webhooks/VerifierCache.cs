using System.Collections.Concurrent;

namespace Ttn.Provisioning.Webhooks;

/// <summary>
/// The verifier's entries, at most <c>capacity</c> of them: reads are lock-free; past the capacity the least recently used
/// tenth is evicted (an evicted tenant costs one store read and its secrets' opening on its next delivery).
/// </summary>
internal sealed class VerifierCache
{
    private readonly ConcurrentDictionary<string, VerifierEntry> _entries = new(StringComparer.Ordinal);
    private readonly Lock _trimming = new();
    private readonly int _capacity;

    public VerifierCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    /// <summary>How many entries are held.</summary>
    public int Count => _entries.Count;

    /// <summary>The tenant's entry, or null.</summary>
    public VerifierEntry? Find(string tenantId) => _entries.TryGetValue(tenantId, out var entry) ? entry : null;

    /// <summary>Stores (or replaces) the tenant's entry, evicting the least recently used ones past the capacity.</summary>
    public void Set(string tenantId, VerifierEntry entry)
    {
        _entries[tenantId] = entry;
        if (_entries.Count > _capacity)
        {
            Trim();
        }
    }

    /// <summary>Forgets the tenant's entry.</summary>
    public void Remove(string tenantId) => _entries.TryRemove(tenantId, out _);

    /// <summary>Marks the tenant's entry as stale, if there is one.</summary>
    public void MarkStale(string tenantId)
    {
        if (_entries.TryGetValue(tenantId, out var entry))
        {
            entry.MarkStale();
        }
    }

    private void Trim()
    {
        lock (_trimming)
        {
            var excess = _entries.Count - _capacity;
            if (excess <= 0)
            {
                return;
            }

            // Down to 90 % of the capacity, so that trimming (a sort) happens once per tenth of the capacity added, not per add.
            var remove = excess + (_capacity / 10);
            var oldest = _entries.ToArray();
            Array.Sort(oldest, static (a, b) => a.Value.LastUsed.CompareTo(b.Value.LastUsed));
            foreach (var pair in oldest.AsSpan(0, Math.Min(remove, oldest.Length)))
            {
                _entries.TryRemove(pair);
            }
        }
    }
}
