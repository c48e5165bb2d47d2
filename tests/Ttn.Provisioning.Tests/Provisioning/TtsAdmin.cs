using System.Net.Http.Json;
using System.Text;

namespace Ttn.Provisioning.Tests.Provisioning;

/// <summary>The admin, acting on the fake directly (to change what a tenant has on TTS behind the library's back).</summary>
internal sealed class TtsAdmin : IDisposable
{
    private readonly HttpClient _http;

    /// <param name="host">The test host.</param>
    /// <param name="baseAddress">The host to talk to (the Identity Server or a cluster); the Identity Server by default.</param>
    public TtsAdmin(ProvisioningTestHost host, Uri? baseAddress = null)
    {
        _http = new HttpClient(host.Fake.CreateHandler()) { BaseAddress = baseAddress ?? ProvisioningTestHost.IdentityServer };
        _http.DefaultRequestHeaders.Authorization = new("Bearer", host.AdminKey);
    }

    public async Task DeleteAsync(string path) => (await _http.DeleteAsync(new Uri("/api/v3/" + path, UriKind.Relative))).EnsureSuccessStatusCode();

    public async Task PutAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        (await _http.PutAsync(new Uri("/api/v3/" + path, UriKind.Relative), content)).EnsureSuccessStatusCode();
    }

    /// <summary>Creates an API key and returns its token (<c>NNSXS.…</c>).</summary>
    public async Task<string> CreateApplicationKeyAsync(string applicationId, params string[] rights)
    {
        var response = await _http.PostAsJsonAsync($"/api/v3/applications/{applicationId}/api-keys", new { name = "narrow", rights });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("key").GetString()!;
    }

    public void Dispose() => _http.Dispose();
}
