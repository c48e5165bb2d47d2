using Xunit.Abstractions;

namespace Ttn.Provisioning.WebSample.Tests;

/// <summary>
/// Takes the README's screenshot of the panel (docs/web-sample.png) when <see cref="Variable"/> is 1; skipped otherwise, so
/// an ordinary test run never rewrites a committed file.
/// </summary>
public sealed class ScreenshotTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    public const string Variable = "TTN_PROVISIONING_UPDATE_SCREENSHOT";

    [ScreenshotFact]
    public Task The_readme_screenshot_shows_a_ready_tenant_with_live_uplinks() => PanelSession.RunAsync(browser, output, async session =>
    {
        var application = await Demo.ProvisionAsync(session);
        await Demo.RegisterDeviceAsync(session, "70B3D57ED0000001", Demo.NewAppKey(), "cold-room-1");
        await Demo.RegisterDeviceAsync(session, "70B3D57ED0000002", Demo.NewAppKey(), "freezer-2");
        for (var i = 0; i < 24; i++)
        {
            Assert.Null(await session.Sample.Fake!.SimulateUplinkAsync(application, i % 3 == 0 ? "freezer-2" : "cold-room-1", "eu1",
                CancellationToken.None));
        }

        Assert.Equal(ProvisioningOutcome.Succeeded, (await session.Service.TestConnectionAsync(Demo.Owner)).Outcome);
        session.SignIn("acme-owner");
        var path = Path.Combine(RepositoryRoot(), "docs", "web-sample.png");

        session.Driver.GetScreenshot().SaveAsFile(path);

        output.WriteLine($"Wrote {path}");
        Assert.True(new FileInfo(path).Length > 0);
    });

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Ttn.Provisioning.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with Ttn.Provisioning.sln) is not above the test output.");
    }
}

/// <summary>Runs only when the screenshot is to be updated, and the browser can start.</summary>
internal sealed class ScreenshotFactAttribute : FactAttribute
{
    public ScreenshotFactAttribute()
    {
        Skip = Environment.GetEnvironmentVariable(ScreenshotTests.Variable) != "1"
            ? $"Set {ScreenshotTests.Variable}=1 to write docs/web-sample.png."
            : Browser.SkipReason;
    }
}
