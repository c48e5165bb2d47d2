using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// Every outcome other than success as its problem answer: Denied 403 with the policy's reason, AlreadyInProgress 409,
/// UseStartFresh 409 with that guidance, NotApplicable 409, TenantDisabled 409, NotConfigured 404, Failed 502 with the
/// step, TTS status, error name and correlation id. The detail is the library's own message, never a body from TTS and
/// never a secret.
/// </summary>
internal static class OutcomeProblems
{
    /// <summary>A denial by the role policy, with its reason (the same answer for every operation).</summary>
    public static TtnProblem Denied(string? reason) => TtnProblem.Create(
        StatusCodes.Status403Forbidden, "denied", "The role policy denied the operation.",
        reason ?? "The caller may not perform this operation.");

    public static TtnProblem For(OperationResult result, JsonElement? answer)
    {
        var error = result.Error;
        var problem = result.Outcome switch
        {
            ProvisioningOutcome.Denied => Denied(result.Denial?.Reason ?? error?.Message),
            ProvisioningOutcome.AlreadyInProgress => TtnProblem.Create(
                StatusCodes.Status409Conflict, "already-in-progress", "Another run is in progress for this tenant.",
                error?.Message ?? "Another run holds the tenant; wait for it to finish, then look at the status."),
            ProvisioningOutcome.UseStartFresh => TtnProblem.Create(
                StatusCodes.Status409Conflict, "use-start-fresh", "Only start fresh can get this tenant to Ready.",
                (error?.Message is { } why ? why + " " : string.Empty)
                    + "Retrying cannot help: start fresh (POST …/start-fresh) removes what it can and provisions under new ids."),
            ProvisioningOutcome.NotConfigured => TtnProblem.Create(
                StatusCodes.Status404NotFound, "not-configured", "The tenant has nothing stored for this operation.",
                error?.Message ?? "Provision the tenant first."),
            ProvisioningOutcome.TenantDisabled => TtnProblem.Create(
                StatusCodes.Status409Conflict, "tenant-disabled", "The tenant is disabled.",
                error?.Message ?? "Enable the tenant (PUT …/settings with \"enabled\": true) first."),
            ProvisioningOutcome.NotApplicable => TtnProblem.Create(
                StatusCodes.Status409Conflict, "not-applicable", "The operation does not apply to the tenant's current state.",
                error?.Message ?? "Look at the status for what to do next."),
            _ => TtnProblem.Create(
                StatusCodes.Status502BadGateway, "failed", "The operation failed.",
                error?.Message ?? "The operation failed; look at the status for the step and what The Things Stack answered."),
        };

        problem.With("tenantId", result.TenantId).With("outcome", result.Outcome.ToString());
        if (error is not null && result.Outcome != ProvisioningOutcome.Denied)
        {
            problem
                .With("step", error.Step?.ToString())
                .With("ttsStatus", error.HttpStatus)
                .With("ttsErrorNamespace", error.ErrorNamespace)
                .With("ttsErrorName", error.ErrorName)
                .With("correlationId", error.CorrelationId)
                .With("isTransient", error.IsTransient);
        }

        // What the operation got done before it stopped (a clean-up's per-resource report, the steps completed).
        return result.Outcome is ProvisioningOutcome.Failed or ProvisioningOutcome.UseStartFresh && answer is { } partial
            ? problem.With("result", partial)
            : problem;
    }
}
