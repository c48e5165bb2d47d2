using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Webhooks;

/// <summary>
/// The credential store as the provisioning service uses it: every record it writes or deletes makes the
/// <see cref="WebhookVerifier"/> read that tenant's record again before trusting what it knew. Every operation writes
/// through it, so a rotation, a start fresh or a deep clean on this host changes what the verifier accepts at once,
/// including while the operation is still running (a rotation's pending secret is accepted as soon as it is stored).
/// </summary>
internal sealed class InvalidatingCredentialStore(ICredentialStore inner, WebhookVerifier verifier) : ICredentialStore
{
    public Task<TenantRecord?> GetAsync(string tenantId, CancellationToken cancellationToken = default) =>
        inner.GetAsync(tenantId, cancellationToken);

    public async Task<TenantRecord?> TryWriteAsync(TenantRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        TenantRecord? written = null;
        var failed = true;
        try
        {
            written = await inner.TryWriteAsync(record, cancellationToken).ConfigureAwait(false);
            failed = false;
            return written;
        }
        finally
        {
            // A write that failed may still have landed (a connection lost after the commit): read again to be sure.
            if (failed || written is not null)
            {
                verifier.Invalidate(record.TenantId);
            }
        }
    }

    public Task<IReadOnlyList<TenantRecord>> ListAsync(string? afterTenantId, int limit, CancellationToken cancellationToken = default) =>
        inner.ListAsync(afterTenantId, limit, cancellationToken);

    /// <summary>History is not what the verifier reads: appended as it is.</summary>
    public Task AppendHistoryAsync(TenantHistoryEntry entry, int maxEntries, CancellationToken cancellationToken = default) =>
        inner.AppendHistoryAsync(entry, maxEntries, cancellationToken);

    public Task<TenantHistoryPage> GetHistoryAsync(
        string tenantId, int limit, string? pageToken, CancellationToken cancellationToken = default) =>
        inner.GetHistoryAsync(tenantId, limit, pageToken, cancellationToken);

    public async Task<bool> DeleteAsync(string tenantId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        var deleted = false;
        var failed = true;
        try
        {
            deleted = await inner.DeleteAsync(tenantId, expectedVersion, cancellationToken).ConfigureAwait(false);
            failed = false;
            return deleted;
        }
        finally
        {
            if (failed || deleted)
            {
                verifier.Invalidate(tenantId);
            }
        }
    }
}
