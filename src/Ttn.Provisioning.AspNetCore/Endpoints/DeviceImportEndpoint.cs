using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Ttn.Provisioning.AspNetCore.Endpoints.Contracts;
using Ttn.Provisioning.Devices;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>
/// <c>POST {prefix}/tenants/{tenant}/devices/import</c> (owner, admin and manager by default): a file in The Things Stack CSV
/// format as the body (<c>text/csv</c>) or as the file of a <c>multipart/form-data</c> form. Every row is validated before any
/// request (an invalid row is 400 invalid-rows, nothing sent); then the devices are registered as a job whose id the answer
/// gives, with every row's outcome (a conflicting row is a row of the answer, not an error). AppKeys are never echoed. The
/// import is paced and spread as <see cref="TtnEndpointOptions.ImportMaxRequestsPerSecond"/> and
/// <see cref="TtnEndpointOptions.ImportMaxConcurrency"/> say.
/// </summary>
internal static class DeviceImportEndpoint
{
    public static void Map(RouteGroupBuilder tenants, TtnEndpointOptions pace) =>
        tenants
            .MapPost(
                "/devices/import",
                (
                    string tenant,
                    string? jobId,
                    string? dryRun,
                    string? frequencyPlanId,
                    string? lorawanVersion,
                    string? lorawanPhyVersion,
                    HttpContext http) => TenantEndpoint.RunAsync(http, tenant, async call =>
                    {
                        if (!TryFlag(dryRun, out var isDryRun))
                        {
                            return TtnProblem.InvalidRequest("invalid-request", "dryRun", "\"dryRun\" must be true or false.");
                        }

                        var options = new DeviceImportOptions
                        {
                            MaxConcurrency = pace.ImportMaxConcurrency,
                            MaxRequestsPerSecond = pace.ImportMaxRequestsPerSecond,
                            JobId = jobId,
                            DryRun = isDryRun,
                            FrequencyPlanId = frequencyPlanId,
                            LorawanVersion = lorawanVersion,
                            LorawanPhyVersion = lorawanPhyVersion,
                        };
                        return await ImportAsync(call, options).ConfigureAwait(false);
                    }))
            .AcceptsCsv()
            .Describe<DeviceImportResponse>(
                "TtnImportDevices",
                "Imports devices from a file in The Things Stack CSV format.",
                "Body: the file as text/csv, or the field \"file\" of a multipart/form-data form (at most "
                    + $"{CsvBody.MaxBytes / (1024 * 1024)} MiB). Query: jobId (send the same id and file again to continue an "
                    + "interrupted import), dryRun=true (validate only), and frequencyPlanId, lorawanVersion, lorawanPhyVersion for "
                    + "rows that name none. Answers the job id, the counts and every row's outcome; an invalid row is 400 invalid-rows "
                    + "with every error's row and column, and nothing is sent. Keys are never echoed.",
                EndpointConventions.BodyProblems);

    private static async Task<IResult> ImportAsync(TenantCall call, DeviceImportOptions options)
    {
        var (csv, problem) = await CsvBody.ReadAsync(call.Http).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        await using (csv!.ConfigureAwait(false))
        {
            var result = await call.Devices.ImportDevicesAsync(call.Caller, csv!, options, call.Aborted).ConfigureAwait(false);
            return DeviceAnswers.Import(result);
        }
    }

    private static bool TryFlag(string? value, out bool flag)
    {
        flag = false;
        return value is null || bool.TryParse(value, out flag);
    }
}
