using Ttn.Provisioning.Operations;

namespace Ttn.Provisioning.Steps;

/// <summary>
/// The steps that provision a tenant, run by the <see cref="StepScheduler"/> from the tenant's checkpoints: preflight,
/// organization, organization key, application, application key, the optional gateway key, webhook. A tenant that
/// brought its own application needs only its webhook.
/// </summary>
internal sealed class ProvisioningPipeline
{
    private readonly StepServices _services;
    private readonly IReadOnlyList<PipelineStep> _steps;
    private readonly IReadOnlyList<PipelineStep> _broughtApplicationSteps = [new WebhookStep(broughtApplication: true)];

    public ProvisioningPipeline(StepServices services)
    {
        _services = services;
        List<PipelineStep> steps =
        [
            new PreflightStep(),
            new OrganizationStep(),
            new OrganizationApiKeyStep(),
            new ApplicationStep(),
            new ApplicationApiKeyStep(),
            new WebhookStep(broughtApplication: false),
        ];
        if (services.Options.CreateGatewayApiKey)
        {
            steps.Add(new GatewayApiKeyStep());
        }

        _steps = steps;
    }

    /// <summary>Runs every step the tenant has not completed, under the operation's lease.</summary>
    public Task<PipelineOutcome> RunAsync(OperationContext operation, CancellationToken cancellationToken)
    {
        var steps = operation.LeasedRun.Record.IsExistingApplication ? _broughtApplicationSteps : _steps;
        return StepScheduler.RunAsync(steps, new StepContext(operation, _services), cancellationToken);
    }
}
