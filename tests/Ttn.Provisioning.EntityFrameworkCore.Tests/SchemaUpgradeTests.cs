using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

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

    /// <summary>Every table of the current schema: the tenants, and the device store's (upgrade 0004).</summary>
    public static TheoryData<string> Tables() =>
        ["ttn_tenants", "ttn_unfinished_devices", "ttn_device_import_jobs", "ttn_device_import_rows"];

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"ttn-upgrade-{Guid.NewGuid():N}.db");

    [Theory]
    [MemberData(nameof(Tables))]
    public async Task Upgrading_the_first_sqlite_table_gives_the_columns_of_the_current_schema(string table)
    {
        var upgraded = await SqliteColumnsAsync(_path, table, [SchemaScripts.Fixture("sqlite-0.sql"), .. SchemaScripts.Upgrades("sqlite")]);
        var current = await SqliteColumnsAsync(_path + ".current", table, [await File.ReadAllTextAsync(SchemaScripts.SqlitePath)]);

        Assert.NotEmpty(current);
        Assert.Equal(current, upgraded);
    }

    [Fact]
    public async Task A_sqlite_row_written_before_clusters_reads_with_no_cluster_so_as_the_default_one()
    {
        await ExecuteAsync(new SqliteConnection($"Data Source={_path}"), SchemaScripts.Fixture("sqlite-0.sql"), string.Format(OldRow, "0"));
        await ExecuteAsync(new SqliteConnection($"Data Source={_path}"), [.. SchemaScripts.Upgrades("sqlite")]);
        var options = new DbContextOptionsBuilder<TtnProvisioningDbContext>().UseSqlite($"Data Source={_path}").Options;
        var store = new EfCoreCredentialStore<TtnProvisioningDbContext>(new PooledDbContextFactory<TtnProvisioningDbContext>(options));

        var record = await store.GetAsync("acme");

        Assert.NotNull(record);
        Assert.Null(record.Cluster);
        Assert.Equal("tp-acme", record.OrganizationId);
        Assert.Equal(3, record.Version);
    }

    [PostgresTheory]
    [MemberData(nameof(Tables))]
    public async Task Upgrading_the_first_postgresql_table_gives_the_columns_of_the_current_schema(string table)
    {
        await using var upgraded = await PostgresSchema.CreateAsync([SchemaScripts.Fixture("postgresql-0.sql"), .. SchemaScripts.Upgrades("postgresql")]);
        await using var current = await PostgresSchema.CreateAsync(await File.ReadAllTextAsync(SchemaScripts.PostgreSqlPath));

        Assert.NotEmpty(await current.ColumnsAsync(table));
        Assert.Equal(await current.ColumnsAsync(table), await upgraded.ColumnsAsync(table));
    }

    [PostgresFact]
    public async Task A_postgresql_row_written_before_clusters_reads_with_no_cluster_so_as_the_default_one()
    {
        await using var schema = await PostgresSchema.CreateAsync(SchemaScripts.Fixture("postgresql-0.sql"), string.Format(OldRow, "false"));
        await schema.ExecuteAsync([.. SchemaScripts.Upgrades("postgresql")]);
        var options = new DbContextOptionsBuilder<TtnProvisioningDbContext>().UseNpgsql(schema.ConnectionString).Options;
        var store = new EfCoreCredentialStore<TtnProvisioningDbContext>(new PooledDbContextFactory<TtnProvisioningDbContext>(options));

        var record = await store.GetAsync("acme");

        Assert.NotNull(record);
        Assert.Null(record.Cluster);
        Assert.Equal("tp-acme", record.OrganizationId);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
        File.Delete(_path + ".current");
    }

    private static async Task<string[]> SqliteColumnsAsync(string path, string table, string[] scripts)
    {
        await ExecuteAsync(new SqliteConnection($"Data Source={path}"), scripts);
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, type, \"notnull\", pk FROM pragma_table_info($table) ORDER BY name;";
        command.Parameters.AddWithValue("$table", table);
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

        public async Task<string[]> ColumnsAsync(string table)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT column_name, data_type, is_nullable, coalesce(character_maximum_length, 0), coalesce(collation_name, '') "
                + "FROM information_schema.columns WHERE table_schema = @schema AND table_name = @table ORDER BY column_name;",
                connection);
            command.Parameters.AddWithValue("schema", _name);
            command.Parameters.AddWithValue("table", table);
            return await ReadRowsAsync(command);
        }

        public async ValueTask DisposeAsync() =>
            await SchemaUpgradeTests.ExecuteAsync(
                new NpgsqlConnection(PostgresTestDatabase.RequireConnectionString()), $"DROP SCHEMA IF EXISTS \"{_name}\" CASCADE;");
    }
}
