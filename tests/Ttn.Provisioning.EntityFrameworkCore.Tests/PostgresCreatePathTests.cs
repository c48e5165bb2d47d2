using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.EntityFrameworkCore.Tests;

/// <summary>
/// The create path on PostgreSQL: an insert the database refuses for a reason other than the primary key throws, and
/// only a row that exists afterwards (another writer won) reads as a conflict. In a schema of this class's own.
/// </summary>
public sealed class PostgresCreatePathTests(PostgresSchemaFixture fixture) : IClassFixture<PostgresSchemaFixture>
{
    [PostgresFact]
    public async Task A_create_the_database_refuses_for_another_reason_throws_instead_of_reading_as_a_conflict()
    {
        var store = await CreateStoreAsync();
        await ExecuteAsync("ALTER TABLE ttn_tenants ADD CONSTRAINT refuse_tenant CHECK (tenant_id <> 'refused');");

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => store.TryWriteAsync(new TenantRecord { TenantId = "refused" }));

        Assert.Equal(PostgresErrorCodes.CheckViolation, Assert.IsType<PostgresException>(error.InnerException).SqlState);
        Assert.Null(await store.GetAsync("refused"));
        Assert.NotNull(await store.TryWriteAsync(new TenantRecord { TenantId = "accepted" }));
    }

    [PostgresFact]
    public async Task A_create_that_loses_to_another_writer_reads_as_a_conflict()
    {
        var store = await CreateStoreAsync();
        Assert.NotNull(await store.TryWriteAsync(new TenantRecord { TenantId = "taken", OrganizationId = "first" }));

        Assert.Null(await store.TryWriteAsync(new TenantRecord { TenantId = "taken", OrganizationId = "second" }));
        Assert.Equal("first", (await store.GetAsync("taken"))!.OrganizationId);
    }

    private async Task<ICredentialStore> CreateStoreAsync()
    {
        await fixture.TruncateAsync();
        await ExecuteAsync("ALTER TABLE ttn_tenants DROP CONSTRAINT IF EXISTS refuse_tenant;");
        var options = new DbContextOptionsBuilder<TtnProvisioningDbContext>().UseNpgsql(fixture.ConnectionString).Options;
        return new EfCoreCredentialStore<TtnProvisioningDbContext>(new PooledDbContextFactory<TtnProvisioningDbContext>(options));
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
