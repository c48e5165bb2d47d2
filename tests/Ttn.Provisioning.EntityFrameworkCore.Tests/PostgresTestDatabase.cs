using Npgsql;
using Ttn.Provisioning.Testing.Storage;

namespace Ttn.Provisioning.EntityFrameworkCore.Tests;

/// <summary>
/// Where the PostgreSQL tests find their server: <see cref="ConnectionStringVariable"/>, set by <c>.ci/run</c>
/// (via <c>.ci/postgres.sh</c>). Outside CI the tests skip without it; in CI (<c>CI=true</c>) they fail.
/// </summary>
internal static class PostgresTestDatabase
{
    public const string ConnectionStringVariable = "TTN_PROVISIONING_TEST_POSTGRES";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(ConnectionStringVariable) is { Length: > 0 } value ? value : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when the tests run: the server is configured, or this is CI (where a missing server fails them).</summary>
    public static string? SkipReason => ConnectionString is not null || IsCi
        ? null
        : $"PostgreSQL is not configured: set {ConnectionStringVariable} to an Npgsql connection string, or run `bash .ci/run` " +
          "(or `source .ci/postgres.sh && dotnet test`), which starts a throwaway server on 127.0.0.1.";

    public static string RequireConnectionString() => ConnectionString
        ?? throw new InvalidOperationException(
            $"CI=true but {ConnectionStringVariable} is not set: the PostgreSQL tests must run in CI. " +
            ".ci/run starts PostgreSQL through .ci/postgres.sh and exports the variable; run the tests through it.");

    /// <summary>A connection string whose search path is <paramref name="schema"/>, so unqualified names resolve there.</summary>
    public static string WithSearchPath(string schema) =>
        new NpgsqlConnectionStringBuilder(RequireConnectionString()) { SearchPath = schema }.ConnectionString;
}

/// <summary>Skips PostgreSQL specification facts outside CI when no server is configured.</summary>
internal sealed class PostgresAvailableAttribute : StoreAvailabilityAttribute
{
    public override string? SkipReason => PostgresTestDatabase.SkipReason;
}

/// <summary>A fact that needs PostgreSQL: skipped outside CI when no server is configured.</summary>
internal sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresTestDatabase.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>
/// A schema of its own for one test class, holding the tenant table created by <c>schema/postgresql.sql</c>; dropped
/// when the class is done.
/// </summary>
public sealed class PostgresSchemaFixture : IAsyncLifetime
{
    public string Schema { get; } = "ttn_test_" + Guid.NewGuid().ToString("N")[..16];

    public string ConnectionString => PostgresTestDatabase.WithSearchPath(Schema);

    public async Task InitializeAsync()
    {
        if (PostgresTestDatabase.SkipReason is not null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(PostgresTestDatabase.RequireConnectionString());
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"CREATE SCHEMA \"{Schema}\"; SET search_path TO \"{Schema}\";");
        await ExecuteAsync(connection, await File.ReadAllTextAsync(SchemaScripts.PostgreSqlPath));
    }

    public async Task TruncateAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "TRUNCATE ttn_tenants, ttn_unfinished_devices, ttn_device_import_jobs, ttn_device_import_rows;");
    }

    public async Task DisposeAsync()
    {
        if (PostgresTestDatabase.ConnectionString is null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(PostgresTestDatabase.ConnectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, $"DROP SCHEMA IF EXISTS \"{Schema}\" CASCADE;");
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
