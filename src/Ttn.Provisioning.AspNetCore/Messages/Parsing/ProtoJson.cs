using System.Buffers;
using System.Text.Json;

namespace Ttn.Provisioning.AspNetCore.Messages.Parsing;

/// <summary>Reads one item of an array; the reader is on the item's first token.</summary>
internal delegate T ItemReader<out T>(ref Utf8JsonReader reader);

/// <summary>
/// Proto3 JSON values read from a <see cref="Utf8JsonReader"/> positioned on the value. JSON <c>null</c> reads as
/// the field's default everywhere (proto3: null means "not set"); a value of the wrong type throws a
/// <see cref="MessageFormatException"/> naming the field.
/// </summary>
internal static partial class ProtoJson
{
    /// <summary>Numbers, timestamps, durations and EUIs are shorter than this; longer ones are refused.</summary>
    public const int MaxScalarLength = 128;

    /// <summary>
    /// The unescaped UTF-8 of the current string, property name or number token: the input itself when it can be
    /// (no escapes, one segment), else a copy in <paramref name="scratch"/>. False when it does not fit or is not
    /// valid UTF-8.
    /// </summary>
    public static bool TryGetUtf8(in Utf8JsonReader reader, Span<byte> scratch, out ReadOnlySpan<byte> value)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            value = reader.ValueSpan;
            return true;
        }

        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > scratch.Length)
        {
            value = default;
            return false;
        }

        if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
        {
            try
            {
                value = scratch[..reader.CopyString(scratch)];
                return true;
            }
            catch (InvalidOperationException)
            {
                // Unescaping validates UTF-8 (and escaped surrogates), which the contiguous path leaves to the caller.
                value = default;
                return false;
            }
        }

        reader.ValueSequence.CopyTo(scratch);
        value = scratch[..(int)length];
        return true;
    }

    public static MessageFormatException Fail(ref Utf8JsonReader reader, string field, string problem) =>
        MessageFormatException.At(reader.TokenStartIndex, field, problem);

    /// <summary>True when the value is an object to read; false when it is null (the field is absent).</summary>
    public static bool StartObject(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.StartObject => true,
        JsonTokenType.Null => false,
        _ => throw Fail(ref reader, field, "expected an object"),
    };

    public static string? ReadString(ref Utf8JsonReader reader, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String or JsonTokenType.PropertyName:
                try
                {
                    return reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    throw Fail(ref reader, field, "the string is not valid UTF-8");
                }

            default:
                throw Fail(ref reader, field, "expected a string");
        }
    }

    public static bool ReadBoolean(ref Utf8JsonReader reader, string field) => reader.TokenType switch
    {
        JsonTokenType.True => true,
        JsonTokenType.False or JsonTokenType.Null => false,
        _ => throw Fail(ref reader, field, "expected true or false"),
    };

    /// <summary>
    /// Any JSON value (a <c>google.protobuf.Struct</c> or <c>Value</c>) as a standalone element that outlives the
    /// input; null for JSON null.
    /// </summary>
    public static JsonElement? ReadElement(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        // ParseValue counts depth from the value itself; skipping a copy first holds the value to the body's limit.
        var probe = reader;
        try
        {
            probe.Skip();
        }
        catch (JsonException)
        {
            reader = probe;
            throw;
        }

        return JsonElement.ParseValue(ref reader);
    }

    public static IReadOnlyList<string> ReadStringArray(ref Utf8JsonReader reader, string field) =>
        ReadArray(ref reader, field, static (ref Utf8JsonReader r) => ReadString(ref r, "array item"));

    /// <summary>A repeated field; null items (not valid proto3, but harmless) are left out.</summary>
    public static IReadOnlyList<T> ReadArray<T>(ref Utf8JsonReader reader, string field, ItemReader<T?> readItem)
        where T : class
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return [];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Fail(ref reader, field, "expected an array");
        }

        T[]? items = null;
        var count = 0;
        try
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (readItem(ref reader) is not { } item)
                {
                    continue;
                }

                if (items is null || count == items.Length)
                {
                    var grown = ArrayPool<T>.Shared.Rent(Math.Max(8, count * 2));
                    items?.AsSpan(0, count).CopyTo(grown);
                    Return(items, count);
                    items = grown;
                }

                items[count++] = item;
            }

            return count == 0 ? [] : items!.AsSpan(0, count).ToArray();
        }
        finally
        {
            Return(items, count);
        }
    }

    /// <summary>A <c>map&lt;string, string&gt;</c>; null values are left out.</summary>
    public static IReadOnlyDictionary<string, string> ReadStringMap(ref Utf8JsonReader reader, string field)
    {
        if (!StartObject(ref reader, field))
        {
            return System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;
        }

        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = ReadString(ref reader, field)!;
            reader.Read();
            if (ReadString(ref reader, field) is { } value)
            {
                map[key] = value;
            }
        }

        return map;
    }

    private static void Return<T>(T[]? items, int count)
    {
        if (items is not null)
        {
            items.AsSpan(0, count).Clear();
            ArrayPool<T>.Shared.Return(items);
        }
    }
}
