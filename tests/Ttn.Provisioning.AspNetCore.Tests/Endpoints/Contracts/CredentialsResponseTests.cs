using NSubstitute;
using Ttn.Provisioning.AspNetCore.Endpoints.Contracts;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Testing;

namespace Ttn.Provisioning.AspNetCore.Tests.Endpoints.Contracts;

/// <summary>The credentials answer names a failed step only for a Failed tenant, masked or revealed.</summary>
public sealed class CredentialsResponseTests
{
    [Theory]
    [InlineData(ProvisioningState.Provisioning, null)]
    [InlineData(ProvisioningState.Failed, "Webhook")]
    public void The_failed_step_is_the_current_step_only_when_the_tenant_is_failed(ProvisioningState state, string? failedStep)
    {
        var status = ProvisioningModelFactory.TenantStatus(state: state, currentStep: ProvisioningStep.Webhook);
        var result = ProvisioningModelFactory.TenantCredentialsResult(
            credentials: ProvisioningModelFactory.TenantCredentials(), status: status);

        var revealed = CredentialsResponse.Reveal(result);
        var masked = CredentialsResponse.Masked(status, TenantRole.Owner, Substitute.For<IRolePolicyEvaluator>());

        Assert.Equal((failedStep, failedStep), (revealed.FailedStep, masked.FailedStep));
        Assert.Equal((state.ToString(), state.ToString()), (revealed.State, masked.State));
    }
}
