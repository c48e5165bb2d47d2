using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Steps;

/// <summary>
/// Checks the admin key (<c>GET /auth_info</c>) on every attempt: it must be a user's key, and, unless the user is an
/// admin, hold the rights provisioning needs. Finds the TTS user that will own the tenant's organization.
/// </summary>
internal sealed class PreflightStep : PipelineStep
{
    public override ProvisioningStep Step => ProvisioningStep.Preflight;

    public override ProvisioningStep DependsOn => ProvisioningStep.None;

    public override bool IsCheckpointed => false;

    public override async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var services = context.Services;
        var adminKey = context.Operation.AdminKey;
        var answer = await context.Operation.CallAsync(
            "Checking the admin API key",
            () => services.Client.GetAuthInfoAsync(adminKey, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (!answer.Succeeded)
        {
            return StepOutcome.Failed(answer.Failure);
        }

        var problem = AdminKeyRequirements.Check(answer.Value, services.Options, out var userId);
        if (problem is not null || userId is null)
        {
            return StepOutcome.Failed(TtsFailure.Refusal(problem ?? "The admin API key belongs to no user."));
        }

        context.AdminUserId = userId;
        return StepOutcome.Done(string.Equals(context.Record.TtsUserId, userId, StringComparison.Ordinal)
            ? null
            : r => TenantTransitions.WithTtsUser(r, userId));
    }
}
