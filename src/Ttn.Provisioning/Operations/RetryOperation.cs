using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Resumes a Failed run (or one whose lease expired) from its failed step. Answers UseStartFresh when retrying cannot
/// help, and NotApplicable when there is nothing to retry.
/// </summary>
internal sealed class RetryOperation : ProvisionOperation
{
    public RetryOperation(OperationServices services)
        : base(services)
    {
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.Retry;

    public override Admission Admit(string tenantId, TenantRecord? current, DateTimeOffset now)
    {
        if (current is null)
        {
            return Admission.Refuse(ProvisioningOutcome.NotConfigured);
        }

        if (current.State == ProvisioningState.Ready && !IsGatewayKeyPending(current))
        {
            return Admission.Refuse(ProvisioningOutcome.NotApplicable);
        }

        if (current.RequiresStartFresh)
        {
            return Admission.Refuse(ProvisioningOutcome.UseStartFresh, current.LastError);
        }

        return current.State == ProvisioningState.Failed || current.IsStalled(now)
            ? Admission.Lease(TenantTransitions.StartAttempt(current, now))
            : Admission.Refuse(ProvisioningOutcome.NotApplicable);
    }
}
