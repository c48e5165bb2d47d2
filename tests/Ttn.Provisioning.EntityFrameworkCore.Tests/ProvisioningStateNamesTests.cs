using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.EntityFrameworkCore.Tests;

public sealed class ProvisioningStateNamesTests
{
    [Theory]
    [InlineData(null, ProvisioningState.Idle)]
    [InlineData("", ProvisioningState.Idle)]
    [InlineData("idle", ProvisioningState.Idle)]
    [InlineData("not_started", ProvisioningState.Idle)]
    [InlineData("deprovisioned", ProvisioningState.Idle)]
    [InlineData("provisioning", ProvisioningState.Provisioning)]
    [InlineData("pending", ProvisioningState.Provisioning)]
    [InlineData("completed", ProvisioningState.Ready)]
    [InlineData("complete", ProvisioningState.Ready)]
    [InlineData("ready", ProvisioningState.Ready)]
    [InlineData(" READY ", ProvisioningState.Ready)]
    [InlineData("failed", ProvisioningState.Failed)]
    public void Legacy_and_current_statuses_map_as_designed(string? stored, ProvisioningState expected)
    {
        Assert.Equal(expected, ProvisioningStateNames.FromStoredName(stored, out var recognised));
        Assert.True(recognised);
    }

    [Fact]
    public void Unrecognised_status_is_failed_and_flagged_never_idle()
    {
        Assert.Equal(ProvisioningState.Failed, ProvisioningStateNames.FromStoredName("half-done", out var recognised));
        Assert.False(recognised);
    }

    [Theory]
    [InlineData(ProvisioningState.Idle)]
    [InlineData(ProvisioningState.Provisioning)]
    [InlineData(ProvisioningState.Ready)]
    [InlineData(ProvisioningState.Failed)]
    public void Stored_name_reads_back_as_the_same_state(ProvisioningState state)
    {
        Assert.Equal(state, ProvisioningStateNames.FromStoredName(state.ToStoredName(), out _));
    }
}
