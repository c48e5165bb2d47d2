using System.Globalization;

namespace Ttn.Provisioning.Devices;

/// <summary>One data row of a The Things Stack CSV file: a normalised definition, or every error found in the row.</summary>
public sealed class ThingsStackCsvRow
{
    internal ThingsStackCsvRow(int rowNumber, int lineNumber)
    {
        RowNumber = rowNumber;
        LineNumber = lineNumber;
    }

    /// <summary>
    /// The 1-based data row, counted as The Things Stack counts it (<c>parse_csv_field</c>'s <c>line</c>): the header
    /// and empty lines are not counted.
    /// </summary>
    public int RowNumber { get; }

    /// <summary>The 1-based line of the file where the row starts (the header is line 1), for a text editor.</summary>
    public int LineNumber { get; }

    /// <summary>The normalised, valid definition; <see langword="null"/> when the row has errors.</summary>
    public EndDeviceDefinition? Definition { get; internal init; }

    /// <summary>Every error in the row, each with its row, column and column name; empty when the row is valid.</summary>
    public IReadOnlyList<EndDeviceInputError> Errors { get; internal init; } = [];

    /// <summary>Whether the row is valid (and <see cref="Definition"/> is set).</summary>
    public bool IsValid => Definition is not null;

    /// <summary>The row and line, then the definition (its keys only as set or not) or the number of errors; never a key.</summary>
    public override string ToString() => Definition is { } definition
        ? string.Create(CultureInfo.InvariantCulture, $"row {RowNumber} (line {LineNumber}): {definition}")
        : string.Create(CultureInfo.InvariantCulture, $"row {RowNumber} (line {LineNumber}): {Errors.Count} errors");
}
