using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;

namespace Ttn.Provisioning.WebSample.Tests;

/// <summary>What several tests set up: the demo tenant's callers, provisioning without the browser, and forged forms.</summary>
internal static class Demo
{
    public const string Tenant = "acme";

    public static ProvisioningCaller Owner { get; } = new(Tenant, "acme-owner", TenantRole.Owner);

    /// <summary>Provisions the demo tenant server-side, as an owner elsewhere would have done; returns its application id.</summary>
    public static async Task<string> ProvisionAsync(PanelSession session)
    {
        var result = await session.Service.ProvisionAsync(Owner);
        Assert.True(result.IsReady, result.ToString());
        return result.ApplicationId!;
    }

    public const string JoinEui = "70B3D57ED0000000";

    /// <summary>A fresh AppKey (32 hex digits) no page may ever show.</summary>
    public static string NewAppKey() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    /// <summary>Registers a device server-side as the owner, as if registered earlier; returns its id.</summary>
    public static async Task<string> RegisterDeviceAsync(PanelSession session, string devEui, string appKey, string? id = null)
    {
        var devices = session.Sample.App.Services.GetRequiredService<IDeviceService>();
        var result = await devices.RegisterDeviceAsync(Owner, new EndDeviceDefinition
        {
            DeviceId = id,
            DevEui = devEui,
            JoinEui = JoinEui,
            AppKey = appKey,
            FrequencyPlanId = "EU_863_870_TTN",
            LorawanVersion = "MAC_V1_0_3",
            LorawanPhyVersion = "RP001_V1_0_3_REV_A",
        });
        Assert.True(result.Outcome == ProvisioningOutcome.Succeeded, result.ToString());
        return result.DeviceId!;
    }

    /// <summary>The tenant's secrets in plain text, read server-side as its owner.</summary>
    public static async Task<(string OrganizationKey, string ApplicationKey, string WebhookSecret)> SecretsAsync(PanelSession session)
    {
        var credentials = (await session.Service.GetCredentialsAsync(Owner)).Credentials!;
        return (credentials.OrganizationApiKey.Secret.Value!, credentials.ApplicationApiKey.Secret.Value!,
            credentials.WebhookSecret.Secret.Value!);
    }

    /// <summary>
    /// Posts a form the page did not offer, as a forger with the user's own session would: to a page handler, with the
    /// antiforgery token copied from a form the page does have (sign out) unless <paramref name="withToken"/> is false.
    /// </summary>
    public static void ForgePost(PanelSession session, string handler, bool withToken = true)
    {
        var page = session.Driver.FindElement(By.TagName("html"));
        ((IJavaScriptExecutor)session.Driver).ExecuteScript(
            """
            var form = document.createElement('form');
            form.method = 'post';
            form.action = '/?handler=' + arguments[0];
            if (arguments[1]) {
                var token = document.querySelector('input[name=__RequestVerificationToken]').cloneNode();
                form.appendChild(token);
            }
            document.body.appendChild(form);
            form.submit();
            """,
            handler, withToken);
        session.WaitForNewPage(page);
    }
}
