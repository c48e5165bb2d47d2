using System.Diagnostics;
using System.IO.Compression;
using System.Xml.Linq;

namespace Ttn.Provisioning.Tests.Documentation;

/// <summary>
/// The packages see each other's internals, so each must depend on the others at exactly its own version
/// (src/Directory.Build.targets): packs the Testing package, which references the core and the device package (no restore:
/// the test run restored it, and a test never reaches a package source).
/// </summary>
public sealed class PackageDependencyTests
{
    [Fact]
    public async Task A_package_depends_on_the_repository_s_other_packages_at_exactly_its_own_version()
    {
        var output = Directory.CreateTempSubdirectory("ttn-pack-");
        try
        {
            var project = Path.Combine(Repository.Root, "src", "Ttn.Provisioning.Testing", "Ttn.Provisioning.Testing.csproj");
            var start = new ProcessStartInfo("dotnet", ["pack", project, "-o", output.FullName, "--no-restore", "--nologo", "-v", "q"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var pack = Process.Start(start)!;
            var log = pack.StandardOutput.ReadToEndAsync();
            var errors = pack.StandardError.ReadToEndAsync();
            await pack.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token);
            Assert.True(pack.ExitCode == 0, $"dotnet pack failed: {await log} {await errors}");

            var package = Assert.Single(output.GetFiles("Ttn.Provisioning.Testing.*.nupkg"));
            var version = package.Name["Ttn.Provisioning.Testing.".Length..^".nupkg".Length];
            using var zip = ZipFile.OpenRead(package.FullName);
            await using var nuspec = zip.GetEntry("Ttn.Provisioning.Testing.nuspec")!.Open();
            var dependencies = XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency")
                .ToDictionary(e => e.Attribute("id")!.Value, e => e.Attribute("version")!.Value);

            Assert.Equal($"[{version}]", dependencies["Ttn.Provisioning"]);
            Assert.Equal($"[{version}]", dependencies["Ttn.Provisioning.Devices"]);
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }
}
