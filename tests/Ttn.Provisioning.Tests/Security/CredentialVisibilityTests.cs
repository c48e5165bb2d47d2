using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Tests.Provisioning;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Security;

/// <summary>Issue 10, finding 3: a manager cannot read a key that mints keys, and keys minted outside the library are reported.</summary>
public sealed class CredentialVisibilityTests
{
    [Fact]
    public async Task A_manager_sees_the_application_key_and_webhook_secret_but_not_the_organization_key()
    {
        await using var host = new ProvisioningTestHost(o => o.CreateGatewayApiKey = true);
        await host.Service.ProvisionAsync(Owner());

        var credentials = (await host.Service.GetCredentialsAsync(As(TenantRole.Manager))).Credentials!;

        Assert.True(credentials.ApplicationApiKey.Secret.IsDecrypted);
        Assert.True(credentials.WebhookSecret.Secret.IsDecrypted);
        Assert.True(credentials.OrganizationApiKey.IsWithheld);
        Assert.Equal(SafeDecryptStatus.Empty, credentials.OrganizationApiKey.Secret.Status);
        Assert.NotNull(credentials.OrganizationApiKey.LastFour);
        Assert.True(credentials.GatewayApiKey.IsWithheld);
    }

    [Fact]
    public async Task An_owner_sees_every_key()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());

        var credentials = (await host.Service.GetCredentialsAsync(Owner())).Credentials!;

        Assert.True(credentials.OrganizationApiKey.Secret.IsDecrypted);
        Assert.False(credentials.OrganizationApiKey.IsWithheld);
    }

    [Fact]
    public async Task A_withheld_key_is_not_counted_as_read_in_the_audit()
    {
        var audit = new RecordingAuditSink();
        await using var host = new ProvisioningTestHost(services: s => s.AddSingleton<ICredentialAuditSink>(audit));
        await host.Service.ProvisionAsync(Owner());

        await host.Service.GetCredentialsAsync(As(TenantRole.Manager));

        var entry = Assert.Single(audit.Entries);
        Assert.DoesNotContain(nameof(TenantCredentials.OrganizationApiKey), entry.Fields);
        Assert.Contains(nameof(TenantCredentials.ApplicationApiKey), entry.Fields);
    }

    [Fact]
    public async Task The_host_may_let_managers_see_the_organization_key()
    {
        await using var host = new ProvisioningTestHost(
            services: s => s.Configure<RolePolicyOptions>(p => p.Reveal(SecretField.OrganizationApiKey, TenantRole.Owner, TenantRole.Manager)));
        await host.Service.ProvisionAsync(Owner());

        var credentials = (await host.Service.GetCredentialsAsync(As(TenantRole.Manager))).Credentials!;

        Assert.True(credentials.OrganizationApiKey.Secret.IsDecrypted);
    }

    [Fact]
    public async Task Keys_minted_with_the_organization_key_outside_the_library_are_reported_by_start_fresh()
    {
        await using var host = new ProvisioningTestHost();
        var first = await host.Service.ProvisionAsync(Owner());
        var minted = await MintOrganizationKeyAsync(host, first.OrganizationId!, "manager-made-key");

        var fresh = await host.Service.StartFreshAsync(Owner());

        var reported = Assert.Single(fresh.Cleanup.Resources, r => r.Id == minted);
        Assert.Equal(ResourceKind.OrganizationApiKey, reported.Kind);
        Assert.Equal(CleanupStatus.Skipped, reported.Status);
        Assert.Contains("manager-made-key", reported.Reason, StringComparison.Ordinal);
        Assert.Contains(host.Fake.ApiKeys, k => k.Id == minted);
    }

    [Fact]
    public async Task Keys_minted_outside_the_library_are_named_in_the_deep_clean_report()
    {
        await using var host = new ProvisioningTestHost();
        var first = await host.Service.ProvisionAsync(Owner());
        var minted = await MintOrganizationKeyAsync(host, first.OrganizationId!, "manager-made-key");

        var clean = await host.Service.DeepCleanAsync(Owner());

        var reported = Assert.Single(clean.Report.Resources, r => r.Id == minted);
        Assert.Equal(CleanupStatus.Deleted, reported.Status);
        Assert.Contains("manager-made-key", reported.Reason, StringComparison.Ordinal);
    }

    /// <summary>Mints an organization key with the tenant's own organization key, as someone who read it could.</summary>
    internal static async Task<string> MintOrganizationKeyAsync(ProvisioningTestHost host, string organizationId, string name)
    {
        var organizationKey = (await host.Service.GetCredentialsAsync(Owner())).Credentials!.OrganizationApiKey.Secret.Value!;
        using var http = new HttpClient(host.Fake.CreateHandler()) { BaseAddress = IdentityServer };
        http.DefaultRequestHeaders.Authorization = new("Bearer", organizationKey);
        var response = await http.PostAsJsonAsync(
            $"/api/v3/organizations/{organizationId}/api-keys", new { name, rights = new[] { "RIGHT_ORGANIZATION_INFO" } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
    }
}
