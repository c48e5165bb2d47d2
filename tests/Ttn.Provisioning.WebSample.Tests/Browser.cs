using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Ttn.Provisioning.WebSample.Tests;

/// <summary>
/// Debian's headless Chromium driven through Debian's chromedriver, both by explicit path: Selenium Manager is never asked
/// to find or download anything. Outside CI the browser tests skip with <see cref="SkipReason"/> when either is missing or
/// cannot start; with <c>CI=true</c> they run and fail (<c>.ci/run</c> installs both packages).
/// </summary>
internal static class Browser
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverPath = "/usr/bin/chromedriver";

    private static readonly Lazy<string?> Probe = new(ProbeBrowser);

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Null when the browser tests run: Chromium starts, or this is CI (where a missing browser fails them).</summary>
    public static string? SkipReason => IsCi ? null : Probe.Value;

    /// <summary>Starts a headless Chromium, about 1000 px wide, that makes no request of its own to the network.</summary>
    public static ChromeDriver Start()
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(DriverPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} or {DriverPath} is missing: install Debian's chromium and chromium-driver (.ci/run does).");
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1000,1600",
            "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
            "--disable-background-networking", "--disable-component-update", "--disable-default-apps", "--lang=en-US", "--hide-scrollbars");
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        return driver;
    }

    private static string? ProbeBrowser()
    {
        try
        {
            using var driver = Start();
            driver.Quit();
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or WebDriverException or IOException
            or System.ComponentModel.Win32Exception)
        {
            return $"Headless Chromium cannot start ({e.GetType().Name}: {FirstLine(e.Message)}). Install Debian's chromium and " +
                "chromium-driver (apt-get install chromium chromium-driver), or run `bash .ci/run`.";
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();
}

/// <summary>A browser test: skipped outside CI when Chromium or its driver is missing or cannot start.</summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browser.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
