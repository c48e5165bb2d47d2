using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing.Storage;

namespace Ttn.Provisioning.EntityFrameworkCore.Tests;

/// <summary>
/// The store specification on PostgreSQL, through the ready <see cref="TtnProvisioningDbContext"/>, in a schema of this
/// class's own created by schema/postgresql.sql.
/// </summary>
[PostgresAvailable]
public sealed class PostgresCredentialStoreSpecificationTests(PostgresSchemaFixture fixture)
    : CredentialStoreSpecification, IClassFixture<PostgresSchemaFixture>
{
    protected override int ConcurrentWriters => 24;

    protected override async Task<ICredentialStore> CreateStoreAsync()
    {
        await fixture.TruncateAsync();
        var options = new DbContextOptionsBuilder<TtnProvisioningDbContext>().UseNpgsql(fixture.ConnectionString).Options;
        return new EfCoreCredentialStore<TtnProvisioningDbContext>(new PooledDbContextFactory<TtnProvisioningDbContext>(options));
    }
}
