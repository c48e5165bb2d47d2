using System.Security.Cryptography;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;

namespace Ttn.Provisioning.Sample;

/// <summary>
/// <c>--import-devices PATH</c>: provisions the sample tenant (or finds it Ready) and imports a The Things Stack CSV file
/// into its application, printing one line per row as it ends and a summary. The job id is derived from the file's
/// content, so running the command again after an interruption continues the same job.
/// </summary>
internal static class DeviceImportCommand
{
    /// <summary>Runs the import; 0 when every row's device is registered, 1 otherwise.</summary>
    public static async Task<int> RunAsync(SampleEnvironment env, SampleSettings settings, string path)
    {
        var owner = new ProvisioningCaller(settings.TenantId, "alice", TenantRole.Owner);
        var ready = await env.Service.ProvisionAsync(owner);
        if (!ready.IsReady)
        {
            Console.WriteLine($"Tenant '{settings.TenantId}' is not Ready: {ready.Outcome} {ready.Error?.Message}");
            return 1;
        }

        await using var file = File.OpenRead(path);
        var jobId = "sample-" + Convert.ToHexStringLower(await SHA256.HashDataAsync(file))[..16];
        file.Position = 0;
        Console.WriteLine($"Importing {path} into application {ready.ApplicationId} of tenant '{settings.TenantId}' as job {jobId}");
        var options = new DeviceImportOptions { JobId = jobId, Progress = new RowPrinter() };
        var result = await env.Devices.ImportDevicesAsync(owner, file, options);

        foreach (var error in result.ValidationErrors)
        {
            Console.WriteLine($"invalid: {error}");
        }

        if (result.ResumedRows > 0)
        {
            Console.WriteLine($"{result.ResumedRows} row(s) were registered by an earlier run of job {jobId}.");
        }

        Console.WriteLine(result.Error is null ? result.ToString() : $"{result}: {result.Error.Message}");
        var registered = result.Outcome == ProvisioningOutcome.Succeeded && result.Rows.All(r => r.Succeeded);
        return registered && result.ValidationErrors.Count == 0 ? 0 : 1;
    }

    /// <summary>One line per row as it ends, with the counts so far.</summary>
    private sealed class RowPrinter : IProgress<DeviceImportProgress>
    {
        private readonly Lock _gate = new();

        public void Report(DeviceImportProgress value)
        {
            if (value.LastRow is not { } row)
            {
                return;
            }

            lock (_gate)
            {
                Console.WriteLine($"row {row.Row}: {row.DeviceId}: {row.Outcome}{(row.Reason is null ? "" : $": {row.Reason}")} ({value})");
            }
        }
    }
}
