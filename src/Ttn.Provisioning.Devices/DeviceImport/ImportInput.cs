using System.Security.Cryptography;
using System.Text;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Operations;

namespace Ttn.Provisioning.DeviceImport;

/// <summary>One row of an import, ready to register.</summary>
/// <param name="Row">The row's 1-based number.</param>
/// <param name="Device">The normalised definition, with the import's defaults applied.</param>
internal sealed record ImportRow(int Row, EndDeviceDefinition Device);

/// <summary>
/// An import's input, read whole and validated before anything is sent: every row ready to register, or every error
/// (with its row and column, never a key's value). Device ids and DevEUI/JoinEUI pairs must be unique in the input.
/// </summary>
internal sealed class ImportInput
{
    private ImportInput(IReadOnlyList<ImportRow> rows, IReadOnlyList<EndDeviceInputError> errors)
    {
        Rows = rows;
        Errors = errors;
    }

    /// <summary>The rows, in order; complete only when <see cref="Errors"/> is empty.</summary>
    public IReadOnlyList<ImportRow> Rows { get; }

    /// <summary>Every error found.</summary>
    public IReadOnlyList<EndDeviceInputError> Errors { get; }

    /// <summary>How many rows the input has, valid or not.</summary>
    public int TotalRows { get; private init; }

    /// <summary>Reads a The Things Stack CSV file.</summary>
    public static async Task<ImportInput> ReadAsync(Stream csv, DeviceImportOptions options, CancellationToken cancellationToken)
    {
        var file = await ThingsStackCsvReader.ReadAllAsync(csv, cancellationToken).ConfigureAwait(false);
        var builder = new Builder(options);
        builder.Errors.AddRange(file.FileErrors);
        foreach (var row in file.Rows)
        {
            if (row.Definition is { } device)
            {
                builder.Add(row.RowNumber, device);
            }
            else
            {
                builder.Errors.AddRange(row.Errors);
                builder.Total++;
            }
        }

        return builder.Build();
    }

    /// <summary>Reads definitions, numbered from 1.</summary>
    public static async Task<ImportInput> ReadAsync(
        IAsyncEnumerable<EndDeviceDefinition> devices, DeviceImportOptions options, CancellationToken cancellationToken)
    {
        var builder = new Builder(options);
        await foreach (var device in devices.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            builder.Add(builder.Total + 1, device ?? throw new ArgumentException("A device definition is null.", nameof(devices)));
        }

        return builder.Build();
    }

    /// <summary>
    /// A hash of the rows' device ids and EUIs in order (never of a key): a job run again must import the same devices.
    /// </summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var row in Rows)
        {
            text.Append(row.Row).Append('|').Append(row.Device.DeviceId).Append('|')
                .Append(row.Device.DevEui).Append('|').Append(row.Device.JoinEui).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private sealed class Builder(DeviceImportOptions options)
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, string), int> _euis = [];

        public List<EndDeviceInputError> Errors { get; } = [];

        public List<ImportRow> Rows { get; } = [];

        public int Total { get; set; }

        public void Add(int rowNumber, EndDeviceDefinition device)
        {
            Total++;
            var (prepared, errors) = DeviceDefinitions.Prepare(device, options);
            if (prepared is null)
            {
                Errors.AddRange(errors.Select(e => e.At(rowNumber, e.Column, e.ColumnName)));
                return;
            }

            if (_ids.TryGetValue(prepared.DeviceId!, out var earlier))
            {
                Errors.Add(Duplicate(rowNumber, "ids.device_id", $"The device id is also on row {earlier}."));
            }
            else if (_euis.TryGetValue((prepared.DevEui, prepared.JoinEui), out earlier))
            {
                Errors.Add(Duplicate(rowNumber, "ids.dev_eui", $"The DevEUI/JoinEUI pair is also on row {earlier}."));
            }
            else
            {
                _ids[prepared.DeviceId!] = rowNumber;
                _euis[(prepared.DevEui, prepared.JoinEui)] = rowNumber;
                Rows.Add(new ImportRow(rowNumber, prepared));
            }
        }

        public ImportInput Build() => new(Rows, Errors) { TotalRows = Total };

        private static EndDeviceInputError Duplicate(int row, string field, string message) =>
            new(message) { Row = row, Field = field };
    }
}
