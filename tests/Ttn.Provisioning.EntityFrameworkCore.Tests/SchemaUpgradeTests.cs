using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.EntityFrameworkCore.Tests;

/// <summary>
/// The upgrade scripts (schema/upgrades) take the first released table to the current schema, and rows written before
/// an upgrade still read.
/// </summary>
public sealed class SchemaUpgradeTests : IDisposable
{
    private const string OldRow = """
        INSERT INTO ttn_tenants (tenant_id, version, state, checkpoints, attempt_count, organization_id_rotations,
            is_existing_application, requires_start_fresh, created_at_ticks, updated_at_ticks, organization_id)
        VALUES ('acme', 3, 'Ready', 'Organization', 1, 0, {0}, {0}, 638000000000000000, 638000000000000000, 'tp-acme');
        """;

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ttn-upgrade-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task Upgrading_the_first_sqlite_table_gives_the_columns_of_the_current_schema()
    {
        var upgraded = await SqliteColumnsAsync(_path, [SchemaScripts.Fixture("sqlite-0.sql"), .. SchemaScripts.Upgrades("sqlite")]);
        var current = await SqliteColumnsAsync(_path + ".current", [await File.ReadAllTextAsync(SchemaScripts.SqlitePath)]);

        Assert.Equal(current, upgraded);
    }

    [Fact]
    public async Task A_sqlite_row_written_before_clusters_reads_with_no_cluster_so_as_the_default_one()
    {
        var store = await UpgradedSqliteStoreWithAnOldRowAsync();

        var record = await store.GetAsync("acme");

        Assert.NotNull(record);
        Assert.Null(record.Cluster);
        Assert.Equal("tp-acme", record.OrganizationId);
        Assert.Equal(3, record.Version);
    }

    [Fact]
    public async Task A_sqlite_row_written_before_settings_reads_enabled_with_the_default_messages_and_no_test()
    {
        var store = await UpgradedSqliteStoreWithAnOldRowAsync();

        var record = (await store.GetAsync("acme"))!;

        Assert.Equal((TenantSettings.Default.Enabled, TenantSettings.Default.Messages), (record.Settings.Enabled, record.Settings.Messages));
        Assert.False(record.SettingsPending);
        Assert.Null(record.LastConnectionTest);
        var disabled = new TenantSettings(enabled: false, messages: record.Settings.Messages);
        Assert.NotNull(await store.TryWriteAsync(record with { Settings = disabled }));
        Assert.False((await store.GetAsync("acme"))!.Settings.Enabled);
    }

    [Fact]
    public async Task An_upgraded_sqlite_database_keeps_a_history_beside_the_old_rows()
    {
        var store = await UpgradedSqliteStoreWithAnOldRowAsync();
        var entry = AcmeEntry(ProvisioningOperation.GetCredentials, "u-1");

        Assert.Empty((await store.GetHistoryAsync("acme", 10, null)).Entries);
        await store.AppendHistoryAsync(entry, 10);

        Assert.Equivalent(entry, Assert.Single((await store.GetHistoryAsync("acme", 10, null)).Entries), strict: true);
    }

    [PostgresFact]
    public async Task Upgrading_the_first_postgresql_table_gives_the_columns_of_the_current_schema()
    {
        await using var upgraded = await PostgresSchema.CreateAsync([SchemaScripts.Fixture("postgresql-0.sql"), .. SchemaScripts.Upgrades("postgresql")]);
        await using var current = await PostgresSchema.CreateAsync(await File.ReadAllTextAsync(SchemaScripts.PostgreSqlPath));

        Assert.Equal(await current.ColumnsAsync(), await upgraded.ColumnsAsync());
    }

    [PostgresFact]
    public async Task A_postgresql_row_written_before_clusters_and_settings_reads_with_the_defaults_and_keeps_a_history()
    {
        await using var schema = await PostgresSchema.CreateAsync(SchemaScripts.Fixture("postgresql-0.sql"), string.Format(OldRow, "false"));
        await schema.ExecuteAsync([.. SchemaScripts.Upgrades("postgresql")]);
        var options = new DbContextOptionsBuilder<TtnProvisioningDbContext>().UseNpgsql(schema.ConnectionString).Options;
        var store = new EfCoreCredentialStore<TtnProvisioningDbContext>(new PooledDbContextFactory<TtnProvisioningDbContext>(options));

        var record = await store.GetAsync("acme");
        await store.AppendHistoryAsync(
            AcmeEntry(ProvisioningOperation.Retry, "u"),
            10);

        Assert.NotNull(record);
        Assert.Null(record.Cluster);
        Assert.Equal("tp-acme", record.OrganizationId);
        Assert.Equal((TenantSettings.Default.Enabled, TenantSettings.Default.Messages), (record.Settings.Enabled, record.Settings.Messages));
        Assert.Null(record.LastConnectionTest);
        Assert.Single((await store.GetHistoryAsync("acme", 10, null)).Entries);
    }

    /// <summary>A history entry of tenant acme at the epoch: the operation and user given, every other value its default.</summary>
    private static TenantHistoryEntry AcmeEntry(ProvisioningOperation operation, string userId) => new(
        tenantId: "acme",
        occurredAt: DateTimeOffset.UnixEpoch,
        operation: operation,
        userId: userId,
        role: TenantRole.None,
        outcome: ProvisioningOutcome.Succeeded,
        failedStep: null,
        message: null,
        errorName: null,
        correlationId: null,
        ttsRequestCount: 0,
        duration: TimeSpan.Zero);

    private async Task<EfCoreCredentialStore<TtnProvisioningDbContext>> UpgradedSqliteStoreWithAnOldRowAsync()
    {
        await ExecuteAsync(new SqliteConnection($"Data Source={_path}"), SchemaScripts.Fixture("sqlite-0.sql"), string.Format(OldRow, "0"));
        await ExecuteAsync(new SqliteConnection($"Data Source={_path}"), [.. SchemaScripts.Upgrades("sqlite")]);
        var options = new DbContextOptionsBuilder<TtnProvisioningDbContext>().UseSqlite($"Data Source={_path}").Options;
        return new EfCoreCredentialStore<TtnProvisioningDbContext>(new PooledDbContextFactory<TtnProvisioningDbContext>(options));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        File.Delete(_path + ".current");
    }

    private static async Task<string[]> SqliteColumnsAsync(string path, string[] scripts)
    {
        await ExecuteAsync(new SqliteConnection($"Data Source={path}"), scripts);
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // Every table of the library (the upgrades may add tables), and every index with its columns.
        command.CommandText = """
            SELECT t.name, c.name, c.type, c."notnull", c.pk FROM sqlite_master t JOIN pragma_table_info(t.name) c
            WHERE t.type = 'table' AND t.name LIKE 'ttn\_%' ESCAPE '\'
            UNION ALL
            SELECT i.tbl_name, 'index ' || i.name, (SELECT group_concat(k.name, ',') FROM pragma_index_info(i.name) k), '', ''
            FROM sqlite_master i WHERE i.type = 'index' AND i.name NOT LIKE 'sqlite\_%' ESCAPE '\'
            ORDER BY 1, 2;
            """;
        return await ReadRowsAsync(command);
    }

    private static async Task ExecuteAsync(DbConnection connection, params string[] scripts)
    {
        await using (connection)
        {
            await connection.OpenAsync();
            foreach (var script in scripts)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = script;
                await command.ExecuteNonQueryAsync();
            }
        }
    }

    private static async Task<string[]> ReadRowsAsync(DbCommand command)
    {
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(" ", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return [.. rows];
    }

    /// <summary>A throwaway PostgreSQL schema built from scripts.</summary>
    private sealed class PostgresSchema : IAsyncDisposable
    {
        private readonly string _name = "ttn_upgrade_" + Guid.NewGuid().ToString("N")[..16];

        public string ConnectionString => PostgresTestDatabase.WithSearchPath(_name);

        public static async Task<PostgresSchema> CreateAsync(params string[] scripts)
        {
            var schema = new PostgresSchema();
            await SchemaUpgradeTests.ExecuteAsync(new NpgsqlConnection(PostgresTestDatabase.RequireConnectionString()), $"CREATE SCHEMA \"{schema._name}\";");
            await schema.ExecuteAsync(scripts);
            return schema;
        }

        public Task ExecuteAsync(string[] scripts) => SchemaUpgradeTests.ExecuteAsync(new NpgsqlConnection(ConnectionString), scripts);

        public async Task<string[]> ColumnsAsync()
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT table_name, column_name, data_type, is_nullable, coalesce(character_maximum_length, 0), coalesce(collation_name, ''), "
                + "is_identity FROM information_schema.columns WHERE table_schema = @schema "
                + "UNION ALL SELECT tablename, 'index ' || indexname, replace(indexdef, @schema || '.', ''), '', 0, '', '' "
                + "FROM pg_indexes WHERE schemaname = @schema ORDER BY 1, 2;",
                connection);
            command.Parameters.AddWithValue("schema", _name);
            return await ReadRowsAsync(command);
        }

        public async ValueTask DisposeAsync() =>
            await SchemaUpgradeTests.ExecuteAsync(
                new NpgsqlConnection(PostgresTestDatabase.RequireConnectionString()), $"DROP SCHEMA IF EXISTS \"{_name}\" CASCADE;");
    }
}
