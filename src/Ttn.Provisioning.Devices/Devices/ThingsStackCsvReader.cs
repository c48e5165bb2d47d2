using System.Runtime.CompilerServices;
using System.Text;
using nietras.SeparatedValues;

namespace Ttn.Provisioning.Devices;

/// <summary>
/// Reads end devices from a file in <b>The Things Stack CSV</b> format, the format of TTS's own importer
/// (<c>pkg/devicetemplates/ttscsv.go</c>): UTF-8 with an optional BOM; a header line naming the columns (unknown
/// columns are ignored, names match without regard to case, <c>app_eui</c> is an alias of <c>join_eui</c>); separator
/// <c>;</c> when the header line holds one, else <c>,</c>; RFC 4180 quotes; blank lines skipped. Parsing is done by
/// the Sep library.
/// </summary>
/// <remarks>
/// <para>
/// Every row becomes a <see cref="ThingsStackCsvRow"/>: a definition checked by <see cref="EndDeviceValidator"/>, or its
/// errors with row and column numbers as TTS reports them. A device id repeated within the file, or a DevEUI/JoinEUI
/// pair repeated within it, is an error on the later row, which names the earlier one. ABP rows (non-empty
/// <c>dev_addr</c>, session key or frame counter columns) are errors ("ABP is not supported"), as are non-empty values
/// in columns TTS knows but a definition cannot carry (<c>vendor_id</c>, <c>vendor_profile_id</c>, <c>rx1_delay</c>,
/// <c>supports_32_bit_f_cnt</c>, <c>supports_class_c</c>), so nothing in the file is silently dropped.
/// </para>
/// <para>
/// Where this reader differs from TTS's: spaces are trimmed from both ends of an unquoted field (TTS trims leading
/// whitespace only; quoted content is kept as is); a row with a different number of fields than the header fails that
/// row (TTS fails the file); a quote never closed fails the row that opens it; the header must be one physical line;
/// a header without <c>dev_eui</c>, <c>join_eui</c> (or <c>app_eui</c>) and <c>app_key</c> is a whole-file error,
/// since no row of it could be registered.
/// </para>
/// <para>
/// Rows are read one at a time, with a read-ahead buffer of some tens of kilobytes; the reader keeps only the device
/// ids and EUI pairs seen so far. Use
/// <see cref="OpenAsync"/> and <see cref="ReadRowsAsync"/> to stream a large file, or <see cref="ReadAllAsync"/> to
/// read and validate a whole file before doing anything with it. The reader never closes the caller's stream.
/// </para>
/// </remarks>
public sealed class ThingsStackCsvReader : IDisposable
{
    private static readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly StreamReader _text;
    private readonly SepReader? _sep;
    private readonly ThingsStackCsvHeader _header;
    private bool _started;

    private ThingsStackCsvReader(StreamReader text, SepReader? sep, ThingsStackCsvHeader header)
    {
        _text = text;
        _sep = sep;
        _header = header;
    }

    /// <summary>The separator found in the header line: <c>;</c> or <c>,</c>.</summary>
    public char Separator => _header.Separator;

    /// <summary>
    /// Errors about the file as a whole: empty file, no known column, a field given by two columns, or a required column
    /// (<c>dev_eui</c>, <c>join_eui</c>/<c>app_eui</c>, <c>app_key</c>) missing. When there are any, there are no rows.
    /// </summary>
    public IReadOnlyList<EndDeviceInputError> FileErrors => _header.Errors;

    /// <summary>Reads the header line and prepares to read rows.</summary>
    /// <param name="csv">The file; read from its current position and left open.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A reader; check <see cref="FileErrors"/> before reading rows.</returns>
    public static async Task<ThingsStackCsvReader> OpenAsync(Stream csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var text = new StreamReader(csv, _utf8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024, leaveOpen: true);
        try
        {
            var header = await ThingsStackCsvHeader.ReadAsync(text, cancellationToken).ConfigureAwait(false);
            SepReader? sep = null;
            if (header.Errors.Count == 0)
            {
                try
                {
                    // Sep reads the first row here already.
                    sep = await header.ReaderOptions.FromAsync(text, leaveOpen: true, cancellationToken).ConfigureAwait(false);
                }
                catch (NotSupportedException)
                {
                    // The first row is too long for Sep; ReadRowsAsync reports it (a reader with no Sep and no errors).
                }
            }

            return new ThingsStackCsvReader(text, sep, header);
        }
        catch
        {
            text.Dispose();
            throw;
        }
    }

    /// <summary>Reads and validates a whole file, keeping every row.</summary>
    /// <param name="csv">The file; read from its current position and left open.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The whole-file errors and every row.</returns>
    public static async Task<ThingsStackCsvReadResult> ReadAllAsync(Stream csv, CancellationToken cancellationToken = default)
    {
        using var reader = await OpenAsync(csv, cancellationToken).ConfigureAwait(false);
        var rows = new List<ThingsStackCsvRow>();
        await foreach (var row in reader.ReadRowsAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return new ThingsStackCsvReadResult { FileErrors = reader.FileErrors, Rows = rows };
    }

    /// <summary>
    /// Reads the rows one at a time, in file order. Empty lines and rows whose fields are all empty are skipped. Yields
    /// nothing when <see cref="FileErrors"/> is not empty. Can be enumerated once.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows.</returns>
    /// <exception cref="InvalidOperationException">The rows were already enumerated.</exception>
    public IAsyncEnumerable<ThingsStackCsvRow> ReadRowsAsync(CancellationToken cancellationToken = default)
    {
        if (_started)
        {
            throw new InvalidOperationException("The rows of a ThingsStackCsvReader can be read once.");
        }

        _started = true;
        return ReadRowsCoreAsync(cancellationToken);
    }

    /// <summary>Releases the reader's buffers. The caller's stream stays open.</summary>
    public void Dispose()
    {
        _sep?.Dispose();
        _text.Dispose();
    }

    private async IAsyncEnumerable<ThingsStackCsvRow> ReadRowsCoreAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_header.Errors.Count > 0)
        {
            yield break;
        }

        var parser = new ThingsStackCsvRowParser(_header);
        var nextLine = _header.LineNumber + 1;
        var tooLong = _sep is null;
        while (!tooLong)
        {
            bool more;
            try
            {
                more = await _sep!.MoveNextAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (NotSupportedException)
            {
                // Sep refuses a row longer than 16 Mi characters: in practice a quote that is never closed.
                more = false;
                tooLong = true;
            }

            if (!more)
            {
                break;
            }

            if (Read(_sep!, parser, _header.LineNumber, ref nextLine) is { } row)
            {
                yield return row;
            }
        }

        if (tooLong)
        {
            yield return TooLong(parser.NextRowNumber, nextLine);
        }
    }

    private static ThingsStackCsvRow? Read(SepReader sep, ThingsStackCsvRowParser parser, int headerLine, ref int nextLine)
    {
        var row = sep.Current;
        var line = nextLine;

        // Sep counts lines from the one after the header (as line 1), and its LineNumberFrom is wrong for the first row
        // when it reads no header itself, so each row starts where the previous one ended.
        nextLine = headerLine + row.LineNumberToExcl;
        return parser.Read(row, line);
    }

    private static ThingsStackCsvRow TooLong(int rowNumber, int lineNumber) => new(rowNumber, lineNumber)
    {
        Errors =
        [
            new EndDeviceInputError(
                "The rest of the file is one field longer than 16 Mi characters; look for a quote that is never closed.")
            {
                Row = rowNumber,
            },
        ],
    };
}
