using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.EntityFrameworkCore;

/// <summary>The tenants' history, in <c>ttn_tenant_history</c>: appended, trimmed to the bound, paged by id newest first.</summary>
public sealed partial class EfCoreCredentialStore<TContext>
{
    /// <inheritdoc />
    /// <remarks>
    /// One insert, then one delete of the tenant's entries older than the newest <paramref name="maxEntries"/>. Appends that
    /// race each trim after their own insert, so the bound holds once they are done.
    /// </remarks>
    public async Task AppendHistoryAsync(TenantHistoryEntry entry, int maxEntries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrEmpty(entry.TenantId, nameof(entry));
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        var tenantId = entry.TenantId;
        var context = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var history = context.Set<TenantHistoryRow>();
            history.Add(TenantHistoryRowMapper.ToRow(entry));
            await SaveAsync(context, cancellationToken).ConfigureAwait(false);

            var oldestKept = await history.AsNoTracking()
                .Where(r => r.TenantId == tenantId)
                .OrderByDescending(r => r.Id)
                .Skip(maxEntries - 1)
                .Select(r => (long?)r.Id)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (oldestKept is { } cutoff)
            {
                await history.Where(r => r.TenantId == tenantId && r.Id < cutoff)
                    .ExecuteDeleteAsync(cancellationToken)
                    .ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    /// <remarks>The page token is the id of the last entry returned; the next page holds the entries with smaller ids.</remarks>
    public async Task<TenantHistoryPage> GetHistoryAsync(
        string tenantId, int limit, string? pageToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var before = ParsePageToken(pageToken);
        var context = await _contextFactory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var rows = await context.Set<TenantHistoryRow>().AsNoTracking()
                .Where(r => r.TenantId == tenantId && r.Id < before)
                .OrderByDescending(r => r.Id)
                .Take(limit + 1)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var page = rows.Take(limit).ToList();
            var next = rows.Count > limit ? page[^1].Id.ToString(CultureInfo.InvariantCulture) : null;
            return new TenantHistoryPage([.. page.Select(TenantHistoryRowMapper.ToEntry)], next);
        }
    }

    private static long ParsePageToken(string? pageToken) =>
        pageToken is null ? long.MaxValue
        : long.TryParse(pageToken, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id
        : throw new ArgumentException("The page token was not given by this store.", nameof(pageToken));
}
