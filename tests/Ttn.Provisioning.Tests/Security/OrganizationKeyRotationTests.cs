using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tests.Provisioning;
using Ttn.Provisioning.Testing;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Security;

/// <summary>Issue 10, finding 3: the organization key can be replaced with no moment without a working key.</summary>
public sealed class OrganizationKeyRotationTests
{
    [Fact]
    public async Task Rotation_stores_a_new_organization_key_and_revokes_the_old_one()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        var old = (await host.RecordAsync()).OrganizationApiKey!;

        var rotated = await host.Service.RotateOrganizationKeyAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Succeeded, rotated.Outcome);
        var now = (await host.RecordAsync()).OrganizationApiKey!;
        Assert.NotEqual(old.KeyId, now.KeyId);
        Assert.Equal(now.KeyId, rotated.KeyId);
        Assert.Equal([old.KeyId!], rotated.RevokedKeyIds);
        Assert.Equal(now.KeyId, Assert.Single(host.LiveKeys("organization")).Id);
        Assert.Equal(ProvisioningOutcome.Succeeded, (await host.Service.RotateWebhookSecretAsync(Owner())).Outcome);
    }

    [Fact]
    public async Task A_rotation_whose_revoke_fails_keeps_the_new_key_in_force_and_the_next_one_finishes()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        host.Fake.Faults.Add(HttpMethod.Delete, "organizations/*/api-keys/*", FakeFault.Status(503), onCall: 1);

        var failed = await host.Service.RotateOrganizationKeyAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Failed, failed.Outcome);
        Assert.Contains("rotate again", failed.Error!.Message, StringComparison.Ordinal);
        var stored = (await host.RecordAsync()).OrganizationApiKey!;
        Assert.Equal(stored.KeyId, failed.KeyId);
        Assert.Equal(ProvisioningState.Ready, (await host.RecordAsync()).State);

        var finished = await host.Service.RotateOrganizationKeyAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Succeeded, finished.Outcome);
        Assert.Equal(finished.KeyId, Assert.Single(host.LiveKeys("organization")).Id);
    }

    [Fact]
    public async Task A_rotation_refused_by_tts_keeps_the_old_key()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        var old = (await host.RecordAsync()).OrganizationApiKey!;
        host.Fake.Faults.Add(HttpMethod.Post, "organizations/*/api-keys", FakeFault.Status(503), onCall: 1);

        var failed = await host.Service.RotateOrganizationKeyAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Failed, failed.Outcome);
        Assert.Equal(old.Sealed, (await host.RecordAsync()).OrganizationApiKey!.Sealed);
        Assert.Equal(old.KeyId, Assert.Single(host.LiveKeys("organization")).Id);
    }

    [Fact]
    public async Task Keys_minted_outside_the_library_survive_a_rotation()
    {
        await using var host = new ProvisioningTestHost();
        var provisioned = await host.Service.ProvisionAsync(Owner());
        var minted = await CredentialVisibilityTests.MintOrganizationKeyAsync(host, provisioned.OrganizationId!, "someone-else");

        await host.Service.RotateOrganizationKeyAsync(Owner());

        Assert.Contains(host.Fake.ApiKeys, k => k.Id == minted);
    }

    [Fact]
    public async Task A_tenant_without_an_organization_key_has_nothing_to_rotate()
    {
        await using var host = new ProvisioningTestHost();

        var result = await host.Service.RotateOrganizationKeyAsync(Owner());

        Assert.Equal(ProvisioningOutcome.NotConfigured, result.Outcome);
        Assert.Empty(host.Fake.Journal.Entries);
    }
}
