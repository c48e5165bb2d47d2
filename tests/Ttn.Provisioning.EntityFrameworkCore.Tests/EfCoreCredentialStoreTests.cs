using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MyCompany.Data;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.EntityFrameworkCore.Tests;

/// <summary>What the EF Core store does beyond the specification: legacy states, stored shape, registration.</summary>
public sealed class EfCoreCredentialStoreTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ttn-provisioning-{Guid.NewGuid():N}.db");

    [Theory]
    [InlineData("not_started", ProvisioningState.Idle)]
    [InlineData("", ProvisioningState.Idle)]
    [InlineData("deprovisioned", ProvisioningState.Idle)]
    [InlineData("pending", ProvisioningState.Provisioning)]
    [InlineData("completed", ProvisioningState.Ready)]
    [InlineData("Complete", ProvisioningState.Ready)]
    [InlineData(" ready ", ProvisioningState.Ready)]
    [InlineData("failed", ProvisioningState.Failed)]
    public async Task LegacyStatesMapOnRead(string stored, ProvisioningState expected)
    {
        var store = await CreateStoreAsync();
        await InsertRawAsync("legacy", stored);

        var record = await store.GetAsync("legacy");

        Assert.Equal(expected, record!.State);
        Assert.Null(record.LastError);
    }

    [Fact]
    public async Task AnUnrecognisedStateReadsAsFailedWithAnErrorNamingIt()
    {
        var store = await CreateStoreAsync();
        await InsertRawAsync("odd", "half_done");

        var record = await store.GetAsync("odd");

        Assert.Equal(ProvisioningState.Failed, record!.State);
        Assert.Contains("'half_done'", record.LastError!.Message, StringComparison.Ordinal);
        Assert.Equal("half_done", record.UnrecognisedState);

        // Writing it back stores the canonical name.
        var written = await store.TryWriteAsync(record);
        Assert.Equal(ProvisioningState.Failed, written!.State);
        Assert.Equal("failed", await ReadStateAsync("odd"));
    }

    [Fact]
    public async Task StatesAreStoredAsCanonicalNamesAndInstantsAsUtcTicks()
    {
        var store = await CreateStoreAsync();
        var at = new DateTimeOffset(2026, 11, 3, 12, 0, 0, TimeSpan.FromHours(2));
        await store.TryWriteAsync(new TenantRecord { TenantId = "shape", State = ProvisioningState.Ready, CreatedAt = at, UpdatedAt = at });

        Assert.Equal("ready", await ReadStateAsync("shape"));
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT created_at_ticks FROM ttn_tenants WHERE tenant_id = 'shape'";
        Assert.Equal(at.UtcTicks, (long)(await command.ExecuteScalarAsync())!);
    }

    [Fact]
    public void TheStoreRegistrationReplacesAnEarlierStore()
    {
        var services = new ServiceCollection();
        services.AddTtnProvisioning(static _ => { }); // registers the default in-memory store first
        services.AddDbContextFactory<HostDbContext>(options => options.UseSqlite($"Data Source={_path}"));

        services.AddTtnProvisioningEfCoreStore<HostDbContext>();

        using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<ICredentialStore>();
        Assert.IsType<EfCoreCredentialStore<HostDbContext>>(store);
        Assert.Same(store, provider.GetRequiredService<ICredentialStore>());
        Assert.Single(services, d => d.ServiceType == typeof(ICredentialStore));
    }

    [Fact]
    public async Task ACreateThatFailsForAnotherReasonThrows()
    {
        // No table: the insert fails, and no row exists, so it is not reported as a conflict.
        var options = new DbContextOptionsBuilder<TtnProvisioningDbContext>().UseSqlite($"Data Source={_path}").Options;
        var store = new EfCoreCredentialStore<TtnProvisioningDbContext>(new PooledDbContextFactory<TtnProvisioningDbContext>(options));
        await Assert.ThrowsAnyAsync<Exception>(() => store.TryWriteAsync(new TenantRecord { TenantId = "no-table" }));
    }

    [Fact]
    public async Task A_create_the_database_refuses_for_another_reason_throws_instead_of_reading_as_a_conflict()
    {
        // The table exists and the tenant does not: only the create path's rethrow tells this failure from a lost race.
        var store = await CreateStoreAsync();
        await using (var connection = await OpenAsync())
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TRIGGER refuse_tenant BEFORE INSERT ON ttn_tenants WHEN NEW.tenant_id = 'refused'
                BEGIN SELECT RAISE(ABORT, 'refused by the test trigger'); END;
                """;
            await command.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => store.TryWriteAsync(new TenantRecord { TenantId = "refused" }));

        Assert.Contains("refused by the test trigger", error.GetBaseException().Message, StringComparison.Ordinal);
        Assert.Null(await store.GetAsync("refused"));
        Assert.NotNull(await store.TryWriteAsync(new TenantRecord { TenantId = "accepted" }));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    private async Task<ICredentialStore> CreateStoreAsync()
    {
        var options = new DbContextOptionsBuilder<TtnProvisioningDbContext>().UseSqlite($"Data Source={_path}").Options;
        var factory = new PooledDbContextFactory<TtnProvisioningDbContext>(options);
        await using (var context = await factory.CreateDbContextAsync())
        {
            await context.Database.EnsureCreatedAsync();
        }

        return new EfCoreCredentialStore<TtnProvisioningDbContext>(factory);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection($"Data Source={_path}");
        await connection.OpenAsync();
        return connection;
    }

    private async Task InsertRawAsync(string tenantId, string state)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO ttn_tenants (tenant_id, version, state, checkpoints, attempt_count, organization_id_rotations,
                is_existing_application, requires_start_fresh, created_at_ticks, updated_at_ticks)
            VALUES ($id, 4, $state, 'Organization, Application', 0, 0, 0, 0, 0, 0)
            """;
        command.Parameters.AddWithValue("$id", tenantId);
        command.Parameters.AddWithValue("$state", state);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> ReadStateAsync(string tenantId)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state FROM ttn_tenants WHERE tenant_id = $id";
        command.Parameters.AddWithValue("$id", tenantId);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}

public sealed class TransientWriteFailureTests
{
    [Theory]
    [InlineData(5, true)]
    [InlineData(6, true)]
    [InlineData(19, false)]
    public void A_busy_or_locked_sqlite_database_is_a_transient_write_failure_and_a_constraint_violation_is_not(int code, bool transient)
    {
        var error = new DbUpdateException("save failed", new SqliteException($"SQLite Error {code}: 'whatever'.", code));

        Assert.Equal(transient, TransientWriteFailure.Is(error));
    }

    [Fact]
    public void A_concurrency_conflict_is_never_tried_again()
    {
        var error = new DbUpdateConcurrencyException("conflict", new SqliteException("SQLite Error 5: 'database is locked'.", 5));

        Assert.False(TransientWriteFailure.Is(error));
    }
}
