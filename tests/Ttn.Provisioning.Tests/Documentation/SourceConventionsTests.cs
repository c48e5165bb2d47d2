using System.Text.RegularExpressions;

namespace Ttn.Provisioning.Tests.Documentation;

/// <summary>The repository's layout rules for shipped code, checked so that a change cannot quietly break them.</summary>
public sealed partial class SourceConventionsTests
{
    private const int MaxLineLength = 140;
    private const int MaxFileLines = 300;
    private const int MaxCoreApiLines = 550;

    [Fact]
    public void No_line_of_shipped_code_is_longer_than_the_editorconfig_limit()
    {
        var longLines = SourceFiles()
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, line.Length)))
            .Where(l => l.Length > MaxLineLength)
            .Select(l => $"{Relative(l.File)}:{l.Line} ({l.Length})")
            .ToArray();

        Assert.True(longLines.Length == 0, "Lines over 140 characters:\n" + string.Join("\n", longLines));
    }

    [Fact]
    public void No_file_of_shipped_code_holds_more_than_three_hundred_lines()
    {
        var longFiles = SourceFiles()
            .Select(f => (File: f, Lines: File.ReadLines(f).Count()))
            .Where(f => f.Lines > MaxFileLines)
            .Select(f => $"{Relative(f.File)} ({f.Lines})")
            .ToArray();

        Assert.True(longFiles.Length == 0, "Files over 300 lines (split them by concept):\n" + string.Join("\n", longFiles));
    }

    [Fact]
    public void The_core_public_api_stays_within_its_budget_of_550_lines()
    {
        var lines = File.ReadLines(Path.Combine(Repository.Root, "src", "Ttn.Provisioning", "PublicAPI.Unshipped.txt")).Count();

        Assert.True(
            lines <= MaxCoreApiLines,
            $"The core's PublicAPI.Unshipped.txt has {lines} lines, over {MaxCoreApiLines}: look for a shape that needs fewer "
            + "members (docs/ARCHITECTURE.md, \"What is public, and in which shape\") before raising the budget.");
    }

    [Fact]
    public void No_comment_points_to_a_document_outside_the_repository()
    {
        // The design notes this library was built from are not shipped with it: what matters is in docs/ and the README.
        var documents = Directory.EnumerateFiles(Repository.Root, "*.md", SearchOption.AllDirectories)
            .Select(f => Relative(f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.Split('/').Any(part => part is "bin" or "obj" or ".git" or "BenchmarkDotNet.Artifacts"))
            .ToArray();
        var outside = new[] { "src", "tests", "samples", "benchmarks" }
            .SelectMany(d => SourceFiles(d))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => DocumentName().Matches(l.Text).Any(m => !IsInRepository(m.Value, documents)) || SeedNotes().IsMatch(l.Text))
            .Select(l => $"{Relative(l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToArray();

        Assert.True(outside.Length == 0, "Comments pointing to documents that are not in this repository:\n" + string.Join("\n", outside));
    }

    // "docs/RELIABILITY.md" names that file; a bare "RELIABILITY.md" may be any file of that name.
    private static bool IsInRepository(string reference, string[] documents) =>
        documents.Any(d => d == reference || d.EndsWith("/" + reference.TrimStart('.', '/'), StringComparison.Ordinal));

    [GeneratedRegex(@"[A-Za-z0-9_./-]+\.md\b")]
    private static partial Regex DocumentName();

    // The notes on the replaced system, by name (written so that this line does not name them).
    [GeneratedRegex(@"seed[- ]behavio", RegexOptions.IgnoreCase)]
    private static partial Regex SeedNotes();

    private static IEnumerable<string> SourceFiles(string directory = "src")
    {
        var src = Path.Combine(Repository.Root, directory);
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
    }

    private static string Relative(string path) => Path.GetRelativePath(Repository.Root, path);
}
