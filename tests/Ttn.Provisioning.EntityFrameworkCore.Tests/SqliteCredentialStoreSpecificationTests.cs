using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing.Storage;

namespace Ttn.Provisioning.EntityFrameworkCore.Tests;

/// <summary>The store specification on SQLite (a file per test), through a host's own DbContext wired as the README shows.</summary>
public sealed class SqliteCredentialStoreSpecificationTests : CredentialStoreSpecification, IDisposable
{
    private readonly SqliteHostDatabase _database = new();

    protected override Task<ICredentialStore> CreateStoreAsync() => _database.CreateStoreAsync<ICredentialStore>();

    public void Dispose() => _database.Dispose();
}

/// <summary>The store specification on SQLite through the ready <see cref="TtnProvisioningDbContext"/>, with the table created by schema/sqlite.sql.</summary>
public sealed class SqliteReadyContextSpecificationTests : CredentialStoreSpecification, IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ttn-provisioning-{Guid.NewGuid():N}.db");

    protected override async Task<ICredentialStore> CreateStoreAsync()
    {
        await using (var connection = new SqliteConnection($"Data Source={_path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = await File.ReadAllTextAsync(SchemaScripts.SqlitePath);
            await command.ExecuteNonQueryAsync();
        }

        var options = new DbContextOptionsBuilder<TtnProvisioningDbContext>().UseSqlite($"Data Source={_path}").Options;
        return new EfCoreCredentialStore<TtnProvisioningDbContext>(new PooledDbContextFactory<TtnProvisioningDbContext>(options));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
