using Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>The typed confirmation of a destructive request: <c>"confirm"</c> must be the tenant id from the URL, exactly.</summary>
internal static class Confirmation
{
    public const string Example = "{\"confirm\":\"<tenant id>\"}";

    /// <summary>A 400 naming <c>confirm</c> when the body does not confirm the tenant, or null when it does.</summary>
    public static TtnProblem? Check(ConfirmationRequest body, string tenantId, string action) =>
        string.Equals(body.Confirm, tenantId, StringComparison.Ordinal)
            ? null
            : TtnProblem.InvalidRequest(
                "confirmation-required",
                "confirm",
                $"{action} cannot be undone: set \"confirm\" to the tenant id ('{tenantId}') to go ahead.");
}
