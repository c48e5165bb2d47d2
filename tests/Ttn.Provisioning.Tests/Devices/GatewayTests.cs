using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Gateways;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Testing;
using Ttn.Provisioning.Tests.Provisioning;
using static Ttn.Provisioning.Tests.Devices.DeviceSamples;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Devices;

/// <summary>Gateways under the tenant's organization: registration, conflicts, claiming, the LNS key, status, removal.</summary>
public sealed class GatewayTests
{
    [Fact]
    public async Task A_gateway_is_registered_under_the_organization_on_the_tenants_cluster_with_status_and_location_private()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        host.Fake.Journal.Clear();

        var result = await host.Gateways.RegisterGatewayAsync(
            As(TenantRole.Manager), Gateway(1) with { Location = new GatewayLocation { Latitude = 52.1, Longitude = 5.2, Altitude = 3 } });

        Assert.Equal(ProvisioningOutcome.Succeeded, result.Outcome);
        Assert.Equal(GatewayRegistrationStatus.Registered, result.Status);
        Assert.Equal("eui-b827ebfffe000001", result.GatewayId);
        var gateway = Assert.Single(host.Fake.Gateways);
        Assert.Equal("B827EBFFFE000001", gateway.Eui);
        Assert.Contains((await host.RecordAsync()).OrganizationId!, gateway.OrganizationCollaborators);
        var create = Assert.Single(host.Fake.Journal.Entries, e => e.Method == "POST");
        Assert.Contains("\"gateway_server_address\":\"nam1.cloud.thethings.network\"", create.Body, StringComparison.Ordinal);
        Assert.Contains("\"status_public\":false", create.Body, StringComparison.Ordinal);
        Assert.Contains("\"location_public\":false", create.Body, StringComparison.Ordinal);
        Assert.Contains("\"latitude\":52.1", create.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_eui_registered_by_another_account_is_a_conflict_that_names_its_gateway()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        using var other = new OtherAccount(host.Fake);
        using (var direct = new FakeDirect(host.Fake, other.Key))
        {
            await direct.CreateUserGatewayAsync(other.UserId, "their-gateway", Gateway(1).Eui);
        }

        var result = await host.Gateways.RegisterGatewayAsync(Owner(), Gateway(1));

        Assert.Equal(ProvisioningOutcome.Failed, result.Outcome);
        Assert.Equal(GatewayRegistrationStatus.Conflict, result.Status);
        Assert.Contains("their-gateway", result.ConflictMessage, StringComparison.Ordinal);
        Assert.Equal("gateway_eui_taken", result.Error!.ErrorName);
        Assert.Equal("their-gateway", Assert.Single(host.Fake.Gateways).Id);
    }

    [Fact]
    public async Task Registering_the_same_gateway_again_answers_already_present()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        await host.Gateways.RegisterGatewayAsync(Owner(), Gateway(1));

        var again = await host.Gateways.RegisterGatewayAsync(Owner(), Gateway(1));

        Assert.Equal(ProvisioningOutcome.Succeeded, again.Outcome);
        Assert.Equal(GatewayRegistrationStatus.AlreadyPresent, again.Status);
        Assert.Single(host.Fake.Gateways);
    }

    [Fact]
    public async Task A_gateway_with_a_claim_code_is_claimed_through_the_gateway_claiming_server()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        host.Fake.AddClaimableGateway(Gateway(2).Eui, "printed-code-7781");

        var claimed = await host.Gateways.RegisterGatewayAsync(Owner(), Gateway(2) with { ClaimAuthenticationCode = "printed-code-7781" });
        var wrong = await host.Gateways.RegisterGatewayAsync(Owner(), Gateway(3) with { ClaimAuthenticationCode = "guess" });

        Assert.Equal(GatewayRegistrationStatus.Claimed, claimed.Status);
        Assert.Equal(Gateway(2).Eui, Assert.Single(host.Fake.Gateways).Eui);
        Assert.Contains(host.Fake.Journal.Entries, e => e.Method == "POST" && e.Path.EndsWith("/gcls/claim", StringComparison.Ordinal));
        Assert.Equal(GatewayRegistrationStatus.Failed, wrong.Status);
        Assert.DoesNotContain("printed-code-7781", (Gateway(2) with { ClaimAuthenticationCode = "printed-code-7781" }).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lns_key_is_a_link_key_answered_once_and_sealed_only_when_asked()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);

        var result = await host.Gateways.RegisterGatewayAsync(Owner(), Gateway(1) with { CreateLnsKey = true, SealLnsKey = true });
        var unsealed = await host.Gateways.RegisterGatewayAsync(Owner(), Gateway(2) with { CreateLnsKey = true });

        Assert.True(result.LnsApiKey.IsDecrypted);
        var key = Assert.Single(host.Fake.ApiKeys, k => k.Id == result.LnsApiKeyId);
        Assert.Equal((FakeEntityType.Gateway, "eui-b827ebfffe000001"), (key.EntityType, key.EntityId));
        Assert.Equal(["RIGHT_GATEWAY_LINK"], key.Rights);
        var opened = host.Protector.Unprotect(result.SealedLnsApiKey, new SecretContext("acme", SecretField.GatewayLnsKey));
        Assert.Equal(result.LnsApiKey.Value, opened.Value);
        Assert.DoesNotContain(result.LnsApiKey.Value!, result.ToString(), StringComparison.Ordinal);
        Assert.Null(unsealed.SealedLnsApiKey);
        Assert.True(unsealed.LnsApiKey.IsDecrypted);
    }

    [Fact]
    public async Task Status_comes_from_the_gateway_server_one_gateway_alone_and_several_in_one_batch()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        await host.Gateways.RegisterGatewayAsync(Owner(), Gateway(1));
        await host.Gateways.RegisterGatewayAsync(Owner(), Gateway(2));
        await host.Gateways.RegisterGatewayAsync(Owner(), Gateway(3));
        var now = host.Time.GetUtcNow();
        host.Fake.SetGatewayConnectionStats("eui-b827ebfffe000001", new FakeGatewayConnectionStats
        {
            ConnectedAt = now.AddHours(-2), LastStatusReceivedAt = now.AddSeconds(-30), UplinkCount = 42, Protocol = "ws",
        });
        host.Fake.SetGatewayConnectionStats("eui-b827ebfffe000002", new FakeGatewayConnectionStats
        {
            ConnectedAt = now.AddHours(-3), LastStatusReceivedAt = now.AddHours(-1),
        });
        host.Fake.Journal.Clear();

        var one = await host.Gateways.GetGatewayStatusAsync(As(TenantRole.Viewer), ["eui-b827ebfffe000003"]);
        var all = await host.Gateways.GetGatewayStatusAsync(As(TenantRole.Viewer));

        Assert.False(Assert.Single(one.Gateways).IsConnected);
        var byId = all.Gateways.ToDictionary(g => g.GatewayId);
        Assert.True(byId["eui-b827ebfffe000001"].IsOnline);
        Assert.Equal(42, byId["eui-b827ebfffe000001"].UplinkCount);
        Assert.Equal(now.AddSeconds(-30), byId["eui-b827ebfffe000001"].LastSeenAt);
        Assert.True(byId["eui-b827ebfffe000002"].IsConnected);
        Assert.False(byId["eui-b827ebfffe000002"].IsOnline);
        Assert.False(byId["eui-b827ebfffe000003"].IsConnected);
        Assert.Single(host.Fake.Journal.Entries, e => e.Method == "GET" && e.Path.EndsWith("/connection/stats", StringComparison.Ordinal));
        Assert.Single(host.Fake.Journal.Entries, e => e.Method == "POST" && e.Path.EndsWith("/gs/gateways/connection/stats", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_online_window_set_with_add_devices_decides_whether_a_connected_gateway_is_online()
    {
        await using var host = new ProvisioningTestHost(devices: o => o.GatewayOnlineWithin = TimeSpan.FromHours(2));
        await ReadyTenantAsync(host);
        await host.Gateways.RegisterGatewayAsync(Owner(), Gateway(1));
        var now = host.Time.GetUtcNow();
        host.Fake.SetGatewayConnectionStats("eui-b827ebfffe000001", new FakeGatewayConnectionStats
        {
            ConnectedAt = now.AddHours(-3), LastStatusReceivedAt = now.AddHours(-1),
        });

        var status = await host.Gateways.GetGatewayStatusAsync(Owner(), ["eui-b827ebfffe000001"]);

        Assert.True(Assert.Single(status.Gateways).IsOnline);
    }

    [Fact]
    public async Task Removing_without_a_purging_admin_key_frees_the_eui_and_says_the_id_stays_reserved()
    {
        await using var host = new ProvisioningTestHost();
        await ReadyTenantAsync(host);
        await host.Gateways.RegisterGatewayAsync(Owner(), Gateway(1));

        var removal = await host.Gateways.RemoveGatewayAsync(As(TenantRole.Manager), "eui-b827ebfffe000001");
        var reused = await host.Gateways.RegisterGatewayAsync(Owner(), Gateway(1) with { GatewayId = "second-life" });

        Assert.Equal(ProvisioningOutcome.Succeeded, removal.Outcome);
        Assert.Equal(CleanupStatus.Deleted, removal.Status);
        Assert.False(removal.Purged);
        Assert.True(removal.IdReserved);
        Assert.Contains("reserved", Assert.Single(removal.Warnings), StringComparison.Ordinal);
        Assert.Equal(GatewayRegistrationStatus.Registered, reused.Status);
    }

    [Fact]
    public async Task Removing_with_an_admin_key_that_may_purge_releases_the_id_too()
    {
        await using var host = new ProvisioningTestHost(adminIsTtsAdmin: true);
        await ReadyTenantAsync(host);
        await host.Gateways.RegisterGatewayAsync(Owner(), Gateway(1));

        var removal = await host.Gateways.RemoveGatewayAsync(Owner(), "eui-b827ebfffe000001");

        Assert.True(removal.Purged);
        Assert.False(removal.IdReserved);
        Assert.Empty(host.Fake.Gateways);
    }

    [Fact]
    public async Task A_gateway_of_someone_else_is_neither_deleted_nor_purged()
    {
        await using var host = new ProvisioningTestHost(adminIsTtsAdmin: true);
        await ReadyTenantAsync(host);
        using var other = new OtherAccount(host.Fake);
        using (var direct = new FakeDirect(host.Fake, other.Key))
        {
            await direct.CreateUserGatewayAsync(other.UserId, "their-gateway", Gateway(1).Eui);
        }

        var removal = await host.Gateways.RemoveGatewayAsync(Owner(), "their-gateway");

        Assert.False(removal.Purged);
        Assert.False(Assert.Single(host.Fake.Gateways).IsDeleted);
    }

    [Fact]
    public async Task A_tenant_that_brought_its_own_application_has_no_organization_for_gateways()
    {
        await using var host = new ProvisioningTestHost();
        using var other = new OtherAccount(host.Fake);
        await other.CreateApplicationAsync("their-app");
        var key = await other.CreateApplicationKeyAsync("their-app", "RIGHT_APPLICATION_ALL");
        await host.Service.ConfigureExistingApplicationAsync(Owner(), "their-app", key);
        host.Fake.Journal.Clear();

        var result = await host.Gateways.RegisterGatewayAsync(Owner(), Gateway(1));

        Assert.Equal(ProvisioningOutcome.NotApplicable, result.Outcome);
        Assert.Contains("organization", result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(host.Fake.Journal.Entries);
    }
}
