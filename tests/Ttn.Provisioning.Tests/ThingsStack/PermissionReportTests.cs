using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Tests.ThingsStack;

public sealed class PermissionReportTests
{
    [Fact]
    public void Application_all_covers_every_application_right()
    {
        var report = PermissionReport.FromRights([ThingsStackRights.ApplicationAll]);

        Assert.True(report.Satisfies(ThingsStackRightsGroup.Webhook));
        Assert.True(report.Satisfies(ThingsStackRightsGroup.Devices));
        Assert.True(report.Satisfies(ThingsStackRightsGroup.Downlink));
        Assert.True(report.Has("APPLICATION_DEVICES_WRITE_KEYS"));
        Assert.False(report.Has(ThingsStackRights.OrganizationApplicationsCreate));
    }

    [Fact]
    public void Right_all_covers_every_group()
    {
        var report = PermissionReport.FromRights(["RIGHT_ALL"]);

        Assert.True(report.IsComplete);
        Assert.Empty(report.Missing);
    }

    [Fact]
    public void A_report_for_an_administrator_says_so_and_one_from_rights_alone_does_not()
    {
        Assert.True(PermissionReport.FromRights([ThingsStackRights.ApplicationAll], isAdmin: true).IsAdmin);
        Assert.False(PermissionReport.FromRights([ThingsStackRights.ApplicationAll]).IsAdmin);
    }

    [Fact]
    public void Application_link_implies_info_traffic_read_and_downlink_write()
    {
        var report = PermissionReport.FromRights([ThingsStackRights.ApplicationLink]);

        Assert.True(report.Satisfies(ThingsStackRightsGroup.Downlink));
        Assert.True(report.Has(ThingsStackRights.ApplicationInfo));
        Assert.False(report.Has(ThingsStackRights.ApplicationSettingsBasic));
    }

    [Fact]
    public void Missing_rights_are_reported_per_group()
    {
        var report = PermissionReport.FromRights([ThingsStackRights.ApplicationTrafficRead, ThingsStackRights.ApplicationSettingsBasic]);

        Assert.Equal([ThingsStackRights.ApplicationTrafficDownWrite], report.MissingFor(ThingsStackRightsGroup.Webhook));
        Assert.Equal([ThingsStackRights.ApplicationTrafficDownWrite], report.MissingFor(ThingsStackRightsGroup.Downlink));
        Assert.Contains(ThingsStackRights.ApplicationDevicesWrite, report.MissingFor(ThingsStackRightsGroup.Devices));
        Assert.False(report.IsComplete);
    }

    [Fact]
    public async Task An_auth_info_answer_builds_a_report_with_admin_flag_and_universal_rights()
    {
        using var host = new ThingsStackTestHost();
        host.Stub.Enqueue(System.Net.HttpStatusCode.OK, """
            {"api_key":{"api_key":{"id":"K","rights":["RIGHT_ORGANIZATION_ALL"]},"entity_ids":{"organization_ids":{"organization_id":"acme-org"}}},
             "universal_rights":{"rights":["RIGHT_APPLICATION_INFO"]},"is_admin":true}
            """);

        var report = PermissionReport.FromAuthInfo(await host.Client.GetAuthInfoAsync(ThingsStackTestHost.AdminKey));

        Assert.True(report.IsAdmin);
        Assert.True(report.Has(ThingsStackRights.OrganizationGatewaysCreate));
        Assert.True(report.Has(ThingsStackRights.ApplicationInfo));
    }
}
