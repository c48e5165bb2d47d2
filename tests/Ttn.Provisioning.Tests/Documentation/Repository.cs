namespace Ttn.Provisioning.Tests.Documentation;

/// <summary>Where the repository is, for tests that read its files.</summary>
internal static class Repository
{
    /// <summary>The directory holding <c>Ttn.Provisioning.sln</c>, found above the test's output directory.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ttn.Provisioning.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (Ttn.Provisioning.sln) was not found above the test's directory.");
    }
}
