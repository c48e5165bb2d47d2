using nietras.SeparatedValues;

namespace Ttn.Provisioning.Devices;

/// <summary>
/// Turns the rows of one file into definitions or errors, numbering them as TTS does and remembering device ids and
/// EUI pairs to find repeats within the file.
/// </summary>
internal sealed class ThingsStackCsvRowParser(ThingsStackCsvHeader header)
{
    private readonly Dictionary<string, int> _rowByDeviceId = new(StringComparer.Ordinal);
    private readonly Dictionary<(string JoinEui, string DevEui), int> _rowByEuis = [];
    private int _rowNumber;

    /// <summary>The number the next data row gets.</summary>
    public int NextRowNumber => _rowNumber + 1;

    /// <summary>
    /// Reads one row. Returns <see langword="null"/> for an empty line (not counted, as TTS's reader skips it) and for
    /// a row whose fields are all empty (counted, since TTS counts it, but it describes no device).
    /// </summary>
    public ThingsStackCsvRow? Read(SepReader.Row row, int lineNumber)
    {
        // Sep toggles quoting at every quote, so a row only ends inside quotes at the end of the file. The row's raw
        // text must be looked at before any column is, since Sep unescapes columns in place.
        var unclosedQuote = row.Span.Count('"') % 2 == 1;
        if (!unclosedQuote && row.ColCount == 1 && row[0].Span.IsWhiteSpace())
        {
            return null;
        }

        var rowNumber = ++_rowNumber;
        if (unclosedQuote)
        {
            return Invalid(rowNumber, lineNumber, [new EndDeviceInputError(
                "A quote in this row is never closed, so the rest of the file was read as part of the row.") { Row = rowNumber }]);
        }

        if (row.ColCount != header.ColumnCount)
        {
            return Invalid(rowNumber, lineNumber, [new EndDeviceInputError(
                $"The row has {row.ColCount} fields but the header has {header.ColumnCount}; look for a missing or extra separator.")
            {
                Row = rowNumber,
            }]);
        }

        if (AllEmpty(row))
        {
            return null;
        }

        var errors = new List<EndDeviceInputError>();
        foreach (var (index, name, kind) in header.Refused)
        {
            if (!row[index].Span.IsWhiteSpace())
            {
                var message = kind == ThingsStackCsvColumnKind.Abp
                    ? "ABP (activation by personalisation) is not supported; register the device for OTAA with an "
                        + "app_key and leave the session columns empty."
                    : "This importer does not support the column; leave it empty.";
                errors.Add(new EndDeviceInputError(message)
                {
                    Row = rowNumber,
                    Column = index + 1,
                    ColumnName = name,
                });
            }
        }

        var given = ToDefinition(row);
        var validation = EndDeviceValidator.Validate(given);
        foreach (var error in validation.Errors)
        {
            errors.Add(Locate(error, rowNumber));
        }

        if (validation.Definition is { } definition && errors.Count == 0)
        {
            CheckRepeats(definition, idDerived: given.DeviceId is null, rowNumber, errors);
        }

        return errors.Count == 0
            ? new ThingsStackCsvRow(rowNumber, lineNumber) { Definition = validation.Definition }
            : Invalid(rowNumber, lineNumber, [.. errors.OrderBy(e => e.Column ?? int.MaxValue)]);
    }

    private static ThingsStackCsvRow Invalid(int rowNumber, int lineNumber, IReadOnlyList<EndDeviceInputError> errors)
        => new(rowNumber, lineNumber) { Errors = errors };

    private static bool AllEmpty(SepReader.Row row)
    {
        for (var i = 0; i < row.ColCount; i++)
        {
            if (!row[i].Span.IsWhiteSpace())
            {
                return false;
            }
        }

        return true;
    }

    private EndDeviceDefinition ToDefinition(SepReader.Row row)
    {
        return new EndDeviceDefinition
        {
            DeviceId = Value(row, EndDeviceFields.DeviceId),
            DevEui = Value(row, EndDeviceFields.DevEui) ?? string.Empty,
            JoinEui = Value(row, EndDeviceFields.JoinEui) ?? string.Empty,
            AppKey = Value(row, EndDeviceFields.AppKey),
            NwkKey = Value(row, EndDeviceFields.NwkKey),
            LorawanVersion = Value(row, EndDeviceFields.LorawanVersion),
            LorawanPhyVersion = Value(row, EndDeviceFields.LorawanPhyVersion),
            FrequencyPlanId = Value(row, EndDeviceFields.FrequencyPlanId),
            Name = Value(row, EndDeviceFields.Name),
            Description = Value(row, EndDeviceFields.Description),
            VersionIds = new EndDeviceVersionIds
            {
                BrandId = Value(row, EndDeviceFields.BrandId),
                ModelId = Value(row, EndDeviceFields.ModelId),
                HardwareVersion = Value(row, EndDeviceFields.HardwareVersion),
                FirmwareVersion = Value(row, EndDeviceFields.FirmwareVersion),
                BandId = Value(row, EndDeviceFields.BandId),
            },
        };
    }

    private string? Value(SepReader.Row row, string field)
    {
        if (!header.Fields.TryGetValue(field, out var column))
        {
            return null;
        }

        var span = row[column.Index].Span;
        return span.IsWhiteSpace() ? null : span.ToString();
    }

    private EndDeviceInputError Locate(EndDeviceInputError error, int rowNumber)
    {
        if (error.Field is { } field && header.Fields.TryGetValue(field, out var column))
        {
            return error.At(rowNumber, column.Index + 1, column.Name);
        }

        return error.At(rowNumber, error.Column, error.Field is null ? null : ThingsStackCsvColumns.NameOf(error.Field));
    }

    private void CheckRepeats(EndDeviceDefinition definition, bool idDerived, int rowNumber, List<EndDeviceInputError> errors)
    {
        if (_rowByDeviceId.TryGetValue(definition.DeviceId!, out var first))
        {
            // A derived id comes from the DevEUI, so the error points at the DevEUI's column.
            var message = idDerived
                ? $"The device id derived from the DevEUI repeats row {first}; a device id is unique within an application."
                : $"The device id repeats row {first}; a device id is unique within an application.";
            errors.Add(Locate(new EndDeviceInputError(message)
            {
                Field = idDerived ? EndDeviceFields.DevEui : EndDeviceFields.DeviceId,
            }, rowNumber));
        }

        if (_rowByEuis.TryGetValue((definition.JoinEui, definition.DevEui), out first))
        {
            errors.Add(Locate(
                new EndDeviceInputError($"The DevEUI and JoinEUI pair repeats row {first}; The Things Stack registers each pair once.")
                {
                    Field = EndDeviceFields.DevEui,
                },
                rowNumber));
        }

        if (errors.Count == 0)
        {
            _rowByDeviceId[definition.DeviceId!] = rowNumber;
            _rowByEuis[(definition.JoinEui, definition.DevEui)] = rowNumber;
        }
    }
}
