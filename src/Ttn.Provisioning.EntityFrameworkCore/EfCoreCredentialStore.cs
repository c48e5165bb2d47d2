using Microsoft.EntityFrameworkCore;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.EntityFrameworkCore;

/// <summary>
/// An <see cref="ICredentialStore"/> on EF Core, for any context whose model holds the tenant table (see
/// <see cref="TtnProvisioningModelBuilderExtensions.ApplyTtnProvisioningModel"/>). Tested on SQLite and PostgreSQL.
/// </summary>
/// <remarks>
/// <para>
/// Thread-safe: every call uses its own short-lived context from <see cref="IDbContextFactory{TContext}"/>, so the
/// store is registered as a singleton. Compare-and-swap rests on the <c>version</c> concurrency token: an update is
/// <c>UPDATE … WHERE tenant_id = @id AND version = @read</c>, and a create is an insert that the primary key rejects
/// when the tenant already exists. So two host instances sharing a database never both win.
/// </para>
/// <para>
/// Paging is in ordinal (byte) order of tenant id: SQLite's default BINARY collation is ordinal; on PostgreSQL the
/// store compares and orders under the <c>"C"</c> collation. Other providers need a binary collation on
/// <c>tenant_id</c>. Byte order is UTF-8 code point order, which equals .NET ordinal (UTF-16) order except between
/// characters above U+FFFF and characters from U+E000 to U+FFFF; paging visits every tenant exactly once either way.
/// </para>
/// </remarks>
/// <typeparam name="TContext">The host's DbContext.</typeparam>
public sealed partial class EfCoreCredentialStore<TContext> : ICredentialStore
    where TContext : DbContext
{
    /// <summary>How many times a write that failed transiently (a busy database) is tried in all.</summary>
    private const int TransientAttempts = 5;

    private readonly IDbContextFactory<TContext> _contextFactory;

    /// <summary>Creates the store.</summary>
    /// <param name="contextFactory">Creates the contexts (register it with <c>AddDbContextFactory</c> or
    /// <c>AddPooledDbContextFactory</c>).</param>
    public EfCoreCredentialStore(IDbContextFactory<TContext> contextFactory)
    {
        ArgumentNullException.ThrowIfNull(contextFactory);
        _contextFactory = contextFactory;
    }

    /// <inheritdoc />
    public async Task<TenantRecord?> GetAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var context = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var row = await context.Set<TenantRow>().AsNoTracking()
                .SingleOrDefaultAsync(r => r.TenantId == tenantId, cancellationToken).ConfigureAwait(false);
            return row is null ? null : TenantRowMapper.ToRecord(row);
        }
    }

    /// <inheritdoc />
    public async Task<TenantRecord?> TryWriteAsync(TenantRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrEmpty(record.TenantId, nameof(record));
        ArgumentOutOfRangeException.ThrowIfNegative(record.Version, nameof(record));

        var row = TenantRowMapper.ToRow(record with { Version = record.Version + 1 });
        var context = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            if (record.Version == 0)
            {
                context.Set<TenantRow>().Add(row);
                try
                {
                    await SaveAsync(context, cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateException)
                {
                    // Providers report a duplicate key differently; a row that exists now means another writer won.
                    if (await ExistsAsync(record.TenantId, cancellationToken).ConfigureAwait(false))
                    {
                        return null;
                    }

                    throw;
                }
            }
            else
            {
                var entry = context.Set<TenantRow>().Attach(row);
                entry.State = EntityState.Modified;
                entry.Property(r => r.Version).OriginalValue = record.Version;
                try
                {
                    await SaveAsync(context, cancellationToken).ConfigureAwait(false);
                }
                catch (DbUpdateConcurrencyException)
                {
                    // No row had the version we read (changed or deleted meanwhile): another writer got there first.
                    return null;
                }
            }
        }

        return TenantRowMapper.ToRecord(row);
    }

    /// <summary>
    /// Saves, trying again (up to <see cref="TransientAttempts"/> times) when the database reports a transient failure
    /// such as SQLite's <c>SQLITE_BUSY</c> between concurrent writers (see <see cref="TransientWriteFailure"/>). A failed
    /// save changed nothing (the write is one conditional statement in its own transaction), so trying again cannot write
    /// twice; a concurrency conflict is not transient and is answered at once.
    /// </summary>
    internal static async Task SaveAsync(DbContext context, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException error) when (TransientWriteFailure.Is(error) && attempt < TransientAttempts)
            {
                // A real pause (the database, not the library, decides when it is free), kept short: writers hold the lock briefly.
                await Task.Delay(TimeSpan.FromMilliseconds(5 * attempt), TimeProvider.System, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TenantRecord>> ListAsync(
        string? afterTenantId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var context = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            IQueryable<TenantRow> query = context.Set<TenantRow>().AsNoTracking();
            List<TenantRow> rows;
            if (context.Database.ProviderName == TtnProvisioningDbContext.NpgsqlProviderName)
            {
                // Ordinal order whatever the database's default collation is.
                const string collation = TtnProvisioningModelBuilderExtensions.PostgreSqlOrdinalCollation;
                if (afterTenantId is not null)
                {
                    query = query.Where(r => string.Compare(EF.Functions.Collate(r.TenantId, collation), afterTenantId) > 0);
                }

                rows = await query.OrderBy(r => EF.Functions.Collate(r.TenantId, collation))
                    .Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                if (afterTenantId is not null)
                {
                    query = query.Where(r => string.Compare(r.TenantId, afterTenantId) > 0);
                }

                rows = await query.OrderBy(r => r.TenantId).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
            }

            return rows.ConvertAll(TenantRowMapper.ToRecord);
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string tenantId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        var context = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var deleted = await context.Set<TenantRow>()
                .Where(r => r.TenantId == tenantId && r.Version == expectedVersion)
                .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            return deleted == 1;
        }
    }

    private async Task<bool> ExistsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var context = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            return await context.Set<TenantRow>().AsNoTracking().AnyAsync(r => r.TenantId == tenantId, cancellationToken)
                .ConfigureAwait(false);
        }
    }
}
