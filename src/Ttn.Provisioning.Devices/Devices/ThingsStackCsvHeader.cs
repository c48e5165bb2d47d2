using nietras.SeparatedValues;

namespace Ttn.Provisioning.Devices;

/// <summary>
/// The header line of a The Things Stack CSV file: the separator it implies, where each known column is, and what is
/// wrong with it. A header with errors means no row is read.
/// </summary>
internal sealed class ThingsStackCsvHeader
{
    private ThingsStackCsvHeader(char separator, int columnCount, int lineNumber)
    {
        Separator = separator;
        ColumnCount = columnCount;
        LineNumber = lineNumber;
    }

    /// <summary>The separator: <c>;</c> when the header line holds one, else <c>,</c> when it holds one, else <c>;</c>.</summary>
    public char Separator { get; }

    /// <summary>The 1-based line that holds the header (empty lines before it are skipped, as TTS skips them).</summary>
    public int LineNumber { get; }

    /// <summary>How many fields the header has; every row must have as many.</summary>
    public int ColumnCount { get; }

    /// <summary>Where each definition field is read from: its 0-based index and the name as the header spells it.</summary>
    public Dictionary<string, (int Index, string Name)> Fields { get; } = new(StringComparer.Ordinal);

    /// <summary>The known columns whose non-empty values make a row an error (ABP and unsupported columns).</summary>
    public List<(int Index, string Name, ThingsStackCsvColumnKind Kind)> Refused { get; } = [];

    /// <summary>Whole-file errors; empty when rows can be read.</summary>
    public List<EndDeviceInputError> Errors { get; } = [];

    /// <summary>The options every part of the file is read with.</summary>
    public SepReaderOptions ReaderOptions => ReaderOptionsFor(Separator);

    /// <summary>Reads the header from the first line that is not blank, leaving the reader at the line after it.</summary>
    public static async Task<ThingsStackCsvHeader> ReadAsync(TextReader text, CancellationToken cancellationToken)
    {
        var lineNumber = 0;
        string? line;
        do
        {
            line = await text.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            lineNumber++;
        }
        while (line is not null && string.IsNullOrWhiteSpace(line));

        return Parse(line, lineNumber);
    }

    private static ThingsStackCsvHeader Parse(string? line, int lineNumber)
    {
        if (line is null)
        {
            var empty = new ThingsStackCsvHeader(';', 0, lineNumber);
            empty.Errors.Add(
                new EndDeviceInputError("The file is empty; The Things Stack CSV starts with a header line that names the columns."));
            return empty;
        }

        // As TTS's importer: ';' if the first line has one, else ',' if it has one, else ';'.
        var separator = line.Contains(';', StringComparison.Ordinal) || !line.Contains(',', StringComparison.Ordinal) ? ';' : ',';
        using var reader = ReaderOptionsFor(separator).FromText(line);
        var names = reader.MoveNext() ? ReadNames(reader.Current) : [];
        var header = new ThingsStackCsvHeader(separator, names.Length, lineNumber);
        header.Locate(names);
        header.CheckRequired();
        return header;
    }

    private static SepReaderOptions ReaderOptionsFor(char separator) => Sep.New(separator).Reader(o => o with
    {
        HasHeader = false,
        DisableColCountCheck = true,
        Unescape = true,
        Trim = SepTrim.Outer,
    });

    private static string[] ReadNames(SepReader.Row row)
    {
        var names = new string[row.ColCount];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = row[i].ToString();
        }

        return names;
    }

    private void Locate(string[] names)
    {
        var known = 0;
        for (var i = 0; i < names.Length; i++)
        {
            if (!ThingsStackCsvColumns.TryFind(names[i], out var column))
            {
                continue; // Unknown columns are ignored, as TTS ignores them.
            }

            known++;
            if (column.Field is not { } field)
            {
                Refused.Add((i, names[i], column.Kind));
            }
            else if (Fields.TryGetValue(field, out var first))
            {
                var message = $"The column gives the same field as column {first.Index + 1} ({first.Name}); keep one of them.";
                Errors.Add(new EndDeviceInputError(message)
                {
                    Field = field,
                    Column = i + 1,
                    ColumnName = names[i],
                });
            }
            else
            {
                Fields[field] = (i, names[i]);
            }
        }

        if (known == 0)
        {
            Errors.Add(
                new EndDeviceInputError("The header names no column of The Things Stack CSV format (such as dev_eui, join_eui, app_key)."));
        }
    }

    private void CheckRequired()
    {
        if (Errors.Count > 0)
        {
            return;
        }

        foreach (var field in ThingsStackCsvColumns.RequiredFields)
        {
            if (!Fields.ContainsKey(field))
            {
                var name = ThingsStackCsvColumns.NameOf(field);
                var message = field == EndDeviceFields.JoinEui
                    ? "The header has no join_eui (or app_eui) column; every OTAA device needs a JoinEUI."
                    : $"The header has no {name} column; every OTAA device needs one.";
                Errors.Add(new EndDeviceInputError(message)
                {
                    Field = field,
                    ColumnName = name,
                });
            }
        }
    }
}
