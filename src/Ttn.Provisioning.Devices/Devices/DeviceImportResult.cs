using System.Globalization;

namespace Ttn.Provisioning.Devices;

/// <summary>
/// The result of a device import: every row's validation errors (when any row was invalid nothing was sent), or every
/// row's outcome, with counts.
/// </summary>
/// <remarks>
/// Outcome: Succeeded when every row was tried (rows may still have failed: see the counts), or, for a dry run, when
/// every row is valid; Failed when a row is invalid (see <see cref="ValidationErrors"/>), the job belongs to other
/// devices, or the tenant's device limit would be exceeded; AlreadyInProgress when another run holds the job; Denied,
/// NotConfigured.
/// </remarks>
public sealed class DeviceImportResult : OperationResult
{
    internal DeviceImportResult()
    {
    }

    /// <summary>The job's id: run the import again with it to continue after a crash.</summary>
    public string? JobId { get; internal init; }

    /// <summary>Whether this was a dry run (validation only).</summary>
    public bool IsDryRun { get; internal init; }

    /// <summary>Every error found in the input, each with its row and column and never a key's value.</summary>
    public IReadOnlyList<EndDeviceInputError> ValidationErrors { get; internal init; } = [];

    /// <summary>The rows of the input.</summary>
    public int TotalRows { get; internal init; }

    /// <summary>Every row's outcome, in row order (this run's and earlier runs' of the job).</summary>
    public IReadOnlyList<DeviceImportRow> Rows { get; internal init; } = [];

    /// <summary>Rows whose device was registered.</summary>
    public int Registered => Count(DeviceOutcome.Registered);

    /// <summary>Rows whose device was already registered with the same EUIs.</summary>
    public int AlreadyPresent => Count(DeviceOutcome.AlreadyPresent);

    /// <summary>Rows refused because another device holds the id or the EUIs.</summary>
    public int Conflicts => Count(DeviceOutcome.Conflict);

    /// <summary>Rows whose registration failed and was rolled back.</summary>
    public int RolledBack => Count(DeviceOutcome.RolledBack);

    /// <summary>Rows that failed (before anything was created, or with a roll-back that could not finish).</summary>
    public int Failed => Count(DeviceOutcome.Failed);

    /// <summary>Rows an earlier run of the same job had already registered, which this run skipped.</summary>
    public int ResumedRows { get; internal init; }

    /// <summary>How long this run took.</summary>
    public TimeSpan Elapsed { get; internal init; }

    /// <summary>Rows this run finished per second.</summary>
    public double DevicesPerSecond { get; internal init; }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{base.ToString()}: job {JobId ?? "-"}, {TotalRows} rows: {Registered} registered, {AlreadyPresent} already present, "
        + $"{Conflicts} conflicts, {RolledBack} rolled back, {Failed} failed, {ValidationErrors.Count} validation errors");

    private int Count(DeviceOutcome outcome) => Rows.Count(r => r.Outcome == outcome);
}
