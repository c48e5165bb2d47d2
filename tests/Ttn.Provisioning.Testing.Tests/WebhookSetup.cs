namespace Ttn.Provisioning.Testing.Tests;

/// <summary>A TTN Cloud fake whose webhook deliveries go to a <see cref="WebhookReceiver"/>, with an application "acme-app".</summary>
internal static class WebhookSetup
{
    public const string DevEui = "70B3D57ED000ABCD";

    public static async Task<(FakeTts Tts, WebhookReceiver Receiver)> CreateAsync(Action<FakeThingsStackOptions>? configure = null)
    {
        var receiver = new WebhookReceiver();
        var tts = FakeTts.Cloud(o =>
        {
            o.WebhookDeliveryHandler = receiver.CreateHandler;
            configure?.Invoke(o);
        });
        await tts.CreateOrganizationAsync("acme");
        await tts.CreateApplicationAsync("acme", "acme-app");
        return (tts, receiver);
    }

    /// <summary>Sets a webhook on a cluster with the given JSON fields (besides format) and mask paths.</summary>
    public static async Task SetWebhookAsync(FakeTts tts, string cluster, string webhookId, string fields, string mask)
    {
        using var client = tts.Client(tts.AliceKey, FakeTts.ClusterHost(cluster), validate: true);
        var response = await client.PutAsync($"/api/v3/as/webhooks/acme-app/{webhookId}",
            FakeTts.Json($$"""{"webhook":{"format":"json",{{fields}}},"field_mask":"format,{{mask}}"}"""));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Registers sensor-1 in a cluster's Application Server with the EUIs (so the AS knows its identifiers).</summary>
    public static async Task SetApplicationServerDeviceAsync(FakeTts tts, string cluster)
    {
        using var client = tts.Client(tts.AliceKey, FakeTts.ClusterHost(cluster), validate: true);
        var response = await client.PutAsync("/api/v3/as/applications/acme-app/devices/sensor-1", FakeTts.Json($$"""
            {"end_device":{"ids":{"device_id":"sensor-1","dev_eui":"{{DevEui}}","join_eui":"0000000000000000"} },
             "field_mask":"ids.dev_eui,ids.join_eui"}
            """));
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Simulates an uplink of sensor-1 on a cluster with a key (default Alice's).</summary>
    public static async Task<HttpResponseMessage> SimulateAsync(FakeTts tts, string cluster, string? key = null, string? body = null)
    {
        using var client = tts.Client(key ?? tts.AliceKey, FakeTts.ClusterHost(cluster), validate: true);
        return await client.PostAsync("/api/v3/as/applications/acme-app/devices/sensor-1/up/simulate",
            FakeTts.Json(body ?? """{"uplink_message":{"f_port":2,"frm_payload":"AQI="}}"""));
    }
}
