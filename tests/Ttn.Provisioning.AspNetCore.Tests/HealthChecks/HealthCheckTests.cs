using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Ttn.Provisioning.AspNetCore.Tests.Endpoints;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.AspNetCore.Tests.HealthChecks;

/// <summary>AddHealthChecks().AddTtnProvisioning(): The Things Stack and the admin key (cached on fake time), and the store.</summary>
public sealed class HealthCheckTests
{
    [Fact]
    public async Task A_usable_admin_key_is_healthy_and_probes_within_the_cache_period_send_no_request()
    {
        await using var host = await WithHealthChecks(o => o.ThingsStackCacheDuration = TimeSpan.FromMinutes(1));

        var first = await CheckAsync(host);
        await CheckAsync(host);
        host.Time.Advance(TimeSpan.FromSeconds(59));
        await CheckAsync(host);
        var requestsWithinPeriod = AuthInfoRequests(host);
        host.Time.Advance(TimeSpan.FromSeconds(2));
        await CheckAsync(host);

        Assert.Equal(HealthStatus.Healthy, first.Status);
        Assert.Equal(HealthStatus.Healthy, first.Entries["ttn-things-stack"].Status);
        Assert.Contains("ops-admin", first.Entries["ttn-things-stack"].Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, first.Entries["ttn-credential-store"].Status);
        Assert.Equal(1, requestsWithinPeriod);
        Assert.Equal(2, AuthInfoRequests(host));
    }

    [Fact]
    public async Task A_key_without_the_rights_provisioning_needs_is_unhealthy_and_names_what_it_lacks()
    {
        await using var host = await WithHealthChecks(adminRights: ["RIGHT_USER_INFO"]);

        var report = await CheckAsync(host);

        var entry = report.Entries["ttn-things-stack"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("lacks rights provisioning needs", entry.Description, StringComparison.Ordinal);
        Assert.Contains("RIGHT_USER_ORGANIZATIONS_CREATE", entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(host.AdminKey.Split('.')[^1], entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_things_stack_that_fails_is_unhealthy_with_the_library_words_not_its_body()
    {
        await using var host = await WithHealthChecks(o => o.FailureStatus = HealthStatus.Degraded);
        host.Fake.Faults.Add(HttpMethod.Get, "auth_info", FakeFault.Status(503));

        var report = await CheckAsync(host);

        var entry = report.Entries["ttn-things-stack"];
        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Contains("HTTP 503", entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("fault injected by the test", entry.Description, StringComparison.Ordinal);
        Assert.Null(entry.Exception);
    }

    [Fact]
    public async Task A_store_that_cannot_be_read_is_unhealthy_by_exception_type_only()
    {
        await using var host = await WithHealthChecks(services: s => s.AddSingleton<ICredentialStore, BrokenStore>());

        var report = await CheckAsync(host);

        var entry = report.Entries["ttn-credential-store"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains(nameof(InvalidOperationException), entry.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("Password=", entry.Description, StringComparison.Ordinal);
        Assert.Contains(host.Logs.GetSnapshot(), r => r.Id.Id == 6202 && r.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task Both_checks_carry_the_configured_tags()
    {
        await using var host = await WithHealthChecks(o => o.Tags.Add("ready"));

        var report = await host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(r => r.Tags.Contains("ready") && r.Tags.Contains("ttn"));

        Assert.Equal(["ttn-credential-store", "ttn-things-stack"], report.Entries.Keys.Order());
    }

    private static Task<EndpointHost> WithHealthChecks(
        Action<AspNetCore.HealthChecks.TtnHealthCheckOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        string[]? adminRights = null) =>
        EndpointHost.StartAsync(
            services: s =>
            {
                s.AddHealthChecks().AddTtnProvisioning(configure);
                services?.Invoke(s);
            },
            adminRights: adminRights);

    private static Task<HealthReport> CheckAsync(EndpointHost host) =>
        host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

    private static int AuthInfoRequests(EndpointHost host) =>
        host.Fake.Journal.Entries.Count(e => e.Path.EndsWith("/auth_info", StringComparison.Ordinal));

    private sealed class BrokenStore : ICredentialStore
    {
        private static InvalidOperationException Down() => new("Server=db;Password=hunter2: connection refused");

        public Task<TenantRecord?> GetAsync(string tenantId, CancellationToken cancellationToken = default) => throw Down();

        public Task<TenantRecord?> TryWriteAsync(TenantRecord record, CancellationToken cancellationToken = default) => throw Down();

        public Task<IReadOnlyList<TenantRecord>> ListAsync(
            string? afterTenantId, int limit, CancellationToken cancellationToken = default) => throw Down();

        public Task<bool> DeleteAsync(string tenantId, long expectedVersion, CancellationToken cancellationToken = default) =>
            throw Down();

        public Task AppendHistoryAsync(TenantHistoryEntry entry, int maxEntries, CancellationToken cancellationToken = default) =>
            throw Down();

        public Task<TenantHistoryPage> GetHistoryAsync(
            string tenantId, int limit, string? pageToken, CancellationToken cancellationToken = default) => throw Down();
    }
}
