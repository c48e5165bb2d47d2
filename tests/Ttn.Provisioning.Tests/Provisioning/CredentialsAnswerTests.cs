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
        Assert.Equal((ProvisioningState.Failed, ProvisioningStep.ApplicationApiKey, 2), (result.State, result.FailedStep, result.AttemptCount));
        Assert.Equal(503, result.LastError!.HttpStatus);
        Assert.True(result.Credentials!.OrganizationApiKey.Secret.IsDecrypted);
    }

    [Fact]
    public async Task Credentials_of_a_ready_tenant_name_no_failed_step()
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());

        var result = await host.Service.GetCredentialsAsync(Owner());

        Assert.Equal((ProvisioningState.Ready, (ProvisioningStep?)null, 1), (result.State, result.FailedStep, result.AttemptCount));
        Assert.Null(result.LastError);
    }

    [Fact]
    public async Task Credentials_of_a_tenant_with_nothing_stored_answer_not_configured_with_a_message()
    {
        await using var host = new ProvisioningTestHost();

        var result = await host.Service.GetCredentialsAsync(Owner());

        Assert.Equal(ProvisioningOutcome.NotConfigured, result.Outcome);
        Assert.Contains("not configured for this tenant", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(ProvisioningState.Idle, result.State);
        Assert.Null(result.Credentials);
    }
}
