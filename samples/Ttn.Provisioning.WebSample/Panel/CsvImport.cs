using Ttn.Provisioning.Devices;

namespace Ttn.Provisioning.WebSample.Panel;

/// <summary>
/// The panel's CSV import: the sample reads the file with the library's <see cref="ThingsStackCsvReader"/>, lists the rows
/// it cannot read (with the reason, never a key), and imports the rest as one job, so a visitor sees a result for every
/// row. (The library's CSV overload refuses the whole file when a row is invalid; the sample chooses to go on without it.)
/// </summary>
public static class CsvImport
{
    /// <summary>The largest file the sample takes.</summary>
    public const long MaxBytes = 1024 * 1024;

    /// <summary>
    /// Reads the file and imports its valid rows; the result is null when the library was not asked. <paramref name="progress"/>
    /// is the <see cref="DeviceImportOptions.Progress"/> of <paramref name="options"/>.
    /// </summary>
    public static async Task<(DeviceImportResult? Result, DeviceImportView View)> RunAsync(
        IDeviceService devices,
        ProvisioningCaller caller,
        Stream csv,
        DeviceImportOptions options,
        LastProgress progress,
        CancellationToken cancellationToken)
    {
        var file = await ThingsStackCsvReader.ReadAllAsync(csv, cancellationToken);
        var rows = file.Rows.Where(r => !r.IsValid)
            .Select(r => new ImportRowView(r.RowNumber, "-", "invalid", string.Join("; ", r.Errors.Select(e => e.Message))))
            .ToList();
        var valid = file.Rows.Where(r => r.IsValid).ToList();
        var fileErrors = file.FileErrors.Select(e => e.ToString()).ToList();
        if (fileErrors.Count > 0 || valid.Count == 0)
        {
            return (null, new DeviceImportView(options.DryRun, Ordered(rows), file.Rows.Count, fileErrors));
        }

        var result = await devices.ImportDevicesAsync(caller, valid.Select(r => r.Definition!), options, cancellationToken);
        // The library numbers the rows it was given from 1: back to the file's row numbers.
        int FileRow(int? given) => given is { } n && n >= 1 && n <= valid.Count ? valid[n - 1].RowNumber : 0;
        var answered = new HashSet<int>();
        foreach (var error in result.ValidationErrors.Where(e => e.Row is not null))
        {
            answered.Add(FileRow(error.Row));
            rows.Add(new ImportRowView(FileRow(error.Row), IdOf(valid[error.Row!.Value - 1].Definition!), "invalid",
                error.Message));
        }

        foreach (var row in result.Rows)
        {
            answered.Add(FileRow(row.Row));
            rows.Add(new ImportRowView(FileRow(row.Row), row.DeviceId, Describe(row.Outcome), row.Reason));
        }

        var waiting = result.IsDryRun && result.Outcome == ProvisioningOutcome.Succeeded ? "valid (dry run: not sent)" : "not sent";
        rows.AddRange(valid.Where(r => !answered.Contains(r.RowNumber))
            .Select(r => new ImportRowView(r.RowNumber, IdOf(r.Definition!), waiting, null)));
        return (result, new DeviceImportView(options.DryRun, Ordered(rows), file.Rows.Count, fileErrors)
        {
            LastProgress = progress.Value?.ToString(),
        });
    }

    /// <summary>An outcome in the panel's words.</summary>
    public static string Describe(DeviceOutcome outcome) => outcome switch
    {
        DeviceOutcome.Registered => "registered",
        DeviceOutcome.AlreadyPresent => "already present",
        DeviceOutcome.Conflict => "conflict",
        DeviceOutcome.RolledBack => "rolled back",
        _ => "failed",
    };

    /// <summary>The device id, or the one the library derives from the DevEUI when the row has none.</summary>
    private static string IdOf(EndDeviceDefinition device) => device.DeviceId ?? $"eui-{device.DevEui.ToLowerInvariant()}";

    private static List<ImportRowView> Ordered(List<ImportRowView> rows) => [.. rows.OrderBy(r => r.Row)];
}
