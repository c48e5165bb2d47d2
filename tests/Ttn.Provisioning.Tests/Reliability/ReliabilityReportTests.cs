using System.Globalization;
using System.Text.RegularExpressions;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Tests.Provisioning;

namespace Ttn.Provisioning.Tests.Reliability;

/// <summary>Issue 6, part 6: the counts in docs/RELIABILITY.md are the counts the suite runs.</summary>
public sealed partial class ReliabilityReportTests
{
    [Fact]
    public void The_reliability_report_table_matches_the_suite()
    {
        var expected = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["provisioning-matrix"] = FaultMatrixTests.ProvisioningCases().Count,
            ["start-fresh-matrix"] = FaultMatrixTests.StartFreshCases().Count,
            ["deep-clean-matrix"] = FaultMatrixTests.DeepCleanCases().Count,
            ["optional-steps-matrix"] = OptionalStepFaultTests.Cases().Count,
            ["settings-and-connection-test-matrix"] = SettingsAndConnectionFaultTests.Cases().Count,
            ["retries-on"] = typeof(RetriesOnTests).GetMethods().Count(m => m.IsDefined(typeof(FactAttribute), inherit: false)),
            ["secret-sentinel-operations"] = SecretSentinelTests.Operations.Length,
            ["invalid-tenant-ids"] = HostileInputTests.InvalidTenantIds().Count,
            ["invalid-tts-ids"] = HostileInputTests.InvalidTtsIds().Count,
            ["hostile-webhook-urls"] = HostileInputTests.HostileWebhookUrls().Count,
            ["unknown-roles"] = HostileInputTests.UnknownRoles().Count,
            ["mutated-tokens"] = HostileInputTests.MutatedTokenCount,
            ["malformed-answers"] = HostileInputTests.MalformedBodies().Count * 2,
            ["cross-tenant"] = Enum.GetValues<ProvisioningOperation>().Length,
            ["load-tenants"] = LoadTests.TenantCount,
            ["device-registration-matrix"] = DeviceFaultMatrixTests.RegistrationCases().Count,
            ["device-removal-matrix"] = DeviceFaultMatrixTests.RemovalCases().Count,
            ["device-import-crash-points"] = Devices.DeviceImportCrashTests.CrashPoints().Count,
            ["device-sentinel-operations"] = Devices.DeviceSecretSentinelTests.Operations.Length,
        };

        var table = TableRow().Matches(File.ReadAllText(ReportPath()))
            .ToDictionary(m => m.Groups["key"].Value, m => int.Parse(m.Groups["count"].Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture), StringComparer.Ordinal);

        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), table.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    [Fact]
    public void The_reliability_report_states_the_load_parameters_the_suite_uses()
    {
        var report = File.ReadAllText(ReportPath());

        Assert.Contains($"{LoadTests.Concurrency} at a time", report, StringComparison.Ordinal);
        Assert.Contains($"{LoadTests.RequestsPerSecond} requests per second", report, StringComparison.Ordinal);
        Assert.Contains($"{LoadTests.HappyPathRequests} per tenant", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_test_the_security_table_names_exists_in_the_suite()
    {
        var report = File.ReadAllText(ReportPath());
        var security = report[report.IndexOf("## Security", StringComparison.Ordinal)..];
        security = security[..security.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        var named = SecurityTestName().Matches(security).Select(m => m.Groups["name"].Value).Distinct().ToArray();
        var testsDirectory = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(ReportPath()))!, "tests");
        var declared = Directory.EnumerateFiles(testsDirectory, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => TestDeclaration().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value))
            .ToHashSet(StringComparer.Ordinal);

        Assert.True(named.Length >= 14, "The security table should name tests for each finding.");
        Assert.All(named, name => Assert.Contains(name, declared));
    }

    private static string ReportPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "RELIABILITY.md");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("docs/RELIABILITY.md was not found above the test's directory.");
    }

    [GeneratedRegex(@"^\| `(?<key>[a-z-]+)` \|[^|]*\| (?<count>[\d,]+) \|", RegexOptions.Multiline)]
    private static partial Regex TableRow();

    [GeneratedRegex(@"`(?<name>[A-Z][A-Za-z0-9]*(?:_[A-Za-z0-9]+){2,})`")]
    private static partial Regex SecurityTestName();

    [GeneratedRegex(@"public (?:async )?(?:Task|void) (?<name>[A-Za-z0-9_]+)\(")]
    private static partial Regex TestDeclaration();
}
