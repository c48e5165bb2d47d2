using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MyCompany.Data;

namespace Ttn.Provisioning.EntityFrameworkCore.Tests;

/// <summary>
/// A SQLite file of one test behind a host's own DbContext, wired as the README shows
/// (<c>AddDbContextFactory</c> + <c>AddTtnProvisioningEfCoreStore</c>); deleted on dispose.
/// </summary>
internal sealed class SqliteHostDatabase : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ttn-provisioning-{Guid.NewGuid():N}.db");
    private ServiceProvider? _services;

    /// <summary>Creates the database and answers the store <typeparamref name="TStore"/> the wiring registered.</summary>
    public async Task<TStore> CreateStoreAsync<TStore>()
        where TStore : notnull
    {
        // The README's wiring, verbatim between the markers (ReadmeTests checks it).
        var services = new ServiceCollection();
        var path = _path;
        // README:BEGIN
        services.AddDbContextFactory<HostDbContext>(options => options.UseSqlite($"Data Source={path}"));
        services.AddTtnProvisioningEfCoreStore<HostDbContext>();
        // README:END
        _services = services.BuildServiceProvider();

        var factory = _services.GetRequiredService<IDbContextFactory<HostDbContext>>();
        await using (var context = await factory.CreateDbContextAsync())
        {
            await context.Database.EnsureCreatedAsync();
        }

        return _services.GetRequiredService<TStore>();
    }

    public void Dispose()
    {
        _services?.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
