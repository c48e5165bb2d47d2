using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Ttn.Provisioning.WebSample.Tests;

/// <summary>A viewer reads the status, is offered no action, and is refused what it forges.</summary>
public sealed class ViewerTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public Task A_viewer_sees_the_status_and_no_action_buttons() => PanelSession.RunAsync(browser, output, async session =>
    {
        await Demo.ProvisionAsync(session);

        session.SignIn("acme-viewer");

        Assert.Equal("Ready", session.Text("state"));
        Assert.True(session.Has("no-actions"));
        var buttons = session.Driver.FindElements(By.TagName("button")).Select(b => b.Text).ToList();
        Assert.Equal(["Sign out"], buttons);
        Assert.DoesNotContain("Reveal", session.Driver.PageSource, StringComparison.Ordinal);
    });

    [BrowserFact]
    public Task A_forged_provision_from_a_viewer_is_refused_by_the_library_and_the_refusal_is_shown() =>
        PanelSession.RunAsync(browser, output, session =>
        {
            session.SignIn("acme-viewer");

            Demo.ForgePost(session, "Provision");

            Assert.Equal("Denied", session.Text("report-outcome"));
            Assert.Contains("Viewer may not perform Provision", session.Text("report-message"), StringComparison.Ordinal);
            Assert.Equal("Idle", session.Text("state"));
            Assert.Empty(session.Sample.Fake!.Stack.Journal.Entries);
            return Task.CompletedTask;
        });

    [BrowserFact]
    public Task A_post_without_the_antiforgery_token_is_refused_before_the_library_is_asked() =>
        PanelSession.RunAsync(browser, output, session =>
        {
            session.SignIn("acme-owner");

            Demo.ForgePost(session, "Provision", withToken: false);

            Assert.False(session.Has("report"));
            Assert.Empty(session.Sample.Fake!.Stack.Organizations);
            return Task.CompletedTask;
        });
}
