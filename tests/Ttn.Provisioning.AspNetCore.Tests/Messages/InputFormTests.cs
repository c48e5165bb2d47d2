using System.Text;
using Ttn.Provisioning.AspNetCore.Messages;
using static Ttn.Provisioning.AspNetCore.Tests.Messages.TestBodies;

namespace Ttn.Provisioning.AspNetCore.Tests.Messages;

/// <summary>Bytes, segmented bytes, a string and a stream of the same body give the same message.</summary>
public sealed class InputFormTests
{
    public static TheoryData<string> Bodies => [.. All];

    [Theory]
    [MemberData(nameof(Bodies))]
    public void One_byte_segments_give_the_same_message_as_contiguous_bytes(string name)
    {
        var bytes = Utf8(name);

        var whole = TtnMessageParser.Default.Parse(bytes);
        var segmented = TtnMessageParser.Default.Parse(Segments.Split(bytes, 1));

        Assert.True(segmented.IsSuccess, segmented.FailureReason);
        Assert.Equal(Describe(whole.Message!), Describe(segmented.Message));
    }

    [Fact]
    public void Escaped_strings_split_across_segments_are_unescaped()
    {
        var bytes = Encoding.UTF8.GetBytes(Minimal("uplink_message",
            """
            {"frm_payload":"AQID\/w==","decoded_payload_warnings":["caf\u00e9"],
             "rx_metadata":[{"gateway_ids":{"gateway_id":"g\u0031"}}]}
            """));

        var up = Assert.IsType<UplinkMessage>(TtnMessageParser.Default.Parse(Segments.Split(bytes, 3)).Message);

        Assert.Equal(new byte[] { 1, 2, 3, 255 }, up.FrmPayload.ToArray());
        Assert.Equal(["café"], up.DecodedPayloadWarnings);
        Assert.Equal("g1", up.RxMetadata[0].GatewayId);
    }

    [Fact]
    public void A_string_gives_the_same_message_as_its_utf8_bytes()
    {
        var fromString = TtnMessageParser.Default.Parse(Text("uplink.json")).Message!;
        var fromBytes = TtnMessageParser.Default.Parse(Utf8("uplink.json")).Message!;

        Assert.Equal(Describe(fromBytes), Describe(fromString));
    }

    [Fact]
    public async Task A_stream_larger_than_the_first_buffer_is_read_to_its_end()
    {
        var payload = string.Join(',', Enumerable.Range(0, 3000));
        var body = Encoding.UTF8.GetBytes(Minimal("uplink_message", $$"""{"f_cnt":5,"decoded_payload":{"series":[{{payload}}]} }"""));
        Assert.True(body.Length > 4096 * 3);

        var result = await TtnMessageParser.Default.ParseAsync(new TrickleStream(body));

        var up = Assert.IsType<UplinkMessage>(result.Message);
        Assert.Equal(3000, up.DecodedPayload!.Value.GetProperty("series").GetArrayLength());
        Assert.Equal(5, up.FCnt);
    }

    [Fact]
    public async Task A_stream_that_is_not_json_is_a_failure()
    {
        var result = await TtnMessageParser.Default.ParseAsync(new MemoryStream("<xml/>"u8.ToArray()));

        Assert.False(result.IsSuccess);
    }

    private static string Describe(TtnMessage? message) => message switch
    {
        UplinkMessage up => $"{up with { FrmPayload = default, SessionKeyId = default, DecodedPayload = null }}" +
            $"|{Convert.ToHexString(up.FrmPayload.Span)}|{up.DecodedPayload?.GetRawText()}|{string.Join(';', up.RxMetadata)}|" +
            string.Join(';', up.CorrelationIds),
        UnknownMessage unknown => $"{unknown.KindName}|{unknown.Body.GetRawText()}|{unknown.EndDevice}",
        null => "null",
        _ => $"{message.Kind}|{message.EndDevice}|{string.Join(';', message.CorrelationIds)}|{message.ReceivedAt:O}",
    };

    /// <summary>Hands out at most 1,000 bytes per read, as a network stream may.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, 1000)], cancellationToken);
    }
}
