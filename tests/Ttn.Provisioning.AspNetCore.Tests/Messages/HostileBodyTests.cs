using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;
using Ttn.Provisioning.AspNetCore.Messages;
using static Ttn.Provisioning.AspNetCore.Tests.Messages.TestBodies;

namespace Ttn.Provisioning.AspNetCore.Tests.Messages;

/// <summary>
/// 10,000 mutated bodies from a fixed seed: the parser never throws, and every result is either a message with
/// its device ids or a failure with a reason; contiguous and segmented input agree.
/// </summary>
public sealed class HostileBodyTests(ITestOutputHelper output)
{
    private const int Seed = 20_240_301;
    private const int Count = 10_000;
    private const string Placeholder = "\"__RAW__\"";

    /// <summary>Values that are valid JSON but wrong for a field, or not JSON at all.</summary>
    private static readonly string[] RawValues =
    [
        "1e400", "-1e400", "99999999999999999999999999", "18446744073709551616", "-9223372036854775809", "1.5e-400",
        "NaN", "Infinity", "0x10", "01", "-", "1.", "\"\\ud800\"", "\"\\udc00x\"", "\"\\u0000\"", "\"\\uZZZZ\"",
        "\"9223372036854775808\"", "\"-0.5s\"", "\"99999999999999999s\"", "\"2020-13-45T25:61:61Z\"", "\"====\"",
        "\"AQ\"", "\"" + new string('A', 70_000) + "\"", "\"" + new string('7', 200) + "\"", "true", "false", "null",
        "{}", "[]", "[null]", "[[]]", "{\"\":{}}", "\"\"",
    ];

    private static readonly string[] Names =
    [
        "uplink_message", "join_accept", "downlink_ack", "downlink_failed", "location_solved", "service_data",
        "end_device_ids", "correlation_ids", "received_at", "f_cnt", "rx_metadata", "frm_payload", "settings",
        "data_rate", "lora", "source", "priority", "\\ud800", "fPort", "FPort", "", "x_" + new string('y', 100),
    ];

    [Fact]
    public void Ten_thousand_mutated_bodies_never_throw_and_each_is_a_message_or_a_reason()
    {
        var random = new Random(Seed);
        var seeds = All.Select(Text).ToArray();
        int messages = 0, failures = 0;

        for (var i = 0; i < Count; i++)
        {
            var body = Mutate(seeds[i % seeds.Length], random);
            var result = TtnMessageParser.Default.Parse(body);

            if (result.IsSuccess)
            {
                messages++;
                Assert.NotEmpty(result.Message.EndDevice.DeviceId);
                Assert.NotEmpty(result.Message.EndDevice.ApplicationId);
            }
            else
            {
                failures++;
                Assert.False(string.IsNullOrWhiteSpace(result.FailureReason));
            }

            if (i % 10 == 0)
            {
                var segmented = TtnMessageParser.Default.Parse(Segments.Split(body, 7));
                Assert.True(result.IsSuccess == segmented.IsSuccess, $"{result} / {segmented} / {Convert.ToBase64String(body)}");
            }
        }

        output.WriteLine($"{messages} messages, {failures} failures");

        // Both outcomes are exercised: a parser that refused everything (or accepted everything) fails here.
        Assert.InRange(messages, 1_000, Count - 1_000);
        Assert.InRange(failures, 1_000, Count - 1_000);
    }

    internal static byte[] Mutate(string seed, Random random) => random.Next(8) switch
    {
        0 => Truncate(Encoding.UTF8.GetBytes(seed), random),
        1 => FlipBytes(Encoding.UTF8.GetBytes(seed), random),
        2 => Encoding.UTF8.GetBytes(ReplaceValue(seed, random, Nested(random))),
        3 => Encoding.UTF8.GetBytes(ReplaceValue(seed, random, RawValues[random.Next(RawValues.Length)])),
        4 => Encoding.UTF8.GetBytes(ReplaceValue(seed, random, WrongType(random))),
        5 => Encoding.UTF8.GetBytes(RenameProperty(seed, random)),
        6 => InvalidUtf8(Encoding.UTF8.GetBytes(seed), random),
        _ => FlipBytes(Encoding.UTF8.GetBytes(ReplaceValue(seed, random, WrongType(random))), random),
    };

    private static byte[] Truncate(byte[] body, Random random) => body[..random.Next(body.Length)];

    private static byte[] FlipBytes(byte[] body, Random random)
    {
        for (var flips = random.Next(1, 4); flips > 0; flips--)
        {
            body[random.Next(body.Length)] = (byte)random.Next(256);
        }

        return body;
    }

    private static byte[] InvalidUtf8(byte[] body, Random random)
    {
        var quote = Array.IndexOf(body, (byte)'"', random.Next(body.Length));
        if (quote < 0)
        {
            return body;
        }

        byte[][] sequences = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]];
        var bad = sequences[random.Next(sequences.Length)];
        return [.. body[..(quote + 1)], .. bad, .. body[(quote + 1)..]];
    }

    /// <summary>Arrays and objects nested 1 to 2,000 levels deep.</summary>
    private static string Nested(Random random)
    {
        var depth = random.Next(2) == 0 ? random.Next(1, 40) : random.Next(40, 2_000);
        return random.Next(2) == 0
            ? new string('[', depth) + "1" + new string(']', depth)
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
    }

    private static string WrongType(Random random) => random.Next(6) switch
    {
        0 => "\"text\"",
        1 => random.Next(-1000, 1000).ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => "true",
        3 => "null",
        4 => "{\"f_port\":\"x\",\"rx_metadata\":{}}",
        _ => "[1,\"a\",{},[]]",
    };

    /// <summary>Replaces one value anywhere in the body (an object, array, or scalar) with raw JSON text.</summary>
    private static string ReplaceValue(string seed, Random random, string raw)
    {
        var root = JsonNode.Parse(seed)!;
        var nodes = Descendants(root).ToList();
        var target = nodes[random.Next(nodes.Count)];
        if (target.Parent is JsonObject parent)
        {
            parent[target.GetPropertyName()] = Placeholder.Trim('"');
        }
        else if (target.Parent is JsonArray array)
        {
            array[target.GetElementIndex()] = Placeholder.Trim('"');
        }
        else
        {
            return raw;
        }

        return root.ToJsonString().Replace(Placeholder, raw, StringComparison.Ordinal);
    }

    private static string RenameProperty(string seed, Random random)
    {
        var root = JsonNode.Parse(seed)!;
        var objects = Descendants(root).OfType<JsonObject>().Where(o => o.Count > 0).ToList();
        var target = objects[random.Next(objects.Count)];
        var (name, value) = target.ElementAt(random.Next(target.Count));
        target.Remove(name);
        var placeholder = "__NAME__";
        target[placeholder] = value;
        return root.ToJsonString().Replace(placeholder, Names[random.Next(Names.Length)], StringComparison.Ordinal);
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().SelectMany(Descendants))
        {
            yield return child;
        }
    }
}
