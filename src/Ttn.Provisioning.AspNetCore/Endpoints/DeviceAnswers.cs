using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using Ttn.Provisioning.AspNetCore.Endpoints.Contracts;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Gateways;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// The answers of the device and gateway endpoints, on top of <see cref="TenantEndpoint.Answer"/>: 201 with a Location for
/// what a registration created; 404 not-found when The Things Stack has no such device; 409 device-conflict or
/// gateway-conflict naming who holds the EUI or id; 400 invalid-rows with every row's errors for an import; 409 refused for
/// what the library refuses before any write (the tenant's device limit, a job id used for other devices).
/// </summary>
internal static class DeviceAnswers
{
    /// <summary>A read: 404 when The Things Stack answered that it has no such thing.</summary>
    public static IResult Read<TResult, TResponse>(TResult result, Func<TResult, TResponse> respond, JsonTypeInfo<TResponse> json)
        where TResult : OperationResult =>
        result is { Outcome: ProvisioningOutcome.Failed, Error.HttpStatus: StatusCodes.Status404NotFound }
            ? Problem(result, respond, json)
                .Recast(StatusCodes.Status404NotFound, "not-found", "The Things Stack does not hold what the URL names.")
            : TenantEndpoint.Answer(result, respond, json);

    public static IResult Registration(HttpContext http, DeviceRegistrationResult result)
    {
        var json = EndpointJsonContext.Default.DeviceRegistrationResponse;
        return result switch
        {
            { Status: DeviceOutcome.Registered } => Created(http, result.DeviceId!, DeviceRegistrationResponse.From(result), json),
            { Status: DeviceOutcome.Conflict, Conflict: var conflict } => Problem(result, DeviceRegistrationResponse.From, json)
                .Recast(
                    StatusCodes.Status409Conflict, "device-conflict", "Another device holds the device id or the EUIs.", conflict?.Message)
                .With("conflict", conflict is null ? null : JsonSerializer.SerializeToElement(
                    DeviceConflictView.From(conflict), EndpointJsonContext.Default.DeviceConflictView)),
            { Status: null } when IsRefusal(result) => Refused(result, DeviceRegistrationResponse.From, json),
            _ => TenantEndpoint.Answer(result, DeviceRegistrationResponse.From, json),
        };
    }

    public static IResult Import(DeviceImportResult result)
    {
        var json = EndpointJsonContext.Default.DeviceImportResponse;
        if (result.Outcome == ProvisioningOutcome.Failed && result.ValidationErrors.Count > 0)
        {
            var errors = JsonSerializer.SerializeToElement(
                result.ValidationErrors.Select(InputErrorView.From).ToArray(), EndpointJsonContext.Default.InputErrorViewArray);
            return Problem(result, DeviceImportResponse.From, json)
                .Recast(
                    StatusCodes.Status400BadRequest,
                    "invalid-rows",
                    "The file has invalid rows; nothing was registered.",
                    $"{result.ValidationErrors.Count} error(s) in {result.TotalRows} row(s): see \"validationErrors\" (row and column as "
                        + "The Things Stack counts them). Nothing was sent to The Things Stack.")
                .With("validationErrors", errors);
        }

        return result.Rows.Count == 0 && IsRefusal(result)
            ? Refused(result, DeviceImportResponse.From, json)
            : TenantEndpoint.Answer(result, DeviceImportResponse.From, json);
    }

    public static IResult GatewayRegistration(HttpContext http, GatewayRegistrationResult result)
    {
        var json = EndpointJsonContext.Default.GatewayRegistrationResponse;
        return result.Status switch
        {
            GatewayRegistrationStatus.Registered or GatewayRegistrationStatus.Claimed =>
                Created(http, $"{result.GatewayId}/status", GatewayRegistrationResponse.From(result), json),
            GatewayRegistrationStatus.Conflict => Problem(result, GatewayRegistrationResponse.From, json)
                .Recast(
                    StatusCodes.Status409Conflict, "gateway-conflict", "Another gateway holds the EUI or the id.", result.ConflictMessage),
            _ => TenantEndpoint.Answer(result, GatewayRegistrationResponse.From, json),
        };
    }

    /// <summary>The problem <see cref="TenantEndpoint.Answer"/> gives a result that did not succeed, with what it got done.</summary>
    private static TtnProblem Problem<TResult, TResponse>(TResult result, Func<TResult, TResponse> respond, JsonTypeInfo<TResponse> json)
        where TResult : OperationResult =>
        OutcomeProblems.For(result, JsonSerializer.SerializeToElement(respond(result), json));

    private static TtnProblem Refused<TResult, TResponse>(TResult result, Func<TResult, TResponse> respond, JsonTypeInfo<TResponse> json)
        where TResult : OperationResult =>
        Problem(result, respond, json).Recast(StatusCodes.Status409Conflict, "refused", "The operation was refused before any change.");

    /// <summary>A failure that is the library's own rule, not an answer of The Things Stack nor a transient fault.</summary>
    private static bool IsRefusal(OperationResult result) =>
        result is { Outcome: ProvisioningOutcome.Failed, Error: TenantError { HttpStatus: null, ErrorName: null, IsTransient: false } };

    /// <summary>201 with the answer and a Location relative to the collection the request was sent to.</summary>
    private static IResult Created<TResponse>(HttpContext http, string relative, TResponse response, JsonTypeInfo<TResponse> json)
    {
        http.Response.Headers.Location = $"{http.Request.PathBase}{http.Request.Path}/{relative}";
        return TypedResults.Json(response, json, statusCode: StatusCodes.Status201Created);
    }
}
