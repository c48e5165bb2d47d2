using System.Text;
using System.Text.Json.Nodes;
using Ttn.Provisioning.AspNetCore.Messages;

namespace Ttn.Provisioning.AspNetCore.Tests.Messages;

/// <summary>The realistic bodies in TestData/ and small helpers to parse them and variants of them.</summary>
internal static class TestBodies
{
    public static readonly string[] All =
    [
        "uplink.json", "uplink-1kb.json", "uplink-normalized.json", "join-accept.json", "downlink-ack.json",
        "downlink-nack.json", "downlink-sent.json", "downlink-queued.json", "downlink-failed.json",
        "downlink-queue-invalidated.json", "location-solved.json", "service-data.json", "unknown-kind.json",
    ];

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    public static byte[] Utf8(string name) => Encoding.UTF8.GetBytes(Text(name));

    public static JsonObject Node(string name) => JsonNode.Parse(Text(name))!.AsObject();

    /// <summary>Parses a body that must parse, and returns the message as <typeparamref name="T"/>.</summary>
    public static T Parse<T>(string json)
        where T : TtnMessage
    {
        var result = TtnMessageParser.Default.Parse(json);
        Assert.True(result.IsSuccess, result.FailureReason);
        return Assert.IsType<T>(result.Message);
    }

    public static T ParseFile<T>(string name)
        where T : TtnMessage => Parse<T>(Text(name));

    /// <summary>The smallest body of a kind: device ids and the kind's object.</summary>
    public static string Minimal(string kind, string body) =>
        $$$"""{"end_device_ids":{"device_id":"d1","application_ids":{"application_id":"a1"}},"{{{kind}}}":{{{body}}}}""";

    /// <summary>An uplink whose <c>uplink_message</c> is <paramref name="uplink"/>.</summary>
    public static UplinkMessage Uplink(string uplink) => Parse<UplinkMessage>(Minimal("uplink_message", uplink));

    public static string Reason(string json)
    {
        var result = TtnMessageParser.Default.Parse(json);
        Assert.False(result.IsSuccess, "the body parsed, but should not have");
        return result.FailureReason;
    }
}
