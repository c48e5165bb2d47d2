using System.Globalization;

namespace Ttn.Provisioning.Devices;

/// <summary>A whole The Things Stack CSV file, read and validated: see <see cref="ThingsStackCsvReader.ReadAllAsync"/>.</summary>
public sealed class ThingsStackCsvReadResult
{
    internal ThingsStackCsvReadResult()
    {
    }

    /// <summary>Errors about the file as a whole (empty file, unusable header); when there are any, no row was read.</summary>
    public IReadOnlyList<EndDeviceInputError> FileErrors { get; internal init; } = [];

    /// <summary>Every data row in file order, valid or not. Empty lines and rows with only empty fields are left out.</summary>
    public IReadOnlyList<ThingsStackCsvRow> Rows { get; internal init; } = [];

    /// <summary>Whether the file has no whole-file error and every row is valid.</summary>
    public bool IsValid => FileErrors.Count == 0 && Rows.All(r => r.IsValid);

    /// <summary>How many rows were read and how many are invalid, and the number of whole-file errors.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Rows.Count} rows, {Rows.Count(r => !r.IsValid)} invalid, {FileErrors.Count} file errors");
}
