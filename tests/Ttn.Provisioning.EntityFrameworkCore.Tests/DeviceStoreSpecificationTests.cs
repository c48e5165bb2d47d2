using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing.Storage;

namespace Ttn.Provisioning.EntityFrameworkCore.Tests;

/// <summary>The device store specification on SQLite (a file per test), through a host's own DbContext wired as the README shows.</summary>
public sealed class SqliteDeviceStoreSpecificationTests : DeviceStoreSpecification, IDisposable
{
    private readonly SqliteHostDatabase _database = new();

    protected override Task<IDeviceStore> CreateStoreAsync() => _database.CreateStoreAsync<IDeviceStore>();

    public void Dispose() => _database.Dispose();
}

/// <summary>
/// The device store specification on PostgreSQL, through the ready <see cref="TtnProvisioningDbContext"/>, in a schema of
/// this class's own created by schema/postgresql.sql.
/// </summary>
[PostgresAvailable]
public sealed class PostgresDeviceStoreSpecificationTests(PostgresSchemaFixture fixture)
    : DeviceStoreSpecification, IClassFixture<PostgresSchemaFixture>
{
    protected override int ConcurrentWriters => 24;

    protected override async Task<IDeviceStore> CreateStoreAsync()
    {
        await fixture.TruncateAsync();
        var options = new DbContextOptionsBuilder<TtnProvisioningDbContext>().UseNpgsql(fixture.ConnectionString).Options;
        return new EfCoreDeviceStore<TtnProvisioningDbContext>(new PooledDbContextFactory<TtnProvisioningDbContext>(options));
    }
}
