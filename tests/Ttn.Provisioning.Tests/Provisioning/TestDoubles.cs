using System.Net.Http.Json;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.Tests.Provisioning;

/// <summary>A credential store that counts writes and can "crash" (throw) on a chosen write, like a host that dies.</summary>
internal sealed class CrashingStore(ICredentialStore inner) : ICredentialStore
{
    private int _writes;

    public int Writes => Volatile.Read(ref _writes);

    public int Reads { get; private set; }

    /// <summary>When set, the first write whose record matches throws, and so does every write after it until <see cref="Recover"/>.</summary>
    public Func<TenantRecord, bool>? CrashWhen { get; set; }

    public bool Crashed { get; private set; }

    public void Recover()
    {
        CrashWhen = null;
        Crashed = false;
    }

    public Task<TenantRecord?> GetAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        Reads++;
        return inner.GetAsync(tenantId, cancellationToken);
    }

    public Task<TenantRecord?> TryWriteAsync(TenantRecord record, CancellationToken cancellationToken = default)
    {
        if (Crashed || (CrashWhen is { } crash && crash(record)))
        {
            Crashed = true;
            throw new IOException("Simulated crash: the host died before the store write.");
        }

        Interlocked.Increment(ref _writes);
        return inner.TryWriteAsync(record, cancellationToken);
    }

    public Task<IReadOnlyList<TenantRecord>> ListAsync(string? afterTenantId, int limit, CancellationToken cancellationToken = default) =>
        inner.ListAsync(afterTenantId, limit, cancellationToken);

    public Task<bool> DeleteAsync(string tenantId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _writes);
        return inner.DeleteAsync(tenantId, expectedVersion, cancellationToken);
    }

    /// <summary>History appends, counted apart from record writes (they are not part of any operation's state).</summary>
    public int HistoryAppends => Volatile.Read(ref _historyAppends);

    /// <summary>When set, every history append throws (the history table is unavailable).</summary>
    public bool FailHistory { get; set; }

    private int _historyAppends;

    public Task AppendHistoryAsync(TenantHistoryEntry entry, int maxEntries, CancellationToken cancellationToken = default)
    {
        if (FailHistory)
        {
            throw new IOException("Simulated failure: the history table is unavailable.");
        }

        Interlocked.Increment(ref _historyAppends);
        return inner.AppendHistoryAsync(entry, maxEntries, cancellationToken);
    }

    public Task<TenantHistoryPage> GetHistoryAsync(string tenantId, int limit, string? pageToken, CancellationToken cancellationToken = default) =>
        inner.GetHistoryAsync(tenantId, limit, pageToken, cancellationToken);
}

/// <summary>Another TTS account, acting directly on the fake (to take ids, or to bring an application).</summary>
internal sealed class OtherAccount : IDisposable
{
    private readonly HttpClient _http;

    public OtherAccount(FakeThingsStack fake, string userId = "someone-else")
    {
        UserId = userId;
        fake.AddUser(userId);
        Key = fake.CreateUserApiKey(userId, "RIGHT_ALL");
        _http = new HttpClient(fake.CreateHandler()) { BaseAddress = ProvisioningTestHost.IdentityServer };
        _http.DefaultRequestHeaders.Authorization = new("Bearer", Key);
    }

    public string UserId { get; }

    public string Key { get; }

    public async Task CreateOrganizationAsync(string organizationId) =>
        (await _http.PostAsJsonAsync($"/api/v3/users/{UserId}/organizations", new { organization = new { ids = new { organization_id = organizationId } } })).EnsureSuccessStatusCode();

    public async Task CreateApplicationAsync(string applicationId) =>
        (await _http.PostAsJsonAsync($"/api/v3/users/{UserId}/applications", new { application = new { ids = new { application_id = applicationId } } })).EnsureSuccessStatusCode();

    public async Task<string> CreateApplicationKeyAsync(string applicationId, params string[] rights)
    {
        var response = await _http.PostAsJsonAsync($"/api/v3/applications/{applicationId}/api-keys", new { name = "brought", rights });
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return body.GetProperty("key").GetString()!;
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>An audit sink that keeps every credential read.</summary>
internal sealed class RecordingAuditSink : ICredentialAuditSink
{
    public List<CredentialAccessAudit> Entries { get; } = [];

    public Task RecordAsync(CredentialAccessAudit audit, CancellationToken cancellationToken = default)
    {
        Entries.Add(audit);
        return Task.CompletedTask;
    }
}
