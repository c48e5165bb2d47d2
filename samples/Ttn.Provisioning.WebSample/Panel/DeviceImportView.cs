using System.Globalization;
using Ttn.Provisioning.Devices;

namespace Ttn.Provisioning.WebSample.Panel;

/// <summary>One row of an imported file as the panel shows it: its number in the file, the device, what happened and why.</summary>
public sealed record ImportRowView(int Row, string DeviceId, string Outcome, string? Reason);

/// <summary>
/// What the panel shows after a CSV import: a result per row of the file (invalid rows with their reason, never a key's
/// value), the rows finished of the file's rows for the progress bar, and the library's last progress report.
/// </summary>
public sealed record DeviceImportView(bool DryRun, IReadOnlyList<ImportRowView> Rows, int TotalRows, IReadOnlyList<string> FileErrors)
{
    /// <summary>The library's last progress report, in its words (null when nothing was registered).</summary>
    public string? LastProgress { get; init; }

    /// <summary>Rows with a result: the value of the progress bar.</summary>
    public int Finished => Rows.Count;

    /// <summary>The counts by outcome, for the summary line.</summary>
    public string Summary => string.Join(", ", Rows.GroupBy(r => r.Outcome).OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}")));
}

/// <summary>Keeps the most advanced progress report an import gives (reports may come from several threads).</summary>
public sealed class LastProgress : IProgress<DeviceImportProgress>
{
    private readonly Lock _gate = new();

    /// <summary>The report with the most rows finished so far.</summary>
    public DeviceImportProgress? Value { get; private set; }

    public void Report(DeviceImportProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            if (Value is null || value.Done + value.Failed >= Value.Done + Value.Failed)
            {
                Value = value;
            }
        }
    }
}
