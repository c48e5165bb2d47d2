using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Steps;

/// <summary>
/// One step of the provisioning pipeline: which checkpoint it completes, which steps must be done before it, what it
/// writes before it starts, and its work. The <see cref="StepScheduler"/> runs together every step whose dependencies
/// are done, and writes their outcomes in one store write.
/// </summary>
internal abstract class PipelineStep
{
    /// <summary>The step (and the checkpoint it completes).</summary>
    public abstract ProvisioningStep Step { get; }

    /// <summary>The steps that must be done before this one runs.</summary>
    public abstract ProvisioningStep DependsOn { get; }

    /// <summary>Whether completing the step is recorded (<see cref="ProvisioningStep.Preflight"/> re-runs every attempt).</summary>
    public virtual bool IsCheckpointed => true;

    /// <summary>Whether a failure of the step is a warning, not the run's failure.</summary>
    public virtual bool IsOptional => false;

    /// <summary>Whether the step acts with the tenant's organization key (opened for it before its wave).</summary>
    public virtual bool UsesOrganizationKey => false;

    /// <summary>
    /// What the step writes before its wave runs (an id it will use, a secret it will send): so a crash leaves a record
    /// that says what may exist on TTS. Pure.
    /// </summary>
    public virtual TenantRecord Prepare(TenantRecord record, StepContext context) => record;

    /// <summary>Does the step's work; expected failures are outcomes, not exceptions.</summary>
    public abstract Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken);
}
