using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Tests.Webhooks;

/// <summary>A store whose reads wait until <see cref="Open"/>, counting them; optionally failing.</summary>
internal sealed class GatedStore(ICredentialStore inner) : ICredentialStore
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reads;

    public int Reads => Volatile.Read(ref _reads);

    public bool Fail { get; set; }

    public void Open() => _open.TrySetResult();

    /// <summary>Whether a read takes the record before waiting (so what it returns may be outdated by then).</summary>
    public bool ReadBeforeWaiting { get; init; }

    public async Task<TenantRecord?> GetAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        var early = ReadBeforeWaiting ? await inner.GetAsync(tenantId, cancellationToken) : null;
        await _open.Task;
        if (Fail)
        {
            throw new IOException("The store is down.");
        }

        return ReadBeforeWaiting ? early : await inner.GetAsync(tenantId, cancellationToken);
    }

    public Task<TenantRecord?> TryWriteAsync(TenantRecord record, CancellationToken cancellationToken = default) =>
        inner.TryWriteAsync(record, cancellationToken);

    public Task<IReadOnlyList<TenantRecord>> ListAsync(string? afterTenantId, int limit, CancellationToken cancellationToken = default) =>
        inner.ListAsync(afterTenantId, limit, cancellationToken);

    public Task<bool> DeleteAsync(string tenantId, long expectedVersion, CancellationToken cancellationToken = default) =>
        inner.DeleteAsync(tenantId, expectedVersion, cancellationToken);

    public Task AppendHistoryAsync(TenantHistoryEntry entry, int maxEntries, CancellationToken cancellationToken = default) =>
        inner.AppendHistoryAsync(entry, maxEntries, cancellationToken);

    public Task<TenantHistoryPage> GetHistoryAsync(
        string tenantId, int limit, string? pageToken, CancellationToken cancellationToken = default) =>
        inner.GetHistoryAsync(tenantId, limit, pageToken, cancellationToken);
}
