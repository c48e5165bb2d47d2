using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Provisions a tenant: starts an attempt and runs every step not yet done. A Ready tenant answers Ready at once (no
/// request to TTS), unless the optional gateway key is still pending; a tenant that needs a start fresh says so.
/// </summary>
internal class ProvisionOperation : TenantOperation<ProvisioningResult>
{
    public ProvisionOperation(OperationServices services)
    {
        Services = services;
    }

    protected OperationServices Services { get; }

    public override ProvisioningOperation Kind => ProvisioningOperation.Provision;

    public override bool NeedsAdminKey => true;

    public override Admission Admit(string tenantId, TenantRecord? current, DateTimeOffset now)
    {
        if (current is { State: ProvisioningState.Ready } && !IsGatewayKeyPending(current))
        {
            return Admission.Refuse(ProvisioningOutcome.Succeeded);
        }

        if (current is { RequiresStartFresh: true })
        {
            return Admission.Refuse(ProvisioningOutcome.UseStartFresh, current.LastError);
        }

        return Admission.Lease(TenantTransitions.StartAttempt(current ?? new TenantRecord { TenantId = tenantId }, now));
    }

    public override Task<ProvisioningResult> ExecuteAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var run = context.LeasedRun;
        Log.RunStarted(Services.Logger, context.TenantId, run.RunId, Kind, run.Record.AttemptCount, run.Record.Checkpoints);
        return ProvisioningRun.CompleteAsync(Services, context, cancellationToken);
    }

    public override ProvisioningResult Answer(OperationAnswer answer) => ProvisioningRun.Answer(answer);

    /// <summary>Ready means done, unless the optional gateway key was asked for and a transient failure left it pending.</summary>
    protected bool IsGatewayKeyPending(TenantRecord record) =>
        Services.Options.CreateGatewayApiKey
        && !record.IsExistingApplication
        && !record.Checkpoints.HasFlag(ProvisioningStep.GatewayApiKey);
}
