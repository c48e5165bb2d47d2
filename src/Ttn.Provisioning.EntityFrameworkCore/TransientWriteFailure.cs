using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace Ttn.Provisioning.EntityFrameworkCore;

/// <summary>
/// Which failed saves may be tried again: a provider's transient error (<see cref="DbException.IsTransient"/>), and
/// SQLite's "busy" and "locked" (<c>SQLITE_BUSY</c> = 5, <c>SQLITE_LOCKED</c> = 6), which Microsoft.Data.Sqlite answers
/// at once when two writers' locks would deadlock and does not mark transient. The package references no provider, so
/// SQLite's codes are read from its message (<c>SQLite Error 5: 'database is locked'.</c>).
/// </summary>
internal static class TransientWriteFailure
{
    public static bool Is(DbUpdateException error) =>
        error is not DbUpdateConcurrencyException
        && error.InnerException is DbException inner
        && (inner.IsTransient
            || inner.Message.StartsWith("SQLite Error 5:", StringComparison.Ordinal)
            || inner.Message.StartsWith("SQLite Error 6:", StringComparison.Ordinal));
}
