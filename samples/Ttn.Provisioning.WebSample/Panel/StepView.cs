using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.WebSample.Panel;

/// <summary>One provisioning step as the status shows it: done, failed, in progress or pending.</summary>
public sealed record StepView(string Name, string State)
{
    private static readonly (ProvisioningStep Step, string Name)[] Pipeline =
    [
        (ProvisioningStep.Preflight, "Preflight (admin key rights)"),
        (ProvisioningStep.Organization, "Organization"),
        (ProvisioningStep.OrganizationApiKey, "Organization API key"),
        (ProvisioningStep.Application, "Application"),
        (ProvisioningStep.ApplicationApiKey, "Application API key"),
        (ProvisioningStep.GatewayApiKey, "Gateway API key (optional)"),
        (ProvisioningStep.Webhook, "Webhook"),
    ];

    /// <summary>The steps of the tenant's pipeline; the optional gateway key only when it was made.</summary>
    public static IReadOnlyList<StepView> Of(TenantStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return [.. Pipeline
            .Where(p => p.Step != ProvisioningStep.GatewayApiKey || status.Checkpoints.HasFlag(ProvisioningStep.GatewayApiKey))
            .Select(p => new StepView(p.Name, StateOf(status, p.Step)))];
    }

    private static string StateOf(TenantStatus status, ProvisioningStep step)
    {
        // Preflight is checked again at the start of every run and kept as no checkpoint: it passed once a later step is done.
        if (status.Checkpoints.HasFlag(step)
            || (step == ProvisioningStep.Preflight && status.Checkpoints != ProvisioningStep.None && status.CurrentStep != step))
        {
            return "done";
        }

        if (status.CurrentStep == step)
        {
            return status.State switch
            {
                ProvisioningState.Failed => "failed",
                ProvisioningState.Provisioning => "in progress",
                _ => "pending",
            };
        }

        return "pending";
    }
}
