using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Ttn.Provisioning.WebSample.Tests;

/// <summary>Clusters, settings, the connection test and the history through the panel.</summary>
public sealed class TenantSettingsTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public Task Staff_tests_the_connection_and_the_status_shows_each_check() => PanelSession.RunAsync(browser, output, async session =>
    {
        await Demo.ProvisionAsync(session);
        session.SignIn("acme-staff");
        var buttons = session.Driver.FindElements(By.TagName("button")).Select(b => b.Text).ToList();

        session.Submit("test-connection");

        Assert.Equal(["Sign out", "Test connection"], buttons.Order(StringComparer.Ordinal));
        Assert.Equal("Succeeded", session.Text("report-outcome"));
        Assert.StartsWith("passed", session.Text("connection-test-verdict"), StringComparison.Ordinal);
        var checks = session.Driver.FindElements(By.CssSelector("#connection-checks li"));
        Assert.True(checks.Count >= 4, $"{checks.Count} checks shown");
        Assert.All(checks, c => Assert.Contains("passed", c.Text, StringComparison.Ordinal));
    });

    [BrowserFact]
    public Task An_owner_disables_the_tenant_and_its_webhook_is_paused_on_the_things_stack() =>
        PanelSession.RunAsync(browser, output, async session =>
        {
            await Demo.ProvisionAsync(session);
            session.SignIn("acme-owner");
            session.Driver.FindElement(By.Id("settings-enabled")).Click();

            session.Submit("save-settings");

            Assert.Equal("Succeeded", session.Text("report-outcome"));
            Assert.StartsWith("no", session.Text("enabled"), StringComparison.Ordinal);
            Assert.True(Assert.Single(session.Sample.Fake!.Stack.Webhooks).Paused);
        });

    [BrowserFact]
    public Task A_new_tenant_is_provisioned_on_the_cluster_chosen_and_start_fresh_moves_it() =>
        PanelSession.RunAsync(browser, output, session =>
        {
            session.SignIn("acme-owner");
            session.Driver.FindElement(By.CssSelector("#provision-cluster option[value='au1']")).Click();
            session.Submit("provision");
            Assert.Equal("au1", session.Text("cluster"));

            session.Driver.FindElement(By.CssSelector("#start-fresh-cluster option[value='nam1']")).Click();
            session.Submit("start-fresh");

            Assert.Equal("nam1", session.Text("cluster"));
            Assert.Equal("Ready", session.Text("state"));
            Assert.Contains("Moved from cluster au1 to nam1", session.Text("report-lines"), StringComparison.Ordinal);
            Assert.Equal("nam1", Assert.Single(session.Sample.Fake!.Stack.Webhooks).Cluster);
            return Task.CompletedTask;
        });

    [BrowserFact]
    public Task A_credential_view_is_in_the_history_a_manager_reads_and_a_viewer_is_not_shown() =>
        PanelSession.RunAsync(browser, output, async session =>
        {
            await Demo.ProvisionAsync(session);
            session.SignIn("acme-owner");
            session.Submit("reveal");

            session.SignIn("acme-manager");

            var entry = session.Driver.FindElement(By.CssSelector("#history tr[data-operation=GetCredentials]"));
            Assert.Contains("acme-owner (owner)", entry.Text, StringComparison.Ordinal);
            session.SignIn("acme-viewer");
            Assert.False(session.Has("history"));
        });
}
