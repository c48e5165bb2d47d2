namespace Ttn.Provisioning.Tests.Documentation;

/// <summary>The README shows code that compiles and runs: the sample's ReadmeExample.cs, kept in step here.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void Usage_section_is_the_code_the_sample_runs()
    {
        var root = Repository.Root;
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var example = File.ReadAllLines(Path.Combine(root, "samples", "Ttn.Provisioning.Sample", "ReadmeExample.cs"));

        var begin = Array.FindIndex(example, l => l.Trim() == "// README:BEGIN");
        var end = Array.FindIndex(example, l => l.Trim() == "// README:END");
        Assert.True(begin >= 0 && end > begin, "ReadmeExample.cs lost its README markers.");
        var lines = example[(begin + 1)..end];
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        var code = string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));

        Assert.Contains(code, readme.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void Readme_shows_the_two_commands_that_ci_runs()
    {
        var root = Repository.Root;
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var ci = File.ReadAllText(Path.Combine(root, ".ci", "run"));

        Assert.Contains("dotnet run --project samples/Ttn.Provisioning.Sample", readme, StringComparison.Ordinal);
        Assert.Contains("\ndotnet test\n", readme, StringComparison.Ordinal);
        Assert.Contains("\ndotnet test", ci, StringComparison.Ordinal);
    }
}
