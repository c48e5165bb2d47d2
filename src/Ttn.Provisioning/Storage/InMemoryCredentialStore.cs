using System.Collections.Concurrent;

namespace Ttn.Provisioning.Storage;

/// <summary>
/// A thread-safe <see cref="ICredentialStore"/> in process memory: the default store, for tests, samples and
/// single-instance hosts that can afford to lose their tenants on restart. Records are immutable, so they are
/// stored and returned as they are.
/// </summary>
/// <remarks>
/// Internal, as DataProtection keeps its in-memory key repository: hosts choose it with
/// <c>UseInMemoryCredentialStore()</c> (the default) and reach it as <see cref="ICredentialStore"/>.
/// </remarks>
internal sealed class InMemoryCredentialStore : ICredentialStore
{
    private readonly ConcurrentDictionary<string, TenantRecord> _records = new(StringComparer.Ordinal);
    private readonly InMemoryHistory _history = new();

    /// <summary>How many tenants are stored.</summary>
    public int Count => _records.Count;

    /// <inheritdoc />
    public Task<TenantRecord?> GetAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_records.GetValueOrDefault(tenantId));
    }

    /// <inheritdoc />
    public Task<TenantRecord?> TryWriteAsync(TenantRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.TenantId, nameof(record));
        ArgumentOutOfRangeException.ThrowIfNegative(record.Version, nameof(record));
        cancellationToken.ThrowIfCancellationRequested();

        var written = record with { Version = record.Version + 1 };
        if (record.Version == 0)
        {
            return Task.FromResult(_records.TryAdd(record.TenantId, written) ? written : null);
        }

        while (_records.TryGetValue(record.TenantId, out var current))
        {
            if (current.Version != record.Version)
            {
                return Task.FromResult<TenantRecord?>(null);
            }

            if (_records.TryUpdate(record.TenantId, written, current))
            {
                return Task.FromResult<TenantRecord?>(written);
            }
        }

        return Task.FromResult<TenantRecord?>(null);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TenantRecord>> ListAsync(string? afterTenantId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<TenantRecord> page = _records.Values
            .Where(r => afterTenantId is null || string.CompareOrdinal(r.TenantId, afterTenantId) > 0)
            .OrderBy(r => r.TenantId, StringComparer.Ordinal)
            .Take(limit)
            .ToList();
        return Task.FromResult(page);
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string tenantId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(
            _records.TryGetValue(tenantId, out var current)
            && current.Version == expectedVersion
            && _records.TryRemove(new KeyValuePair<string, TenantRecord>(tenantId, current)));
    }

    /// <inheritdoc />
    public Task AppendHistoryAsync(TenantHistoryEntry entry, int maxEntries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.TenantId, nameof(entry));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        cancellationToken.ThrowIfCancellationRequested();
        _history.Append(entry, maxEntries);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<TenantHistoryPage> GetHistoryAsync(
        string tenantId, int limit, string? pageToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var before = HistoryPageToken.Parse(pageToken);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(_history.Read(tenantId, limit, before));
    }
}
