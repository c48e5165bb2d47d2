using System.Globalization;

namespace Ttn.Provisioning.Devices;

/// <summary>
/// One thing wrong with an end device definition or a line of a CSV file. The message says which rule is broken; it
/// never repeats the value (so a key typed into the wrong column cannot leak through an error).
/// </summary>
public sealed class EndDeviceInputError
{
    internal EndDeviceInputError(string message)
    {
        Message = message;
    }

    /// <summary>What is wrong, in plain words, without the offending value.</summary>
    public string Message { get; }

    /// <summary>
    /// The TTS field the error is about, as TTS names it in its own validation errors (<c>ids.dev_eui</c>,
    /// <c>root_keys.app_key.key</c>, <c>version_ids.brand_id</c>, ...); <see langword="null"/> when the error is
    /// about a whole row or file.
    /// </summary>
    public string? Field { get; internal init; }

    /// <summary>
    /// The 1-based data row of a CSV file, counted as The Things Stack counts it in <c>parse_csv_field</c>: the header
    /// and empty lines are not counted. <see langword="null"/> outside a CSV file and for whole-file errors.
    /// </summary>
    public int? Row { get; internal init; }

    /// <summary>The 1-based column of a CSV file; <see langword="null"/> when the file has no such column.</summary>
    public int? Column { get; internal init; }

    /// <summary>The CSV column name as the header spells it (for example <c>app_eui</c>), or the name it would have.</summary>
    public string? ColumnName { get; internal init; }

    /// <summary>The same error placed at a row and column of a CSV file (or of a sequence of definitions).</summary>
    internal EndDeviceInputError At(int? row, int? column, string? columnName) =>
        new(Message) { Field = Field, Row = row, Column = column, ColumnName = columnName };

    /// <summary>Where the error is, then what it is: <c>row 3, column 2 (dev_eui): ...</c>.</summary>
    /// <returns>The position and the message.</returns>
    public override string ToString()
    {
        var position = (Row, Column) switch
        {
            ({ } row, { } column) => string.Create(CultureInfo.InvariantCulture, $"row {row}, column {column}"),
            ({ } row, null) => string.Create(CultureInfo.InvariantCulture, $"row {row}"),
            (null, { } column) => string.Create(CultureInfo.InvariantCulture, $"column {column}"),
            _ => null,
        };
        var name = ColumnName ?? Field;
        var where = (position, name) switch
        {
            (null, null) => null,
            (null, _) => name,
            (_, null) => position,
            _ => $"{position} ({name})",
        };
        return where is null ? Message : $"{where}: {Message}";
    }
}
