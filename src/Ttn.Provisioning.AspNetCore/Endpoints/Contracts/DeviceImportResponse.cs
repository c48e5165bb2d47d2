using Ttn.Provisioning.Devices;

namespace Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

/// <summary>
/// The answer of <c>POST …/devices/import</c>: the job id (send it again to continue after an interruption), the counts, and
/// every row's outcome. A conflicting or failed row is a row of the answer, not an error of the request. Never a key.
/// </summary>
internal sealed class DeviceImportResponse : OperationResponse
{
    private DeviceImportResponse(DeviceImportResult result)
        : base(result)
    {
        JobId = result.JobId;
        IsDryRun = result.IsDryRun;
        TotalRows = result.TotalRows;
        Registered = result.Registered;
        AlreadyPresent = result.AlreadyPresent;
        Conflicts = result.Conflicts;
        RolledBack = result.RolledBack;
        Failed = result.Failed;
        ResumedRows = result.ResumedRows;
        DevicesPerSecond = Math.Round(result.DevicesPerSecond, 2);
        Rows = result.Rows.Select(ImportRowView.From).ToArray();
        ValidationErrors = result.ValidationErrors.Select(InputErrorView.From).ToArray();
    }

    public string? JobId { get; }

    public bool IsDryRun { get; }

    public int TotalRows { get; }

    public int Registered { get; }

    public int AlreadyPresent { get; }

    public int Conflicts { get; }

    public int RolledBack { get; }

    public int Failed { get; }

    /// <summary>Rows an earlier run of the same job had registered, which this run skipped.</summary>
    public int ResumedRows { get; }

    public double DevicesPerSecond { get; }

    public IReadOnlyList<ImportRowView> Rows { get; }

    /// <summary>Every error found in the file (when there is one, nothing was sent to The Things Stack).</summary>
    public IReadOnlyList<InputErrorView> ValidationErrors { get; }

    public static DeviceImportResponse From(DeviceImportResult result) => new(result);
}

/// <summary>
/// One row's outcome (<c>Registered</c>, <c>AlreadyPresent</c>, <c>Conflict</c>, <c>RolledBack</c> or <c>Failed</c>) and why.
/// </summary>
internal sealed record ImportRowView(int Row, string DeviceId, string Outcome, bool Succeeded, string? Reason)
{
    public static ImportRowView From(DeviceImportRow row) => new(row.Row, row.DeviceId, row.Outcome.ToString(), row.Succeeded, row.Reason);
}

/// <summary>One thing wrong with the file: where (row and column as The Things Stack counts them) and what; never the value.</summary>
internal sealed record InputErrorView(int? Row, int? Column, string? ColumnName, string? Field, string Message)
{
    public static InputErrorView From(EndDeviceInputError error) =>
        new(error.Row, error.Column, error.ColumnName, error.Field, error.Message);
}
