using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ttn.Provisioning.AspNetCore.Endpoints.Contracts;
using Ttn.Provisioning.Devices;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// The tenant's end devices: <c>GET {prefix}/tenants/{tenant}/devices</c> (paged), <c>GET …/devices/{deviceId}</c> and
/// <c>GET …/devices/{deviceId}/diagnosis</c> (every role by default); <c>POST …/devices</c>, <c>POST …/devices/{deviceId}/repair</c>
/// and <c>DELETE …/devices/{deviceId}</c> (owner, admin and manager by default). AppKey and NwkKey are write-only: sent in a
/// body, passed to the Join Server, never logged, stored by the endpoint, nor echoed.
/// </summary>
internal static class DeviceEndpoints
{
    private const string DeviceExample = "{\"devEui\":\"…\",\"joinEui\":\"…\",\"appKey\":\"…\","
        + "\"frequencyPlanId\":\"EU_863_870_TTN\","
        + "\"lorawanVersion\":\"MAC_V1_0_3\",\"lorawanPhyVersion\":\"RP001_V1_0_3_REV_A\"}";

    public static void Map(RouteGroupBuilder tenants)
    {
        tenants
            .MapGet(
                "/devices",
                static (string tenant, string? page, string? limit, HttpContext http) =>
                    TenantEndpoint.RunAsync(http, tenant, call => ListAsync(call, page, limit)))
            .Describe<DeviceListResponse>(
                "TtnListDevices",
                "Lists one page of the tenant's devices.",
                "Query: page (from 1) and limit (1 to 1000, default 100). Answers the devices as the Identity Server lists them (never "
                    + "a key), the total when The Things Stack gives it, the next page, and the devices whose work has not finished.",
                EndpointConventions.RunProblems);

        tenants
            .MapGet(
                "/devices/{deviceId}",
                static (string tenant, string deviceId, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, async call =>
                    DeviceAnswers.Read(
                        await call.Devices.GetDeviceAsync(call.Caller, deviceId, call.Aborted).ConfigureAwait(false),
                        DeviceResponse.From,
                        EndpointJsonContext.Default.DeviceResponse)))
            .Describe<DeviceResponse>(
                "TtnGetDevice",
                "Reads a device from the Identity Server.",
                "Ids, EUIs, name, description, attributes and model; never a key (root keys are never read back). 404 when the "
                    + "tenant's application has no such device.",
                EndpointConventions.RunProblems);

        tenants
            .MapPost("/devices", static (string tenant, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, RegisterAsync))
            .AcceptsJson<DeviceRequest>()
            .Produces<DeviceRegistrationResponse>(StatusCodes.Status201Created, "application/json")
            .Describe<DeviceRegistrationResponse>(
                "TtnRegisterDevice",
                "Registers an OTAA device in the Identity, Join, Network and Application Servers.",
                "201 when registered (Location: the device), 200 when the same device was already registered (converged, never a "
                    + "second device). A device id or EUI pair held by another device is 409 device-conflict naming it when The Things "
                    + "Stack reveals it; a failed step is rolled back and answered 502 with what was created and rolled back. The "
                    + "AppKey and NwkKey are write-only.",
                EndpointConventions.BodyProblems);

        tenants
            .MapGet(
                "/devices/{deviceId}/diagnosis",
                static (string tenant, string deviceId, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, async call =>
                    DeviceAnswers.Read(
                        await call.Devices.DiagnoseDeviceAsync(call.Caller, deviceId, call.Aborted).ConfigureAwait(false),
                        DeviceDiagnosisResponse.From,
                        EndpointJsonContext.Default.DeviceDiagnosisResponse)))
            .Describe<DeviceDiagnosisResponse>(
                "TtnDiagnoseDevice",
                "Reads a device from the four registries together and says which hold it.",
                "A device held by some registries and not others is split-brain: repair it (complete or remove).",
                EndpointConventions.RunProblems);

        tenants
            .MapPost(
                "/devices/{deviceId}/repair",
                static (string tenant, string deviceId, HttpContext http) =>
                    TenantEndpoint.RunAsync(http, tenant, call => RepairAsync(call, deviceId)))
            .AcceptsJson<DeviceRepairRequest>()
            .Describe<DeviceRepairResponse>(
                "TtnRepairDevice",
                "Completes or removes a half-registered device.",
                "Body {\"remove\":true} removes whatever part of the device exists; {\"completeWith\":{…device…}} registers it "
                    + "the rest of the way (the keys are needed again: the library does not keep them). Exactly one of the two.",
                EndpointConventions.BodyProblems);

        tenants
            .MapDelete(
                "/devices/{deviceId}",
                static (string tenant, string deviceId, HttpContext http) => TenantEndpoint.RunAsync(http, tenant, async call =>
                    TenantEndpoint.Answer(
                        await call.Devices.RemoveDeviceAsync(call.Caller, deviceId, call.Aborted).ConfigureAwait(false),
                        DeviceRemovalResponse.From,
                        EndpointJsonContext.Default.DeviceRemovalResponse)))
            .Describe<DeviceRemovalResponse>(
                "TtnRemoveDevice",
                "Removes a device from the Application, Network, Join and Identity Servers, in that order.",
                "A registry that no longer holds it counts as already gone; the Identity Server's delete releases the EUIs at once, "
                    + "verified with a search (euisReleased). A removal that could not finish is 502 with where the device remains; "
                    + "removing it again finishes it.",
                EndpointConventions.RunProblems);
    }

    private static async Task<IResult> ListAsync(TenantCall call, string? page, string? limit)
    {
        if ((Number(page, "page") ?? Number(limit, "limit")) is { } refusal)
        {
            return refusal;
        }

        var options = new DeviceListOptions { Page = Parse(page) ?? 1, PageSize = Parse(limit) ?? 100 };
        return TenantEndpoint.Answer(
            await call.Devices.ListDevicesAsync(call.Caller, options, call.Aborted).ConfigureAwait(false),
            DeviceListResponse.From,
            EndpointJsonContext.Default.DeviceListResponse);
    }

    private static async Task<IResult> RegisterAsync(TenantCall call)
    {
        var (body, problem) = await RequestBody.ReadAsync(call.Http, EndpointJsonContext.Default.DeviceRequest, DeviceExample)
            .ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var result = await call.Devices.RegisterDeviceAsync(call.Caller, body!.ToDefinition(), call.Aborted).ConfigureAwait(false);
        return DeviceAnswers.Registration(call.Http, result);
    }

    private static async Task<IResult> RepairAsync(TenantCall call, string deviceId)
    {
        const string example = "{\"remove\":true} or {\"completeWith\":" + DeviceExample + "}";
        var (body, problem) = await RequestBody
            .ReadAsync(call.Http, EndpointJsonContext.Default.DeviceRepairRequest, example)
            .ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Remove == (body.CompleteWith is not null))
        {
            return TtnProblem.InvalidRequest(
                "invalid-request", "remove", "Send either \"remove\": true or \"completeWith\" with the device, not both and not neither.");
        }

        var result = await call.Devices
            .RepairDeviceAsync(call.Caller, deviceId, body.CompleteWith?.ToDefinition(), call.Aborted)
            .ConfigureAwait(false);
        return TenantEndpoint.Answer(result, DeviceRepairResponse.From, EndpointJsonContext.Default.DeviceRepairResponse);
    }

    private static TtnProblem? Number(string? value, string field) =>
        value is null || int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _)
            ? null
            : TtnProblem.InvalidRequest("invalid-request", field, $"\"{field}\" must be a whole number.");

    private static int? Parse(string? value) => value is null ? null : int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
}
