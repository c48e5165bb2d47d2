using OpenQA.Selenium.Chrome;

namespace Ttn.Provisioning.WebSample.Tests;

/// <summary>One headless Chromium per test class, started on first use (a class whose tests all skip starts none).</summary>
public sealed class BrowserFixture : IDisposable
{
    private readonly Lazy<ChromeDriver> _driver = new(Browser.Start);

    internal ChromeDriver Driver => _driver.Value;

    public void Dispose()
    {
        if (_driver.IsValueCreated)
        {
            _driver.Value.Quit();
            _driver.Value.Dispose();
        }
    }
}
