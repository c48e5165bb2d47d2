using System.Buffers;
using System.Text;
using System.Text.Json;
using Ttn.Provisioning.AspNetCore.Messages.Parsing;

namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>
/// Parses The Things Stack's <c>ApplicationUp</c> JSON (a webhook body, an MQTT payload, a stored message) into a
/// <see cref="TtnMessage"/>. It never throws for bad input: it returns a failed <see cref="TtnParseResult"/> with a
/// reason. Only null arguments (and a stream's own errors) throw.
/// </summary>
/// <remarks>
/// <para>
/// Tolerant as proto3 JSON requires: unknown fields are skipped; absent fields read as their defaults; 64-bit
/// integers may be numbers or strings; timestamps may carry up to nanoseconds and <c>Z</c> or an offset; durations
/// are strings such as <c>"0.370688s"</c>; bytes are base64; enums are names or numbers; field names may be
/// snake_case or lowerCamelCase. A body whose kind this version does not know becomes an
/// <see cref="UnknownMessage"/>, not a failure.
/// </para>
/// <para>
/// An instance holds only its options: it is immutable and thread-safe, so one instance (or <see cref="Default"/>)
/// serves a whole host. It reads the body in one pass with <see cref="Utf8JsonReader"/>; limit the body's size
/// before parsing (the stream and string overloads read all of their input).
/// </para>
/// </remarks>
public sealed class TtnMessageParser
{
    private readonly JsonReaderOptions _readerOptions;

    /// <summary>A parser with the default options.</summary>
    public TtnMessageParser()
        : this(new TtnMessageParserOptions())
    {
    }

    /// <summary>A parser with the given options, checked now.</summary>
    /// <param name="options">The limits to parse with.</param>
    /// <exception cref="ArgumentOutOfRangeException">The maximum depth is outside 8 to 256.</exception>
    public TtnMessageParser(TtnMessageParserOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDepth, TtnMessageParserOptions.MinMaxDepth, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxDepth, TtnMessageParserOptions.MaxMaxDepth, nameof(options));
        _readerOptions = new JsonReaderOptions { MaxDepth = options.MaxDepth };
    }

    /// <summary>A parser with the default options.</summary>
    public static TtnMessageParser Default { get; } = new();

    /// <summary>Parses a UTF-8 JSON body (a leading byte order mark is skipped).</summary>
    /// <param name="utf8Json">The body.</param>
    public TtnParseResult Parse(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.StartsWith(Utf8Bom))
        {
            utf8Json = utf8Json[Utf8Bom.Length..];
        }

        var reader = new Utf8JsonReader(utf8Json, _readerOptions);
        var again = new Utf8JsonReader(utf8Json, _readerOptions);
        return Parse(ref reader, ref again, out var error) ??
            NotJson(error!, reader, OpensContainer(utf8Json[(int)reader.BytesConsumed..]));
    }

    /// <summary>Parses a UTF-8 JSON body held in segments, such as what a <c>PipeReader</c> read.</summary>
    /// <param name="utf8Json">The body.</param>
    public TtnParseResult Parse(ReadOnlySequence<byte> utf8Json)
    {
        if (utf8Json.Length >= Utf8Bom.Length)
        {
            Span<byte> start = stackalloc byte[Utf8Bom.Length];
            utf8Json.Slice(0, Utf8Bom.Length).CopyTo(start);
            utf8Json = start.SequenceEqual(Utf8Bom) ? utf8Json.Slice(Utf8Bom.Length) : utf8Json;
        }

        var reader = new Utf8JsonReader(utf8Json, _readerOptions);
        var again = new Utf8JsonReader(utf8Json, _readerOptions);
        return Parse(ref reader, ref again, out var error) ??
            NotJson(error!, reader, OpensContainer(utf8Json.Slice(reader.BytesConsumed)));
    }

    /// <summary>Parses a JSON body given as a string.</summary>
    /// <param name="json">The body.</param>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    public TtnParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(json, buffer);
            return Parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Reads the stream to its end and parses what it read. The stream is not limited here: wrap or check it first.
    /// </summary>
    /// <param name="utf8Json">The body.</param>
    /// <param name="cancellationToken">Stops reading the stream.</param>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    public async ValueTask<TtnParseResult> ParseAsync(Stream utf8Json, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
        try
        {
            int read;
            while ((read = await utf8Json.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return Parse(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> JsonWhitespace => " \t\r\n"u8;

    /// <summary>
    /// Reads the body; null when it is not JSON (or nests too deeply), with the reader's <paramref name="error"/>.
    /// <paramref name="again"/> reads the same input from its start, for a body of unknown kind.
    /// </summary>
    private static TtnParseResult? Parse(ref Utf8JsonReader reader, ref Utf8JsonReader again, out JsonException? error)
    {
        error = null;
        try
        {
            var message = ApplicationUpReader.Read(ref reader, out var envelope, out var unknownKind) ??
                ApplicationUpReader.ReadUnknown(ref again, unknownKind, envelope);
            return TtnParseResult.Success(message);
        }
        catch (JsonException e)
        {
            error = e;
            return null;
        }
        catch (MessageFormatException e)
        {
            return TtnParseResult.Failure(e.Message);
        }
    }

    /// <summary>
    /// Words the reader's error: too deep when it stopped at the depth limit just before an object or array (the
    /// reader's exception says so only in its English text), else not JSON. Neither quotes the body.
    /// </summary>
    private TtnParseResult NotJson(JsonException error, in Utf8JsonReader reader, bool atContainer)
    {
        var where = $"line {error.LineNumber + 1}, byte {error.BytePositionInLine + 1}";
        return TtnParseResult.Failure(atContainer && reader.CurrentDepth >= _readerOptions.MaxDepth - 1
            ? $"The body nests objects and arrays deeper than {_readerOptions.MaxDepth} levels ({where})."
            : $"The body is not valid JSON ({where}).");
    }

    private static bool OpensContainer(ReadOnlySpan<byte> rest)
    {
        var start = rest.IndexOfAnyExcept(JsonWhitespace);
        return start >= 0 && rest[start] is (byte)'{' or (byte)'[';
    }

    private static bool OpensContainer(ReadOnlySequence<byte> rest)
    {
        foreach (var segment in rest)
        {
            var start = segment.Span.IndexOfAnyExcept(JsonWhitespace);
            if (start >= 0)
            {
                return segment.Span[start] is (byte)'{' or (byte)'[';
            }
        }

        return false;
    }
}
