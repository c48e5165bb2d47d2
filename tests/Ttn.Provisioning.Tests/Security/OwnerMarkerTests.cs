using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.Tests.Provisioning;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Security;

/// <summary>
/// Issue 10, finding 1: an organization or application someone else pre-created under the predictable id is never
/// adopted, whatever marker it carries; our own, left by an interrupted run, still is.
/// </summary>
public sealed class OwnerMarkerTests
{
    private const string Mallory = "mallory";

    [Fact]
    public async Task An_organization_pre_created_by_another_user_with_the_unkeyed_marker_and_the_admin_as_member_is_not_adopted()
    {
        await using var host = new ProvisioningTestHost();
        using var mallory = await PreCreateOrganizationAsync(host, "tp-acme", UnkeyedMarker(host, "acme"));

        var result = await host.Service.ProvisionAsync(Owner());

        Assert.True(result.IsReady, result.Error?.Message);
        Assert.NotEqual("tp-acme", result.OrganizationId);
        Assert.DoesNotContain(host.Fake.ApiKeys, k => k.EntityId == "tp-acme");
    }

    [Fact]
    public async Task An_organization_with_our_marker_but_a_stranger_among_its_members_is_not_adopted()
    {
        await using var host = new ProvisioningTestHost();
        using var mallory = await PreCreateOrganizationAsync(host, "tp-acme", Conventions(host).OwnerAttributes("acme")[TenantConventions.OwnerAttribute]);

        var result = await host.Service.ProvisionAsync(Owner());

        Assert.True(result.IsReady, result.Error?.Message);
        Assert.NotEqual("tp-acme", result.OrganizationId);
    }

    [Fact]
    public async Task Our_own_organization_left_by_an_interrupted_run_is_adopted()
    {
        await using var host = new ProvisioningTestHost();
        using var admin = new HttpClient(host.Fake.CreateHandler()) { BaseAddress = IdentityServer };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", host.AdminKey);
        var ours = new { organization = new { ids = new { organization_id = "tp-acme" }, attributes = Conventions(host).OwnerAttributes("acme") } };
        (await admin.PostAsync($"/api/v3/users/{AdminUser}/organizations", JsonContent.Create(ours))).EnsureSuccessStatusCode();

        var result = await host.Service.ProvisionAsync(Owner());

        Assert.True(result.IsReady, result.Error?.Message);
        Assert.Equal("tp-acme", result.OrganizationId);
    }

    [Fact]
    public void A_marker_made_under_a_rotated_out_primary_key_still_verifies_while_that_key_is_in_the_ring()
    {
        var before = Options(("k1", Key1));
        var marker = new TenantConventions(before).OwnerAttributes("acme");
        var rotated = Options(("k1", Key1), ("k2", Key2));
        rotated.Secrets.PrimaryKeyId = "k2";

        Assert.True(new TenantConventions(rotated).CarriesOwnerMarker(marker, "acme"));
        Assert.False(new TenantConventions(Options(("k2", Key2))).CarriesOwnerMarker(marker, "acme"));
    }

    [Fact]
    public void A_marker_belongs_to_one_tenant_and_one_deployment()
    {
        var options = Options(("k1", Key1));
        var marker = new TenantConventions(options).OwnerAttributes("acme");
        var staging = Options(("k1", Key1));
        staging.WebhookBaseUrl = new Uri("https://staging.example.com/ttn/webhook");

        Assert.False(new TenantConventions(options).CarriesOwnerMarker(marker, "globex"));
        Assert.False(new TenantConventions(staging).CarriesOwnerMarker(marker, "acme"));
    }

    [Fact]
    public void The_marker_names_its_key_and_does_not_contain_the_unkeyed_hash()
    {
        var options = Options(("k1", Key1));

        var marker = new TenantConventions(options).OwnerAttributes("acme")[TenantConventions.OwnerAttribute];

        Assert.StartsWith("v1.k1.", marker, StringComparison.Ordinal);
        Assert.DoesNotContain(Unkeyed(options, "acme"), marker, StringComparison.Ordinal);
    }

    private static readonly string Key1 = SecretProtectionOptions.GenerateKey();
    private static readonly string Key2 = SecretProtectionOptions.GenerateKey();

    private static TtnProvisioningOptions Options(params (string Id, string Key)[] keys)
    {
        var options = new TtnProvisioningOptions { WebhookBaseUrl = WebhookBase };
        foreach (var (id, key) in keys)
        {
            options.Secrets.Keys.Add(new SecretKeyOptions { Id = id, Key = key });
        }

        options.Secrets.PrimaryKeyId = keys[0].Id;
        return options;
    }

    private static TenantConventions Conventions(ProvisioningTestHost host) =>
        new(host.Services.GetRequiredService<IOptions<TtnProvisioningOptions>>().Value);

    /// <summary>The first release's marker: a plain hash anyone can compute from public facts.</summary>
    private static string UnkeyedMarker(ProvisioningTestHost host, string tenantId) =>
        Unkeyed(host.Services.GetRequiredService<IOptions<TtnProvisioningOptions>>().Value, tenantId);

    private static string Unkeyed(TtnProvisioningOptions options, string tenantId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{options.IdPrefix}\n{options.WebhookBaseUrl?.AbsoluteUri}\n{tenantId}")))[..32];

    /// <summary>Another user of the same Things Stack creates the organization and makes the admin a member.</summary>
    private static async Task<HttpClient> PreCreateOrganizationAsync(ProvisioningTestHost host, string organizationId, string marker)
    {
        host.Fake.AddUser(Mallory);
        var client = new HttpClient(host.Fake.CreateHandler()) { BaseAddress = IdentityServer };
        client.DefaultRequestHeaders.Authorization = new("Bearer", host.Fake.CreateUserApiKey(Mallory, "RIGHT_ALL"));
        var organization = new
        {
            organization = new
            {
                ids = new { organization_id = organizationId },
                attributes = new Dictionary<string, string> { [TenantConventions.OwnerAttribute] = marker },
            },
        };
        (await client.PostAsync($"/api/v3/users/{Mallory}/organizations", JsonContent.Create(organization))).EnsureSuccessStatusCode();
        var member = new { collaborator = new { ids = new { user_ids = new { user_id = AdminUser } }, rights = new[] { "RIGHT_ALL" } } };
        (await client.PutAsync($"/api/v3/organizations/{organizationId}/collaborators", JsonContent.Create(member))).EnsureSuccessStatusCode();
        return client;
    }
}
