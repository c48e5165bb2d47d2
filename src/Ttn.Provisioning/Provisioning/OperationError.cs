using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Provisioning;

/// <summary>What went wrong in an operation, with what The Things Stack said. Never holds a secret.</summary>
/// <param name="Step">The provisioning step that failed, if the failure belongs to one.</param>
/// <param name="Message">What went wrong, in words.</param>
/// <param name="HttpStatus">The HTTP status TTS answered, if the error came from TTS.</param>
/// <param name="ErrorName">The TTS error name (for example <c>no_application_rights</c>).</param>
/// <param name="CorrelationId">The TTS correlation id, for support.</param>
/// <param name="IsTransient">Whether trying again later may succeed.</param>
public sealed record OperationError(
    ProvisioningStep? Step,
    string Message,
    int? HttpStatus = null,
    string? ErrorName = null,
    string? CorrelationId = null,
    bool IsTransient = false)
{
    internal static OperationError From(TenantError error) =>
        new(error.Step, error.Message, error.HttpStatus, error.ErrorName, error.CorrelationId, error.IsTransient);
}
