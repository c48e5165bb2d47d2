using System.Text.RegularExpressions;

namespace Ttn.Provisioning.Tests.Documentation;

/// <summary>
/// Code between <c>// README:BEGIN</c> and <c>// README:END</c> in a compiled file of a sample or a test: the twin of one
/// of the README's C# blocks, which the build checks against the packages.
/// </summary>
/// <param name="File">The file, relative to the repository root.</param>
/// <param name="Code">The lines between the markers, without their common indentation.</param>
/// <param name="FileUsings">The file's using directives.</param>
/// <param name="FileNamespace">The file's namespace; empty for the global namespace.</param>
internal sealed partial record CompiledRegion(string File, string Code, IReadOnlySet<string> FileUsings, string FileNamespace)
{
    /// <summary>Every region in the C# files of <c>samples/</c> and <c>tests/</c>.</summary>
    public static IEnumerable<CompiledRegion> All()
    {
        var roots = new[] { "samples", "tests" }.Select(d => Path.Combine(Repository.Root, d));
        foreach (var path in roots.SelectMany(r => Directory.EnumerateFiles(r, "*.cs", SearchOption.AllDirectories)))
        {
            var relative = Path.GetRelativePath(Repository.Root, path);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var lines = System.IO.File.ReadAllLines(path);
            var usings = lines.Where(l => UsingDirective().IsMatch(l)).ToHashSet(StringComparer.Ordinal);
            var ns = lines.Select(l => Namespace().Match(l)).FirstOrDefault(m => m.Success)?.Groups[1].Value ?? string.Empty;
            for (var begin = Array.FindIndex(lines, IsBegin); begin >= 0; begin = Array.FindIndex(lines, begin + 1, IsBegin))
            {
                var end = Array.FindIndex(lines, begin + 1, l => l.Trim() == "// README:END");
                if (end < 0)
                {
                    throw new InvalidOperationException($"{relative}: a README:BEGIN marker without its README:END.");
                }

                yield return new CompiledRegion(relative, Dedent(lines[(begin + 1)..end]), usings, ns);
            }
        }
    }

    /// <summary>
    /// Whether this region is <paramref name="block"/>: the same code, or the same code after the block's leading using
    /// directives when the region's file has each of them (or is inside the namespace one names).
    /// </summary>
    public bool Shows(string block)
    {
        if (block == Code)
        {
            return true;
        }

        var lines = block.Split('\n');
        var usingCount = lines.TakeWhile(l => UsingDirective().IsMatch(l)).Count();
        var body = string.Join('\n', lines.Skip(usingCount).SkipWhile(l => l.Length == 0));
        return usingCount > 0 && body == Code && lines.Take(usingCount).All(InScope);
    }

    private bool InScope(string directive)
    {
        var named = directive["using ".Length..^1];
        return FileUsings.Contains(directive)
            || FileNamespace == named
            || FileNamespace.StartsWith(named + ".", StringComparison.Ordinal);
    }

    private static bool IsBegin(string line) => line.Trim() == "// README:BEGIN";

    private static string Dedent(string[] lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }

    [GeneratedRegex(@"^using [A-Za-z_][\w.]*;$")]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"^namespace ([\w.]+)\s*[;{]?")]
    private static partial Regex Namespace();
}
