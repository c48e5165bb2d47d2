using System.Net.Http.Json;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.Tests.Provisioning;

namespace Ttn.Provisioning.Tests.Devices;

/// <summary>Requests sent straight to the fake with a key (another account, or the admin), to set a scene.</summary>
internal sealed class FakeDirect : IDisposable
{
    private readonly HttpClient _http;

    public FakeDirect(FakeThingsStack fake, string key)
    {
        _http = new HttpClient(fake.CreateHandler()) { BaseAddress = ProvisioningTestHost.IdentityServer };
        _http.DefaultRequestHeaders.Authorization = new("Bearer", key);
    }

    /// <summary>Creates a device's Identity Server entry only.</summary>
    public Task CreateIdentityServerDeviceAsync(string applicationId, string deviceId, string devEui, string joinEui) => SendAsync(
        HttpMethod.Post,
        $"/api/v3/applications/{applicationId}/devices",
        new { end_device = new { ids = new { device_id = deviceId, dev_eui = devEui, join_eui = joinEui } } });

    /// <summary>Writes a device to a Join Server with its EUIs and an AppKey.</summary>
    public Task SetJoinServerDeviceAsync(string applicationId, string deviceId, string devEui, string joinEui, string appKey) =>
        SendAsync(
            HttpMethod.Put,
            $"/api/v3/js/applications/{applicationId}/devices/{deviceId}",
            new
            {
                end_device = new
                {
                    ids = new { device_id = deviceId, dev_eui = devEui, join_eui = joinEui },
                    root_keys = new { app_key = new { key = appKey } },
                },
                field_mask = "ids.dev_eui,ids.join_eui,root_keys.app_key.key",
            });

    /// <summary>Deletes a device from one registry (<c>js</c>, <c>ns</c>, <c>as</c>, or empty for the Identity Server).</summary>
    public Task DeleteDeviceAsync(string prefix, string applicationId, string deviceId)
    {
        var server = prefix.Length == 0 ? "" : "/" + prefix;
        return SendAsync(HttpMethod.Delete, $"/api/v3{server}/applications/{applicationId}/devices/{deviceId}", null);
    }

    /// <summary>Creates a gateway under a user.</summary>
    public Task CreateUserGatewayAsync(string userId, string gatewayId, string eui) => SendAsync(
        HttpMethod.Post,
        $"/api/v3/users/{userId}/gateways",
        new { gateway = new { ids = new { gateway_id = gatewayId, eui }, frequency_plan_ids = new[] { "EU_863_870_TTN" } } });

    public void Dispose() => _http.Dispose();

    private async Task SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await _http.SendAsync(request);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {answer}");
    }
}
