using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ttn.Provisioning.AspNetCore.Messages;

namespace Ttn.Provisioning.AspNetCore.Tests.Webhooks;

/// <summary>
/// The Things Stack (the fake) posts real webhook requests, to the URL and with the secret header the library registered,
/// into the host (its TestServer): the host verifies, parses and dispatches them.
/// </summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task A_simulated_uplink_travels_from_the_things_stack_to_the_handler_typed()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (_, application) = await host.ProvisionAsync();
        // The organization key holds every application right, simulating uplinks (TRAFFIC_UP_WRITE) included.
        var key = (await host.Service.GetCredentialsAsync(WebhookTestHost.Owner())).Credentials!.OrganizationApiKey.Secret.Value!;
        using var tts = new HttpClient(host.World.Fake.CreateHandler()) { BaseAddress = new Uri("https://nam1.cloud.thethings.network") };
        tts.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        using var simulate = await tts.PostAsync(
            $"/api/v3/as/applications/{application}/devices/cold-room-3/up/simulate",
            new StringContent("""{"uplink_message":{"f_port":7,"frm_payload":"AQI="}}""", null, "application/json"));

        simulate.EnsureSuccessStatusCode();
        var delivery = Assert.Single(host.World.Fake.Deliveries);
        Assert.True(delivery.Succeeded, delivery.ToString());
        Assert.Equal($"https://saas.example.com{WebhookTestHost.Prefix}/acme", delivery.Url);
        var handled = Assert.Single(host.Handled.All);
        var uplink = Assert.IsType<UplinkMessage>(handled.Message);
        Assert.Equal("acme", handled.TenantId);
        Assert.True(uplink.Simulated);
        Assert.Equal(7, uplink.FPort);
        Assert.Equal(new byte[] { 1, 2 }, uplink.FrmPayload.ToArray());
        Assert.Equal("cold-room-3", uplink.EndDevice.DeviceId);
        Assert.NotEmpty(uplink.CorrelationIds);
    }

    [Fact]
    public async Task A_join_accept_delivered_by_the_things_stack_reaches_the_handler()
    {
        await using var host = await WebhookTestHost.StartAsync();
        var (_, application) = await host.ProvisionAsync();

        var deliveries = await host.World.Fake.DeliverAsync(application, "dev-1", new JsonObject
        {
            ["join_accept"] = new JsonObject { ["session_key_id"] = "AQI=" },
        });

        Assert.True(Assert.Single(deliveries).Succeeded);
        Assert.IsType<JoinAcceptMessage>(Assert.Single(host.Handled.All).Message);
    }

    [Fact]
    public async Task After_a_rotation_the_things_stack_sends_the_new_secret_and_the_host_accepts_it()
    {
        await using var host = await WebhookTestHost.StartAsync(provisioning: o => o.WebhookSecretGracePeriod = TimeSpan.Zero);
        var (old, application) = await host.ProvisionAsync();
        var uplink = new JsonObject { ["uplink_message"] = new JsonObject { ["f_port"] = 1 } };
        Assert.True(Assert.Single(await host.World.Fake.DeliverAsync(application, "dev-1", uplink)).Succeeded);

        await host.Service.RotateWebhookSecretAsync(WebhookTestHost.Owner());
        var delivery = Assert.Single(await host.World.Fake.DeliverAsync(application, "dev-1", uplink));

        Assert.True(delivery.Succeeded, delivery.ToString());
        Assert.NotEqual(old, delivery.Headers["X-Webhook-Secret"]);
        Assert.Equal(2, host.Handled.Count);
    }
}
