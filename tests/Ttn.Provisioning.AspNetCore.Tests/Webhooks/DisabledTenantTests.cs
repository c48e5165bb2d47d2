using System.Net;

namespace Ttn.Provisioning.AspNetCore.Tests.Webhooks;

/// <summary>A disabled tenant's deliveries (issue 11): authentic, but dropped before the body is read; enabled again, handled.</summary>
public sealed class DisabledTenantTests
{
    [Fact]
    public async Task A_disabled_tenants_delivery_is_dropped_with_204_and_once_enabled_it_is_handled_again()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (secret, application) = await host.ProvisionAsync();
        var body = WebhookTestHost.BodyFor("uplink.json", application);

        await host.Service.UpdateSettingsAsync(WebhookTestHost.Owner(), new TenantSettingsUpdate { Enabled = false });
        using var whileDisabled = await host.PostAsync("acme", body, secret);
        using var withAnotherSecret = await host.PostAsync("acme", body, "not-the-secret");
        await host.Service.UpdateSettingsAsync(WebhookTestHost.Owner(), new TenantSettingsUpdate { Enabled = true });
        using var enabledAgain = await host.PostAsync("acme", body, secret);

        Assert.Equal(HttpStatusCode.NoContent, whileDisabled.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withAnotherSecret.StatusCode);
        Assert.Equal(HttpStatusCode.OK, enabledAgain.StatusCode);
        Assert.Equal("acme", Assert.Single(host.Handled.All).TenantId);
    }
}
