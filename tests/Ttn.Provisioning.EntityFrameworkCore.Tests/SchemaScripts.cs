using Microsoft.EntityFrameworkCore;

namespace Ttn.Provisioning.EntityFrameworkCore.Tests;

/// <summary>The committed schema scripts (src/Ttn.Provisioning.EntityFrameworkCore/schema) and how they are generated.</summary>
internal static class SchemaScripts
{
    public const string UpdateVariable = "TTN_PROVISIONING_UPDATE_SCHEMA";

    private const string Header = """
        -- The tenant table of Ttn.Provisioning.EntityFrameworkCore ({0}).
        -- Generated from the EF Core model (TtnProvisioningDbContext); a test checks it matches.
        -- Regenerate: TTN_PROVISIONING_UPDATE_SCHEMA=1 dotnet test tests/Ttn.Provisioning.EntityFrameworkCore.Tests
        -- Instants are UTC ticks (100 ns since 0001-01-01T00:00:00Z) in *_ticks columns; states, steps and
        -- checkpoints are text; version is the compare-and-swap token (each write stores version + 1).

        """;

    public static string SqlitePath => Path.Combine(SchemaDirectory, "sqlite.sql");

    public static string PostgreSqlPath => Path.Combine(SchemaDirectory, "postgresql.sql");

    /// <summary>The upgrade scripts of a provider (<c>sqlite</c>, <c>postgresql</c>), in the order they apply.</summary>
    public static IEnumerable<string> Upgrades(string provider) =>
        Directory.GetFiles(Path.Combine(SchemaDirectory, "upgrades"), $"*.{provider}.sql")
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText);

    /// <summary>A frozen script from the test project's Fixtures folder.</summary>
    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    private static string SchemaDirectory
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ttn.Provisioning.sln")))
            {
                directory = directory.Parent;
            }

            return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("The repository root was not found."), "src", "Ttn.Provisioning.EntityFrameworkCore", "schema");
        }
    }

    public static string GenerateSqlite()
    {
        var options = new DbContextOptionsBuilder<TtnProvisioningDbContext>().UseSqlite("Data Source=:memory:").Options;
        using var context = new TtnProvisioningDbContext(options);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, Header, "SQLite") + Normalize(context.Database.GenerateCreateScript());
    }

    public static string GeneratePostgreSql()
    {
        var options = new DbContextOptionsBuilder<TtnProvisioningDbContext>().UseNpgsql("Host=127.0.0.1;Database=unused").Options;
        using var context = new TtnProvisioningDbContext(options);
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, Header, "PostgreSQL") + Normalize(context.Database.GenerateCreateScript());
    }

    private static string Normalize(string script) => script.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd() + "\n";
}
