using Microsoft.EntityFrameworkCore;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.EntityFrameworkCore;

/// <summary>Import jobs and their rows.</summary>
public sealed partial class EfCoreDeviceStore<TContext>
{
    /// <inheritdoc />
    public async Task<DeviceImportJob?> GetImportJobAsync(string tenantId, string jobId, CancellationToken cancellationToken = default)
    {
        var context = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<DeviceImportJobRow>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.TenantId == tenantId && r.JobId == jobId, cancellationToken).ConfigureAwait(false);
            return row is null ? null : DeviceRowMapper.ToRecord(row);
        }
    }

    /// <inheritdoc />
    public async Task<DeviceImportJob?> TryWriteImportJobAsync(DeviceImportJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentOutOfRangeException.ThrowIfNegative(job.Version, nameof(job));
        var row = DeviceRowMapper.ToRow(job with { Version = job.Version + 1 });
        var context = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            if (job.Version == 0)
            {
                context.Set<DeviceImportJobRow>().Add(row);
                try
                {
                    await EfCoreCredentialStore<TContext>.SaveAsync(context, cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateException)
                {
                    // A job that exists now means another writer created it first.
                    if (await GetImportJobAsync(job.TenantId, job.JobId, cancellationToken).ConfigureAwait(false) is not null)
                    {
                        return null;
                    }

                    throw;
                }
            }
            else
            {
                var entry = context.Set<DeviceImportJobRow>().Attach(row);
                entry.State = EntityState.Modified;
                entry.Property(r => r.Version).OriginalValue = job.Version;
                try
                {
                    await EfCoreCredentialStore<TContext>.SaveAsync(context, cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateConcurrencyException)
                {
                    return null;
                }
            }
        }

        return DeviceRowMapper.ToRecord(row);
    }

    /// <inheritdoc />
    public Task SaveImportRowsAsync(
        string tenantId, string jobId, IReadOnlyList<DeviceImportRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var entries = rows.Select(r => DeviceRowMapper.ToRow(tenantId, jobId, r)).ToList();
        return UpsertAsync(entries, r => [r.TenantId, r.JobId, r.Row], cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DeviceImportRow>> ListImportRowsAsync(
        string tenantId, string jobId, CancellationToken cancellationToken = default)
    {
        var context = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.Set<DeviceImportRowEntry>().AsNoTracking()
                .Where(r => r.TenantId == tenantId && r.JobId == jobId)
                .OrderBy(r => r.Row)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            return rows.ConvertAll(DeviceRowMapper.ToRecord);
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteImportJobAsync(string tenantId, string jobId, CancellationToken cancellationToken = default)
    {
        var context = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            await context.Set<DeviceImportRowEntry>().Where(r => r.TenantId == tenantId && r.JobId == jobId)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            var deleted = await context.Set<DeviceImportJobRow>().Where(r => r.TenantId == tenantId && r.JobId == jobId)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            return deleted == 1;
        }
    }
}
