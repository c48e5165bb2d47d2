using System.Text.RegularExpressions;

namespace Ttn.Provisioning.Tests.Documentation;

/// <summary>
/// The README shows code that compiles: each of its C# blocks is a region of a compiled file (<see cref="CompiledRegion"/>),
/// and the "Usage" block is the code the sample runs.
/// </summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void Every_csharp_block_of_the_readme_is_a_region_of_compiled_code()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var blocks = CsharpBlock().Matches(readme).Select(m => m.Groups[1].Value.TrimEnd('\n')).ToArray();
        var regions = CompiledRegion.All().ToArray();

        var orphans = blocks
            .Where(b => !regions.Any(r => r.Shows(b)))
            .Select(b => b.Split('\n').First(l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal)))
            .ToArray();

        Assert.True(blocks.Length >= 5, $"Found {blocks.Length} C# blocks in the README; the pattern no longer finds them.");
        Assert.True(
            orphans.Length == 0,
            "README C# blocks that no compiled file holds between // README:BEGIN and // README:END (copy the block there, or "
                + "bring the README back in step):\n" + string.Join("\n", orphans));
    }

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

    [GeneratedRegex("```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CsharpBlock();
}
