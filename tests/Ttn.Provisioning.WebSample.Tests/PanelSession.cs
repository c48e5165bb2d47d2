using System.Runtime.CompilerServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace Ttn.Provisioning.WebSample.Tests;

/// <summary>
/// The web sample started in-process for one test (Kestrel on 127.0.0.1 and a free port, on its own in-process fake), driven
/// by the class's browser. Keeps every page source the browser was served, for the secret sentinel. On failure it saves a
/// screenshot and the page's HTML under the test output and names them in the failure.
/// </summary>
internal sealed class PanelSession : IAsyncDisposable
{
    private readonly List<string> _sources = [];

    private PanelSession(WebSampleApp sample, ChromeDriver driver)
    {
        Sample = sample;
        Driver = driver;
        Wait = new WebDriverWait(driver, TimeSpan.FromSeconds(15)) { PollingInterval = TimeSpan.FromMilliseconds(50) };
    }

    public WebSampleApp Sample { get; }

    public ChromeDriver Driver { get; }

    public WebDriverWait Wait { get; }

    public IProvisioningService Service => Sample.App.Services.GetRequiredService<IProvisioningService>();

    /// <summary>Every page source served to the browser so far (pages and JSON alike).</summary>
    public IReadOnlyList<string> Sources => _sources;

    /// <summary>Runs a browser test against a fresh sample; on failure saves the evidence and fails with its paths.</summary>
    public static async Task RunAsync(
        BrowserFixture browser, ITestOutputHelper output, Func<PanelSession, Task> test, [CallerMemberName] string name = "")
    {
        var sample = await WebSampleApp.BuildAsync(["--urls", "http://127.0.0.1:0"], b => b.Logging.ClearProviders());
        await using var session = new PanelSession(sample, browser.Driver);
        await sample.StartAsync();
        try
        {
            // Cookies are kept per host, not per port: forget the previous test's sample.
            session.Open("/SignIn");
            session.Driver.Manage().Cookies.DeleteAllCookies();
            await test(session);
        }
        catch (Exception failure)
        {
            var saved = session.SaveEvidence(name);
            output.WriteLine($"Browser evidence: {saved}");
            throw new Xunit.Sdk.XunitException(
                $"{failure.Message}{Environment.NewLine}Browser evidence: {saved}{Environment.NewLine}{failure}");
        }
    }

    public Uri Url(string path) => new(Sample.Address, path);

    /// <summary>Opens a page (or JSON) and records what was served.</summary>
    public void Open(string path)
    {
        Driver.Navigate().GoToUrl(Url(path));
        Record();
    }

    /// <summary>Signs a demo user in through the sign-in page and lands on the panel.</summary>
    public void SignIn(string userId)
    {
        Open("/SignIn");
        Driver.FindElement(By.CssSelector($"#user option[value='{userId}']")).Click();
        Submit("sign-in");
        Wait.Until(d => d.FindElements(By.Id("role")).Count == 1);
    }

    /// <summary>Clicks a submit button and waits for the next page to load.</summary>
    public void Submit(By button)
    {
        var page = Driver.FindElement(By.TagName("html"));
        Driver.FindElement(button).Click();
        WaitForNewPage(page);
    }

    public void Submit(string buttonId) => Submit(By.Id(buttonId));

    /// <summary>Waits until the old page is gone and the new one loaded, then records it.</summary>
    public void WaitForNewPage(IWebElement oldPage)
    {
        Wait.Until(_ => IsStale(oldPage));
        Wait.Until(d => Equals(((IJavaScriptExecutor)d).ExecuteScript("return document.readyState"), "complete"));
        Record();
    }

    public string Text(string id) => Driver.FindElement(By.Id(id)).Text;

    public bool Has(string id) => Driver.FindElements(By.Id(id)).Count > 0;

    public void Record() => _sources.Add(Driver.PageSource);

    private static bool IsStale(IWebElement element)
    {
        try
        {
            _ = element.Enabled;
            return false;
        }
        catch (StaleElementReferenceException)
        {
            return true;
        }
        catch (UnknownErrorException gone) when (gone.Message.Contains("does not belong to the document", StringComparison.Ordinal))
        {
            // Chromium's answer when the old page's node was released between the lookup and the read: stale as well.
            return true;
        }
    }

    private string SaveEvidence(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "browser-failures");
        Directory.CreateDirectory(directory);
        var stem = Path.Combine(directory, $"{name}-{DateTime.UtcNow:HHmmss}");
        try
        {
            Driver.GetScreenshot().SaveAsFile(stem + ".png");
            File.WriteAllText(stem + ".html", Driver.PageSource);
            return $"{stem}.png and {stem}.html";
        }
        catch (WebDriverException e)
        {
            return $"none (the browser could not give them: {e.Message})";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Sample.DisposeAsync();
    }
}
