using System.Text;
using Ttn.Provisioning.AspNetCore.Messages;
using static Ttn.Provisioning.AspNetCore.Tests.Messages.TestBodies;

namespace Ttn.Provisioning.AspNetCore.Tests.Messages;

/// <summary>Bodies that are not usable messages: each is a failure with a reason, never an exception.</summary>
public sealed class ParseFailureTests
{
    private const string TooDeep = "The body nests objects and arrays deeper than 32 levels";

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{")]
    [InlineData("{\"end_device_ids\":")]
    [InlineData("not json")]
    [InlineData("{\"a\":1,}")]
    public void Text_that_is_not_json_is_a_failure_with_its_position(string body)
    {
        Assert.Matches(@"^The body is not valid JSON \(line \d+, byte \d+\)\.$", Reason(body));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"uplink\"")]
    [InlineData("null")]
    public void A_body_that_is_not_an_object_is_a_failure(string body)
    {
        Assert.StartsWith("body: expected a JSON object", Reason(body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"uplink_message":{}}""")]
    [InlineData("""{"end_device_ids":{"device_id":"d"},"uplink_message":{}}""")]
    [InlineData("""{"end_device_ids":{"application_ids":{"application_id":"a"}},"uplink_message":{}}""")]
    [InlineData("""{"end_device_ids":null,"uplink_message":{}}""")]
    public void A_body_without_device_and_application_id_is_a_failure(string body)
    {
        Assert.StartsWith("end_device_ids: the device id and the application id are required", Reason(body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"end_device_ids":{"device_id":"d","application_ids":{"application_id":"a"}}}""")]
    [InlineData("""{"end_device_ids":{"device_id":"d","application_ids":{"application_id":"a"}},"uplink_message":null}""")]
    [InlineData("""{"end_device_ids":{"device_id":"d","application_ids":{"application_id":"a"}},"future_flag":[1]}""")]
    public void A_body_without_any_message_kind_is_a_failure(string body)
    {
        Assert.StartsWith("body: no message kind", Reason(body), StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_with_two_message_kinds_is_a_failure()
    {
        var body = Minimal("uplink_message", """{"f_port":1},"join_accept":{}""");

        Assert.StartsWith("body: more than one message kind (Uplink and JoinAccept)", Reason(body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"f_port":"abc"}""", "f_port: expected an integer")]
    [InlineData("""{"f_port":true}""", "f_port: expected an integer")]
    [InlineData("""{"f_port":5000000000}""", "f_port: expected an integer within 32 bits")]
    [InlineData("""{"f_cnt":"99999999999999999999"}""", "f_cnt: expected an integer within 64 bits")]
    [InlineData("""{"f_cnt":1.5}""", "f_cnt: expected an integer within 64 bits")]
    [InlineData("""{"f_cnt":1e400}""", "f_cnt: expected an integer within 64 bits")]
    [InlineData("""{"frm_payload":"not base64!"}""", "frm_payload: expected base64")]
    [InlineData("""{"frm_payload":12}""", "frm_payload: expected a base64 string")]
    [InlineData("""{"received_at":"yesterday"}""", "received_at: expected an RFC 3339 timestamp")]
    [InlineData("""{"consumed_airtime":"0.3"}""", "consumed_airtime: expected a duration")]
    [InlineData("""{"consumed_airtime":"99999999999999s"}""", "consumed_airtime: expected a duration")]
    [InlineData("""{"rx_metadata":{}}""", "rx_metadata: expected an array")]
    [InlineData("""{"rx_metadata":[{"rssi":"loud"}]}""", "rx_metadata.rssi: expected a number")]
    [InlineData("""{"rx_metadata":[{"snr":1e300}]}""", "rx_metadata.snr: the number is out of range")]
    [InlineData("""{"rx_metadata":[{"gateway_ids":{"eui":"B827EB"}}]}""", "gateway_ids.eui: expected 16 hex digits")]
    [InlineData("""{"confirmed":"yes"}""", "confirmed: expected true or false")]
    [InlineData("""{"settings":[]}""", "settings: expected an object")]
    [InlineData("""{"locations":{"user":{"source":{}}}}""", "location.source: expected an enum name or number")]
    [InlineData("""{"decoded_payload_warnings":[1]}""", "array item: expected a string")]
    public void A_field_of_the_wrong_type_or_range_is_a_failure_naming_the_field(string uplink, string reason)
    {
        Assert.StartsWith(reason, Reason(Minimal("uplink_message", uplink)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev_eui", "70B3D57ED005A1F")]
    [InlineData("dev_eui", "70B3D57ED005A1FG")]
    [InlineData("dev_addr", "260B4C7E00")]
    public void A_malformed_eui_or_device_address_is_a_failure(string field, string value)
    {
        var body = $$"""
            {"end_device_ids":{"device_id":"d","application_ids":{"application_id":"a"},"{{field}}":"{{value}}"},
             "uplink_message":{} }
            """;

        Assert.StartsWith($"end_device_ids.{field}: expected", Reason(body), StringComparison.Ordinal);
    }

    [Fact]
    public void Content_after_the_object_is_a_failure()
    {
        Assert.StartsWith("The body is not valid JSON", Reason(Text("downlink-ack.json") + "{}"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_reason_names_the_byte_offset_of_the_bad_value()
    {
        var body = Minimal("uplink_message", """{"f_port":"abc"}""");

        Assert.EndsWith($"(at byte {body.IndexOf("\"abc\"", StringComparison.Ordinal)}).", Reason(body), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_reason_never_quotes_the_value()
    {
        const string Sentinel = "NNSXS.SENTINEL-VALUE-4F3C";

        var wrongType = Reason(Minimal("uplink_message", $$"""{"f_cnt":"{{Sentinel}}"}"""));
        var wrongEui = Reason($$"""
            {"end_device_ids":{"device_id":"d","application_ids":{"application_id":"a"},"dev_eui":"{{Sentinel}}"} }
            """);
        var badJson = Reason($$"""{"end_device_ids":{{Sentinel}}}""");

        Assert.All([wrongType, wrongEui, badJson], reason => Assert.DoesNotContain("SENTINEL", reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_string_that_is_not_utf8_is_a_failure()
    {
        var body = Encoding.UTF8.GetBytes(Minimal("uplink_message", "{}").Replace("\"d1\"", "\"d\u0001\"", StringComparison.Ordinal));
        body[Array.IndexOf(body, (byte)1)] = 0xFF;

        var result = TtnMessageParser.Default.Parse(body);

        Assert.False(result.IsSuccess);
    }

    [Fact]
    public void An_escaped_lone_surrogate_in_an_enum_reads_as_a_name_this_version_does_not_know()
    {
        var up = Uplink("""{"locations":{"user":{"source":"\ud800"}}}""");

        Assert.Equal(LocationSource.Unknown, up.Locations["user"].Source);
    }

    [Fact]
    public void Invalid_utf8_in_a_base64_payload_is_a_failure_whether_contiguous_or_segmented()
    {
        var body = Encoding.UTF8.GetBytes(Minimal("uplink_message", """{"frm_payload":"#vu8="}"""));
        body[Array.IndexOf(body, (byte)'#')] = 0xFF;

        Assert.False(TtnMessageParser.Default.Parse(body).IsSuccess);
        Assert.False(TtnMessageParser.Default.Parse(Segments.Split(body, 5)).IsSuccess);
    }

    [Theory]
    [InlineData(32, true)]
    [InlineData(33, false)]
    public void Nesting_is_limited_to_32_levels_by_default(int depth, bool parses)
    {
        // The body is level 1, uplink_message 2, decoded_payload 3; arrays nest the rest.
        var nested = new string('[', depth - 2) + new string(']', depth - 2);
        var result = TtnMessageParser.Default.Parse(Minimal("uplink_message", $$"""{"decoded_payload":{{nested}} }"""));

        Assert.Equal(parses, result.IsSuccess);
        Assert.True(parses || result.FailureReason!.StartsWith(TooDeep, StringComparison.Ordinal), result.FailureReason);
    }

    [Fact]
    public void Nesting_is_limited_in_unknown_fields_too()
    {
        var nested = new string('[', 40) + new string(']', 40);

        Assert.StartsWith(TooDeep, Reason(Minimal("uplink_message", $$"""{"x":{{nested}} }""")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_depth_limit_can_be_lowered()
    {
        var parser = new TtnMessageParser(new TtnMessageParserOptions { MaxDepth = 8 });

        // Levels: body 1, uplink_message 2, then decoded_payload's arrays 3 to 8 (6 arrays) or 3 to 9 (7 arrays).
        Assert.True(parser.Parse(Text("uplink.json")).IsSuccess);
        Assert.True(parser.Parse(Minimal("uplink_message", """{"decoded_payload":[[[[[[1]]]]]]}""")).IsSuccess);
        Assert.False(parser.Parse(Minimal("uplink_message", """{"decoded_payload":[[[[[[[1]]]]]]]}""")).IsSuccess);
    }

    [Theory]
    [InlineData(7)]
    [InlineData(257)]
    public void A_depth_limit_outside_8_to_256_is_refused(int maxDepth)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TtnMessageParser(new TtnMessageParserOptions { MaxDepth = maxDepth }));
    }

    [Fact]
    public async Task Only_null_arguments_throw()
    {
        Assert.Throws<ArgumentNullException>(() => TtnMessageParser.Default.Parse((string)null!));
        await Assert.ThrowsAsync<ArgumentNullException>(() => TtnMessageParser.Default.ParseAsync(null!).AsTask());
        Assert.Throws<ArgumentNullException>(() => new TtnMessageParser(null!));
    }
}
