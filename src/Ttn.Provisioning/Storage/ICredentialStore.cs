namespace Ttn.Provisioning.Storage;

/// <summary>
/// Where tenant records live. The host plugs in its database; the library ships an in-memory store (the default,
/// <c>UseInMemoryCredentialStore()</c>) and an EF Core store. The library's safety across threads and host instances
/// rests on the compare-and-swap of <see cref="TryWriteAsync"/>: an implementation must make it atomic.
/// </summary>
public interface ICredentialStore
{
    /// <summary>Reads a tenant's record.</summary>
    /// <param name="tenantId">The tenant's id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or <see langword="null"/> when the tenant has none.</returns>
    Task<TenantRecord?> GetAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes a record if, and only if, the stored version is still <paramref name="record"/>'s
    /// <see cref="TenantRecord.Version"/> (0: no record may exist yet). The stored version becomes <c>Version + 1</c>.
    /// </summary>
    /// <param name="record">The record to write, carrying the version it was read at.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The record as stored (with its new version), or <see langword="null"/> when another writer got there first.</returns>
    Task<TenantRecord?> TryWriteAsync(TenantRecord record, CancellationToken cancellationToken = default);

    /// <summary>Lists records in ordinal order of tenant id, for sweeps over every tenant.</summary>
    /// <param name="afterTenantId">Returns tenants whose id sorts after this one (ordinal); null to start at the beginning.</param>
    /// <param name="limit">The most records to return (1 or more).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Up to <paramref name="limit"/> records; fewer means the end was reached.</returns>
    Task<IReadOnlyList<TenantRecord>> ListAsync(string? afterTenantId, int limit, CancellationToken cancellationToken = default);

    /// <summary>Deletes a record if, and only if, the stored version is <paramref name="expectedVersion"/>.</summary>
    /// <param name="tenantId">The tenant's id.</param>
    /// <param name="expectedVersion">The version the caller read.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns><see langword="true"/> when the record was deleted; <see langword="false"/> when it was missing or had changed.</returns>
    Task<bool> DeleteAsync(string tenantId, long expectedVersion, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends an entry to its tenant's history, then drops the oldest entries beyond <paramref name="maxEntries"/>. The
    /// history lives beside the tenant's record but not in it: appending neither needs nor changes the record's version.
    /// </summary>
    /// <param name="entry">The entry.</param>
    /// <param name="maxEntries">The most entries the tenant keeps (1 or more).</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task AppendHistoryAsync(TenantHistoryEntry entry, int maxEntries, CancellationToken cancellationToken = default);

    /// <summary>Reads a page of a tenant's history, newest first (in the order the entries were appended).</summary>
    /// <param name="tenantId">The tenant's id.</param>
    /// <param name="limit">The most entries to return (1 or more).</param>
    /// <param name="pageToken">
    /// The <see cref="TenantHistoryPage.NextPageToken"/> of the previous page of this tenant, or null for the newest entries.
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>Up to <paramref name="limit"/> entries, and the token of the next page when there may be more.</returns>
    /// <exception cref="ArgumentException">The page token was not given by this store.</exception>
    Task<TenantHistoryPage> GetHistoryAsync(string tenantId, int limit, string? pageToken, CancellationToken cancellationToken = default);
}
