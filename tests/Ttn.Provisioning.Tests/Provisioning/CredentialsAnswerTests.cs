using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Provisioning;

/// <summary>Issue 11, part 5: the credentials answer carries what a panel shows beside them.</summary>
public sealed class CredentialsAnswerTests
{
    [Fact]
    public async Task Credentials_of_a_failed_tenant_carry_its_state_failed_step_error_and_attempts()
    {
        await using var host = new ProvisioningTestHost();
        host.Fake.Faults.Add(HttpMethod.Post, "applications/*/api-keys", FakeFault.Status(503));
        await host.Service.ProvisionAsync(Owner());
        await host.Service.RetryAsync(Owner());

        var result = await host.Service.GetCredentialsAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Succeeded, result.Outcome);
        var status = result.Status!;
        Assert.Equal(
            (ProvisioningState.Failed, ProvisioningStep.ApplicationApiKey, 2), (status.State, status.CurrentStep, status.AttemptCount));
        Assert.Equal(503, status.LastError!.HttpStatus);
        Assert.True(result.Credentials!.OrganizationApiKey.Secret.IsDecrypted);
    }

    [Fact]
    public async Task Credentials_of_a_ready_tenant_carry_its_status_with_nothing_to_do()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());

        var result = await host.Service.GetCredentialsAsync(Owner());

        var status = result.Status!;
        Assert.Equal((ProvisioningState.Ready, NextAction.None, 1), (status.State, status.NextAction, status.AttemptCount));
        Assert.Null(status.LastError);
    }

    [Fact]
    public async Task Credentials_of_a_tenant_with_nothing_stored_answer_not_configured_with_a_message()
    {
        await using var host = new ProvisioningTestHost();

        var result = await host.Service.GetCredentialsAsync(Owner());

        Assert.Equal(ProvisioningOutcome.NotConfigured, result.Outcome);
        Assert.Contains("not configured for this tenant", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal((ProvisioningState.Idle, NextAction.Provision), (result.Status!.State, result.Status.NextAction));
        Assert.Null(result.Credentials);
    }
}
