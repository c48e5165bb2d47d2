using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tests.Provisioning;

namespace Ttn.Provisioning.Tests.Security;

/// <summary>Issue 10, finding 13: a stored state the library does not know is shown, not read as something else.</summary>
public sealed class UnrecognisedStateTests
{
    [Fact]
    public async Task The_status_of_a_tenant_stored_in_an_unknown_state_names_that_state()
    {
        await using var host = new ProvisioningTestHost();
        await host.Store.TryWriteAsync(new TenantRecord
        {
            TenantId = "acme",
            State = ProvisioningState.Failed,
            UnrecognisedState = "half_done",
            LastError = TenantError.Local(
                null, "The stored state 'half_done' is not one this library knows.", host.Time.GetUtcNow()),
        });

        var status = (await host.Service.GetStatusAsync(new ProvisioningCaller("acme", "vera", TenantRole.Viewer))).Status!;

        Assert.Equal("half_done", status.UnrecognisedStoredStatus);
        Assert.Equal(ProvisioningState.Failed, status.State);
    }

    [Fact]
    public async Task A_tenant_in_a_known_state_has_no_unrecognised_status()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(ProvisioningTestHost.Owner());

        var status = (await host.Service.GetStatusAsync(ProvisioningTestHost.Owner())).Status!;

        Assert.Null(status.UnrecognisedStoredStatus);
    }
}
