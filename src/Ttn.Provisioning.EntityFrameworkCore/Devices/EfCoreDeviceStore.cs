using Microsoft.EntityFrameworkCore;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.EntityFrameworkCore;

/// <summary>
/// An <see cref="IDeviceStore"/> on EF Core, for any context whose model holds the device tables (see
/// <see cref="TtnProvisioningModelBuilderExtensions.ApplyTtnProvisioningModel"/>). Tested on SQLite and PostgreSQL.
/// </summary>
/// <remarks>
/// Thread-safe: every call uses its own short-lived context. Unfinished devices and import rows are upserts by key
/// (read, then insert or update; an insert that loses a race becomes an update); import jobs are written by
/// compare-and-swap on their <c>version</c> column, like tenant records.
/// </remarks>
/// <typeparam name="TContext">The host's DbContext.</typeparam>
public sealed partial class EfCoreDeviceStore<TContext> : IDeviceStore
    where TContext : DbContext
{
    private const int UpsertAttempts = 3;

    private readonly IDbContextFactory<TContext> _contextFactory;

    /// <summary>Creates the store.</summary>
    /// <param name="contextFactory">
    /// Creates the contexts (register it with <c>AddDbContextFactory</c> or <c>AddPooledDbContextFactory</c>).
    /// </param>
    public EfCoreDeviceStore(IDbContextFactory<TContext> contextFactory)
    {
        ArgumentNullException.ThrowIfNull(contextFactory);
        _contextFactory = contextFactory;
    }

    /// <inheritdoc />
    public async Task<UnfinishedDevice?> GetUnfinishedAsync(
        string tenantId, string applicationId, string deviceId, CancellationToken cancellationToken = default)
    {
        var context = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<UnfinishedDeviceRow>().AsNoTracking()
                .SingleOrDefaultAsync(
                    r => r.TenantId == tenantId && r.ApplicationId == applicationId && r.DeviceId == deviceId, cancellationToken)
                .ConfigureAwait(false);
            return row is null ? null : DeviceRowMapper.ToRecord(row);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<UnfinishedDevice>> ListUnfinishedAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var context = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.Set<UnfinishedDeviceRow>().AsNoTracking().Where(r => r.TenantId == tenantId)
                .ToListAsync(cancellationToken).ConfigureAwait(false);

            // Ordinal order, whatever the database's collation (a tenant has few unfinished devices).
            return [.. rows.Select(DeviceRowMapper.ToRecord)
                .OrderBy(d => d.ApplicationId, StringComparer.Ordinal)
                .ThenBy(d => d.DeviceId, StringComparer.Ordinal)];
        }
    }

    /// <inheritdoc />
    public Task SaveUnfinishedAsync(UnfinishedDevice device, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(device);
        var row = DeviceRowMapper.ToRow(device);
        return UpsertAsync([row], r => [r.TenantId, r.ApplicationId, r.DeviceId], cancellationToken);
    }

    /// <inheritdoc />
    public async Task RemoveUnfinishedAsync(
        string tenantId, string applicationId, string deviceId, CancellationToken cancellationToken = default)
    {
        var context = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            await context.Set<UnfinishedDeviceRow>()
                .Where(r => r.TenantId == tenantId && r.ApplicationId == applicationId && r.DeviceId == deviceId)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes each row over the stored one with the same key, or inserts it. An insert that another writer beat (a
    /// duplicate key) is tried again as an update.
    /// </summary>
    private async Task UpsertAsync<TRow>(IReadOnlyList<TRow> rows, Func<TRow, object[]> key, CancellationToken cancellationToken)
        where TRow : class
    {
        for (var attempt = 1; ; attempt++)
        {
            var context = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using (context.ConfigureAwait(false))
            {
                foreach (var row in rows)
                {
                    var stored = await context.Set<TRow>().FindAsync(key(row), cancellationToken).ConfigureAwait(false);
                    if (stored is null)
                    {
                        context.Set<TRow>().Add(row);
                    }
                    else
                    {
                        context.Entry(stored).CurrentValues.SetValues(row);
                    }
                }

                try
                {
                    await EfCoreCredentialStore<TContext>.SaveAsync(context, cancellationToken).ConfigureAwait(false);
                    return;
                }
                catch (DbUpdateException) when (attempt < UpsertAttempts)
                {
                    // Most likely another writer inserted the same key in between: read again and update.
                }
            }
        }
    }
}
