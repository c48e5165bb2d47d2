using OpenQA.Selenium;
using Ttn.Provisioning.WebSample.Pages;
using Xunit.Abstractions;

namespace Ttn.Provisioning.WebSample.Tests;

/// <summary>Devices and gateways of a Ready tenant through the panel: register, import, diagnose, and what a viewer is offered.</summary>
public sealed class DeviceTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public Task An_owner_registers_a_device_and_sees_it_listed() => PanelSession.RunAsync(browser, output, async session =>
    {
        await Demo.ProvisionAsync(session);
        session.SignIn("acme-owner");
        Assert.True(session.Has("no-devices"));

        RegisterThroughTheForm(session, "0004A30B001C0A01", Demo.NewAppKey(), "Cold room 1");

        Assert.Equal("Succeeded", session.Text("report-outcome"));
        var row = session.Driver.FindElement(By.CssSelector("#devices tr[data-device='eui-0004a30b001c0a01']"));
        Assert.Contains("0004A30B001C0A01", row.Text, StringComparison.Ordinal);
        Assert.Contains("Cold room 1", row.Text, StringComparison.Ordinal);
        Assert.Empty(session.Driver.FindElement(By.Id("app-key")).GetAttribute("value")!);
    });

    [BrowserFact]
    public Task An_owner_imports_a_csv_and_sees_a_result_per_row_and_the_progress_bar_at_its_end() =>
        PanelSession.RunAsync(browser, output, async session =>
        {
            await Demo.ProvisionAsync(session);
            await Demo.RegisterDeviceAsync(session, "0004A30B001C0B00", Demo.NewAppKey(), "walk-in");
            session.SignIn("acme-owner");

            Import(session, SampleCsv(Demo.NewAppKey(), Demo.NewAppKey(), Demo.NewAppKey()[..31]));

            var rows = session.Driver.FindElements(By.CssSelector("#import-rows tr.import-row"))
                .Select(r => (r.GetAttribute("data-row"), r.GetAttribute("data-outcome"))).ToList();
            Assert.Equal([("1", "registered"), ("2", "conflict"), ("3", "invalid")], rows);
            var conflict = session.Driver.FindElement(By.CssSelector("#import-rows tr[data-row='2']")).Text;
            Assert.Contains("walk-in", conflict, StringComparison.Ordinal);
            var progress = session.Driver.FindElement(By.Id("import-progress"));
            Assert.Equal("3", progress.GetAttribute("value"));
            Assert.Equal("3", progress.GetAttribute("max"));
            Assert.Single(session.Driver.FindElements(By.CssSelector("#devices tr[data-device='sensor-1']")));
        });

    [BrowserFact]
    public Task A_dry_run_checks_the_rows_and_registers_nothing() => PanelSession.RunAsync(browser, output, async session =>
    {
        await Demo.ProvisionAsync(session);
        session.SignIn("acme-owner");
        session.Driver.FindElement(By.Id("import-dry-run")).Click();

        Import(session, SampleCsv(Demo.NewAppKey(), Demo.NewAppKey(), Demo.NewAppKey()));

        var outcomes = session.Driver.FindElements(By.CssSelector("#import-rows tr.import-row"))
            .Select(r => r.GetAttribute("data-outcome"));
        Assert.All(outcomes, o => Assert.Equal("valid (dry run: not sent)", o));
        Assert.Equal("3", session.Driver.FindElement(By.Id("import-progress")).GetAttribute("value"));
        Assert.True(session.Has("no-devices"));
    });

    [BrowserFact]
    public Task An_owner_diagnoses_a_device_held_by_all_four_registries_and_removes_it() =>
        PanelSession.RunAsync(browser, output, async session =>
        {
            await Demo.ProvisionAsync(session);
            var id = await Demo.RegisterDeviceAsync(session, "0004A30B001C0C01", Demo.NewAppKey());
            session.SignIn("acme-owner");

            session.Submit(By.CssSelector($"#devices tr[data-device='{id}'] button.diagnose"));

            var held = session.Driver.FindElements(By.CssSelector("#diagnosis li")).Select(l => l.GetAttribute("data-held")).ToList();
            Assert.Equal(["holds it", "holds it", "holds it", "holds it"], held);
            session.Submit(By.CssSelector($"#devices tr[data-device='{id}'] button.remove-device"));
            Assert.Equal("Succeeded", session.Text("report-outcome"));
            Assert.True(session.Has("no-devices"));
        });

    [BrowserFact]
    public Task A_viewer_sees_the_devices_but_no_register_import_or_remove_controls() =>
        PanelSession.RunAsync(browser, output, async session =>
        {
            await Demo.ProvisionAsync(session);
            var id = await Demo.RegisterDeviceAsync(session, "0004A30B001C0D01", Demo.NewAppKey());

            session.SignIn("acme-viewer");

            Assert.Single(session.Driver.FindElements(By.CssSelector($"#devices tr[data-device='{id}']")));
            foreach (var control in (string[])["#register-device", "#import-devices", ".remove-device", "#register-gateway", ".remove-gateway", "#app-key"])
            {
                Assert.Empty(session.Driver.FindElements(By.CssSelector(control)));
            }

            Assert.True(session.Has("no-gateways"));
        });

    [BrowserFact]
    public Task An_owner_registers_a_gateway_that_has_never_connected() => PanelSession.RunAsync(browser, output, async session =>
    {
        await Demo.ProvisionAsync(session);
        session.SignIn("acme-owner");
        session.Driver.FindElement(By.Id("gateway-eui")).SendKeys("00800000A0000001");

        session.Submit("register-gateway");

        Assert.Equal("Succeeded", session.Text("report-outcome"));
        var row = session.Driver.FindElement(By.CssSelector("#gateways tr[data-gateway='eui-00800000a0000001']"));
        Assert.Equal("never connected", row.GetAttribute("data-status"));
    });

    [BrowserFact]
    public Task An_owner_removes_a_gateway_and_it_leaves_the_list() => PanelSession.RunAsync(browser, output, async session =>
    {
        await Demo.ProvisionAsync(session);
        session.SignIn("acme-owner");
        session.Driver.FindElement(By.Id("gateway-eui")).SendKeys("00800000A0000002");
        session.Submit("register-gateway");

        session.Submit(By.CssSelector("#gateways tr[data-gateway='eui-00800000a0000002'] .remove-gateway"));

        Assert.Equal("Succeeded", session.Text("report-outcome"));
        Assert.True(session.Has("no-gateways"));
    });

    [BrowserFact]
    public Task Devices_beyond_a_page_are_a_click_away() => PanelSession.RunAsync(browser, output, async session =>
    {
        await Demo.ProvisionAsync(session);
        for (var i = 0; i <= IndexModel.DevicesPerPage; i++)
        {
            await Demo.RegisterDeviceAsync(session, $"0004A30B001D{i:X4}", Demo.NewAppKey());
        }

        session.SignIn("acme-viewer");
        var first = session.Driver.FindElements(By.CssSelector("#devices tr.device")).Count;
        var firstPage = session.Text("device-page");
        session.Submit(By.Id("devices-next"));

        Assert.Equal((IndexModel.DevicesPerPage, "Page 1 of 2"), (first, firstPage));
        Assert.Equal((1, "Page 2 of 2"), (session.Driver.FindElements(By.CssSelector("#devices tr.device")).Count, session.Text("device-page")));
        Assert.True(session.Has("devices-previous"));
        Assert.False(session.Has("devices-next"));
    });

    /// <summary>Fills the register form and submits it.</summary>
    internal static void RegisterThroughTheForm(PanelSession session, string devEui, string appKey, string name)
    {
        session.Driver.FindElement(By.Id("dev-eui")).SendKeys(devEui);
        session.Driver.FindElement(By.Id("join-eui")).SendKeys(Demo.JoinEui);
        session.Driver.FindElement(By.Id("app-key")).SendKeys(appKey);
        session.Driver.FindElement(By.Id("device-name")).SendKeys(name);
        session.Submit("register-device");
    }

    /// <summary>
    /// Three rows: a new device, one reusing the EUIs of the device registered as <c>walk-in</c> (DevEUI 0004A30B001C0B00),
    /// and one whose AppKey is given as <paramref name="thirdKey"/>.
    /// </summary>
    internal static string SampleCsv(string firstKey, string secondKey, string thirdKey) =>
        $"""
        id;dev_eui;join_eui;app_key;name
        sensor-1;0004A30B001C0B01;{Demo.JoinEui};{firstKey};Sensor 1
        sensor-2;0004A30B001C0B00;{Demo.JoinEui};{secondKey};Sensor 2
        sensor-3;0004A30B001C0B03;{Demo.JoinEui};{thirdKey};Sensor 3

        """;

    /// <summary>Uploads a CSV file through the import form (with the dry-run box as it is) and waits for the result.</summary>
    internal static void Import(PanelSession session, string csv)
    {
        var path = Path.Combine(Path.GetTempPath(), $"web-sample-import-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv);
        try
        {
            session.Driver.FindElement(By.Id("import-file")).SendKeys(path);
            session.Submit("import-devices");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
