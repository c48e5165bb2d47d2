using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Ttn.Provisioning.WebSample.Tests;

/// <summary>An owner walks the tenant's lifecycle through the panel's buttons.</summary>
public sealed class OwnerTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public Task An_owner_provisions_and_every_step_shows_done() => PanelSession.RunAsync(browser, output, session =>
    {
        session.SignIn("acme-owner");

        session.Submit("provision");

        Assert.Equal("Succeeded", session.Text("report-outcome"));
        Assert.Equal("Ready", session.Text("state"));
        var steps = session.Driver.FindElements(By.CssSelector("#steps li")).Select(s => s.GetAttribute("data-state")).ToList();
        Assert.Equal(6, steps.Count);
        Assert.All(steps, state => Assert.Equal("done", state));
        return Task.CompletedTask;
    });

    [BrowserFact]
    public Task A_fault_fails_the_run_at_its_step_and_retry_resumes_there_to_ready() => PanelSession.RunAsync(browser, output, session =>
    {
        session.SignIn("acme-owner");
        session.Driver.FindElement(By.CssSelector("#fault-step option[value='ApplicationApiKey']")).Click();
        session.Driver.FindElement(By.CssSelector("#fault-kind option[value='503']")).Click();
        session.Submit("inject-fault");
        Assert.Contains("Application key", session.Text("armed-faults"), StringComparison.Ordinal);

        session.Submit("provision");

        Assert.Equal("Failed", session.Text("state"));
        Assert.Equal("ApplicationApiKey", session.Text("failed-step"));
        Assert.Contains("injected_fault", session.Text("tts-error"), StringComparison.Ordinal);
        Assert.NotEqual("-", session.Text("correlation-id"));
        Assert.StartsWith("Retry", session.Text("next-action"), StringComparison.Ordinal);
        Assert.False(session.Has("armed-faults"));

        session.Submit("retry");

        Assert.Equal("Ready", session.Text("state"));
        Assert.Equal("2", session.Text("attempts"));
        // The retry resumed at the failed step: the organization was created once.
        Assert.Single(session.Sample.Fake!.Stack.Journal.Entries,
            e => e.Method == "POST" && e.Path.EndsWith("/organizations", StringComparison.Ordinal));
        return Task.CompletedTask;
    });

    [BrowserFact]
    public Task An_application_id_taken_by_another_account_makes_the_panel_suggest_start_fresh_which_gets_a_new_id() =>
        PanelSession.RunAsync(browser, output, session =>
        {
            session.SignIn("acme-owner");
            session.Submit("take-application-id");
            Assert.Equal("Taken", session.Text("report-outcome"));

            session.Submit("provision");
            Assert.Equal("UseStartFresh", session.Text("report-outcome"));
            Assert.StartsWith("Use start fresh", session.Text("next-action"), StringComparison.Ordinal);

            session.Submit("start-fresh");

            Assert.Equal("Ready", session.Text("state"));
            Assert.StartsWith("tp-app-acme-", session.Text("application-id"), StringComparison.Ordinal);
            return Task.CompletedTask;
        });

    [BrowserFact]
    public Task A_credential_shows_only_its_last_four_until_revealed() => PanelSession.RunAsync(browser, output, async session =>
    {
        await Demo.ProvisionAsync(session);
        var (_, applicationKey, _) = await Demo.SecretsAsync(session);
        session.SignIn("acme-owner");
        var masked = session.Driver.FindElement(By.CssSelector("tr[data-field=ApplicationApiKey] .masked")).Text;

        session.Submit("reveal");

        Assert.Equal("•••• " + applicationKey[^4..], masked);
        Assert.DoesNotContain(applicationKey, session.Sources[^2], StringComparison.Ordinal);
        Assert.Equal(applicationKey, session.Driver.FindElement(By.CssSelector("tr[data-field=ApplicationApiKey] .revealed")).Text);
    });

    [BrowserFact]
    public Task A_simulated_uplink_appears_in_the_list_and_the_chart() => PanelSession.RunAsync(browser, output, async session =>
    {
        await Demo.ProvisionAsync(session);
        session.SignIn("acme-owner");

        session.Submit("simulate");

        Assert.Equal("Delivered", session.Text("report-outcome"));
        // One script reads the row and the chart together: the page's polling may replace them between two reads.
        var read = ((IJavaScriptExecutor)session.Driver).ExecuteScript("""
            const row = document.querySelector('#uplinks tr.uplink');
            const chart = document.querySelector("figure.chart[data-device='cold-room-1']");
            return [row.textContent, row.querySelector('.f-cnt').textContent.trim(), chart.getAttribute('data-points'),
                chart.querySelector('polyline.rssi').getAttribute('points'), chart.querySelector('polyline.snr').getAttribute('points')];
            """);
        var values = ((IReadOnlyCollection<object>)read!).Select(v => (string)v).ToArray();
        Assert.Contains("cold-room-1", values[0], StringComparison.Ordinal);
        Assert.Equal("1", values[1]);
        Assert.Contains("temperature_c", values[0], StringComparison.Ordinal);
        Assert.Equal("1", values[2]);
        Assert.NotEmpty(values[3]);
        Assert.NotEmpty(values[4]);
    });

    [BrowserFact]
    public Task A_new_uplink_appears_without_a_reload() => PanelSession.RunAsync(browser, output, async session =>
    {
        var application = await Demo.ProvisionAsync(session);
        session.SignIn("acme-owner");
        var page = (IJavaScriptExecutor)session.Driver;
        page.ExecuteScript("window.sameDocument = true;");

        Assert.Null(await session.Sample.Fake!.SimulateUplinkAsync(application, "cold-room-2", "eu1", CancellationToken.None));

        session.Wait.Until(d => d.FindElements(By.CssSelector("#uplinks tr.uplink"))
            .Any(r => r.Text.Contains("cold-room-2", StringComparison.Ordinal)));
        Assert.Equal(true, page.ExecuteScript("return window.sameDocument === true;"));
        Assert.Single(session.Driver.FindElements(By.CssSelector("figure.chart[data-device='cold-room-2']")));
    });

    [BrowserFact]
    public Task Start_fresh_shows_the_new_application_id() => PanelSession.RunAsync(browser, output, async session =>
    {
        var old = await Demo.ProvisionAsync(session);
        session.SignIn("acme-owner");

        session.Submit("start-fresh");

        Assert.Equal("Succeeded", session.Text("report-outcome"));
        var shown = session.Text("application-id");
        Assert.NotEqual(old, shown);
        Assert.Contains($"New application id: {shown}", session.Text("report-lines"), StringComparison.Ordinal);
        Assert.Equal("Ready", session.Text("state"));
    });

    [BrowserFact]
    public Task Deep_clean_takes_the_typed_tenant_id_and_returns_the_tenant_to_idle() =>
        PanelSession.RunAsync(browser, output, async session =>
        {
            await Demo.ProvisionAsync(session);
            session.SignIn("acme-owner");
            session.Driver.FindElement(By.Id("deep-clean-confirmation")).SendKeys("acm");
            session.Submit("deep-clean");
            Assert.Equal("Refused", session.Text("report-outcome"));
            Assert.Equal("Ready", session.Text("state"));

            session.Driver.FindElement(By.Id("deep-clean-confirmation")).SendKeys(Demo.Tenant);
            session.Submit("deep-clean");

            Assert.Equal("Succeeded", session.Text("report-outcome"));
            Assert.Contains("Application", session.Text("report-lines"), StringComparison.Ordinal);
            Assert.Equal("Idle", session.Text("state"));
            Assert.Equal("-", session.Text("application-id"));
        });
}
