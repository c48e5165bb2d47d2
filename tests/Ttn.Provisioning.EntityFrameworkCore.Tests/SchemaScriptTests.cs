namespace Ttn.Provisioning.EntityFrameworkCore.Tests;

public sealed class SchemaScriptTests
{
    [Fact]
    public void SqliteScriptMatchesTheModel() => AssertMatches(SchemaScripts.SqlitePath, SchemaScripts.GenerateSqlite());

    [Fact]
    public void PostgreSqlScriptMatchesTheModel() => AssertMatches(SchemaScripts.PostgreSqlPath, SchemaScripts.GeneratePostgreSql());

    private static void AssertMatches(string path, string generated)
    {
        if (Environment.GetEnvironmentVariable(SchemaScripts.UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, generated);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run with {SchemaScripts.UpdateVariable}=1 to generate it.");
        var committed = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.True(committed == generated, $"{path} does not match the EF Core model; run with {SchemaScripts.UpdateVariable}=1 to regenerate it and review the diff.\nGenerated:\n{generated}");
    }
}
