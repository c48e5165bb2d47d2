using System.Collections.ObjectModel;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Ttn.Provisioning.WebSample.Tests;

/// <summary>What holds on every page: no secret a role may not see, a label on every control, nothing from elsewhere.</summary>
public sealed class PageHygieneTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    /// <summary>What a signed-in user can be served: the panel, its live fragment, the JSON endpoints, and a forged reveal.</summary>
    private static readonly string[] Pages =
    [
        "/", "/?handler=Live", $"/ttn/tenants/{Demo.Tenant}/status", $"/ttn/tenants/{Demo.Tenant}/credentials",
        $"/ttn/tenants/{Demo.Tenant}/history",
    ];

    [BrowserFact]
    public Task No_page_served_to_a_viewer_or_a_manager_holds_a_secret_their_role_may_not_see() =>
        PanelSession.RunAsync(browser, output, async session =>
        {
            var application = await Demo.ProvisionAsync(session);
            await session.Sample.Fake!.SimulateUplinkAsync(application, "cold-room-1", "eu1", CancellationToken.None);
            var (organizationKey, applicationKey, webhookSecret) = await Demo.SecretsAsync(session);
            var adminKey = session.Sample.Fake.AdminKey;

            var viewer = Visit(session, "acme-viewer", reveal: () => Demo.ForgePost(session, "Reveal"));
            var manager = Visit(session, "acme-manager", reveal: () => session.Submit("reveal"));

            foreach (var secret in (string[])[organizationKey, applicationKey, webhookSecret, adminKey])
            {
                Assert.DoesNotContain(viewer, page => page.Contains(secret, StringComparison.Ordinal));
            }

            foreach (var secret in (string[])[organizationKey, adminKey])
            {
                Assert.DoesNotContain(manager, page => page.Contains(secret, StringComparison.Ordinal));
            }

            // The sentinel would notice: the manager was shown what the policy lets a manager see.
            Assert.Contains(manager, page => page.Contains(applicationKey, StringComparison.Ordinal));
        });

    [BrowserFact]
    public Task No_page_holds_an_app_key_typed_in_the_register_form_or_read_from_a_csv() =>
        PanelSession.RunAsync(browser, output, async session =>
        {
            await Demo.ProvisionAsync(session);
            var keys = Enumerable.Range(0, 7).Select(_ => Demo.NewAppKey()).ToList();
            await Demo.RegisterDeviceAsync(session, "0004A30B001C0B00", keys[0], "walk-in");
            session.SignIn("acme-owner");
            DeviceTests.RegisterThroughTheForm(session, "0004A30B001C0E01", keys[1], "Typed");
            DeviceTests.RegisterThroughTheForm(session, "0004A30B001C0B00", keys[2], "Conflicting");
            Assert.Contains("Conflict", session.Text("report-lines"), StringComparison.Ordinal);
            DeviceTests.Import(session, DeviceTests.SampleCsv(keys[3], keys[4], keys[5][..31]));
            session.Driver.FindElement(By.Id("import-dry-run")).Click();
            var dryRun = DeviceTests.SampleCsv(keys[6], keys[4], keys[3]).Replace("sensor-", "dry-", StringComparison.Ordinal);
            DeviceTests.Import(session, dryRun);
            session.Submit(By.CssSelector("#devices tr[data-device='walk-in'] button.diagnose"));
            session.Open("/?handler=Live");
            foreach (var user in (string[])["acme-manager", "acme-viewer"])
            {
                session.SignIn(user);
            }

            Assert.Contains(session.Sources, page => page.Contains("import-progress", StringComparison.Ordinal));
            var withDevices = session.Sources.Count(page => page.Contains("id=\"devices\"", StringComparison.Ordinal));
            Assert.True(withDevices >= 8, $"{withDevices} pages showed the devices");
            foreach (var key in keys.Select((k, i) => i == 5 ? k[..31] : k))
            {
                Assert.DoesNotContain(session.Sources, page => page.Contains(key, StringComparison.OrdinalIgnoreCase));
            }
        });

    [BrowserFact]
    public Task Every_control_on_every_page_has_a_label() => PanelSession.RunAsync(browser, output, async session =>
    {
        var application = await Demo.ProvisionAsync(session);
        await session.Sample.Fake!.SimulateUplinkAsync(application, "cold-room-1", "eu1", CancellationToken.None);
        session.Open("/SignIn");
        var unlabelled = Unlabelled(session).ToList();
        foreach (var user in (string[])["acme-owner", "acme-viewer"])
        {
            session.SignIn(user);
            unlabelled.AddRange(Unlabelled(session));
            session.Submit(user == "acme-owner" ? "reveal" : "sign-out");
            unlabelled.AddRange(Unlabelled(session));
        }

        Assert.Empty(unlabelled);
    });

    [BrowserFact]
    public Task No_page_refers_to_an_address_outside_the_sample() => PanelSession.RunAsync(browser, output, async session =>
    {
        var application = await Demo.ProvisionAsync(session);
        await session.Sample.Fake!.SimulateUplinkAsync(application, "cold-room-1", "eu1", CancellationToken.None);
        var foreign = new List<string>();
        session.Open("/SignIn");
        foreign.AddRange(Foreign(session));
        session.SignIn("acme-owner");
        foreign.AddRange(Foreign(session));
        session.Submit("simulate");

        foreign.AddRange(Foreign(session));

        Assert.Empty(foreign);
        Assert.DoesNotContain(session.Sources, page => page.Contains("@import", StringComparison.Ordinal)
            || page.Contains("url(", StringComparison.Ordinal));
    });

    [BrowserFact]
    public Task The_panel_fits_a_phone_screen_without_sideways_scrolling() => PanelSession.RunAsync(browser, output, async session =>
    {
        var application = await Demo.ProvisionAsync(session);
        await session.Sample.Fake!.SimulateUplinkAsync(application, "cold-room-1", "eu1", CancellationToken.None);
        var window = session.Driver.Manage().Window;
        var size = window.Size;
        try
        {
            window.Size = new System.Drawing.Size(390, 844);
            session.SignIn("acme-owner");

            var wider = Strings(session,
                """
                var width = document.documentElement.clientWidth;
                return Array.from(document.querySelectorAll('body *')).filter(function (e) {
                    return e.getBoundingClientRect().right > width + 1 && !e.closest('.scroll');
                }).map(function (e) { return e.tagName + '#' + e.id + '.' + e.className + ' ends at ' + e.getBoundingClientRect().right; });
                """).ToList();

            Assert.True(wider.Count == 0, "Wider than the phone: " + string.Join("; ", wider));
        }
        finally
        {
            window.Size = size;
        }
    });

    private static List<string> Visit(PanelSession session, string user, Action reveal)
    {
        session.SignIn(user);
        var first = session.Sources.Count - 1;
        foreach (var page in Pages)
        {
            session.Open(page);
        }

        session.Open("/");
        reveal();
        return [.. session.Sources.Skip(first)];
    }

    /// <summary>Visible form controls without a label (label for, wrapping label or aria-label), and buttons without a name.</summary>
    private static IEnumerable<string> Unlabelled(PanelSession session) => Strings(session,
        """
        return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea, button')).filter(function (e) {
            if (e.tagName === 'BUTTON') { return !(e.textContent.trim() || e.getAttribute('aria-label')); }
            return !(e.getAttribute('aria-label') || e.closest('label')
                || (e.id && document.querySelector('label[for="' + e.id + '"]')));
        }).map(function (e) { return location.pathname + location.search + ': ' + e.outerHTML; })
          .concat(Array.from(document.querySelectorAll('svg')).filter(function (s) {
            return s.getAttribute('role') !== 'img' || !s.querySelector('title');
        }).map(function (s) { return location.pathname + ': svg without role img and title'; }));
        """);

    /// <summary>Addresses in the page (links, forms, sources) and resources the browser loaded that are not the sample's own.</summary>
    private static IEnumerable<string> Foreign(PanelSession session) => Strings(session,
        """
        var own = location.origin, found = [];
        document.querySelectorAll('[href], [src], [action], [srcset], [poster], [data]').forEach(function (e) {
            ['href', 'src', 'action', 'srcset', 'poster', 'data'].forEach(function (name) {
                var value = e.getAttribute(name);
                if (value !== null && new URL(value, location.href).origin !== own) { found.push(name + '=' + value); }
            });
        });
        performance.getEntriesByType('resource').forEach(function (r) {
            if (new URL(r.name).origin !== own) { found.push('loaded ' + r.name); }
        });
        return found;
        """);

    private static IEnumerable<string> Strings(PanelSession session, string script) =>
        ((ReadOnlyCollection<object>)((IJavaScriptExecutor)session.Driver).ExecuteScript(script)!).Select(o => (string)o);
}
