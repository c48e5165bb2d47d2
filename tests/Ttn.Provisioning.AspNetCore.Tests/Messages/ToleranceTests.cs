using System.Text.Json.Nodes;
using Ttn.Provisioning.AspNetCore.Messages;
using static Ttn.Provisioning.AspNetCore.Tests.Messages.TestBodies;

namespace Ttn.Provisioning.AspNetCore.Tests.Messages;

/// <summary>What real servers send that a strict reader would refuse: proto3 JSON's rules, older and newer TTS.</summary>
public sealed class ToleranceTests
{
    [Fact]
    public void Unknown_fields_at_every_level_are_skipped()
    {
        var body = Node("uplink.json");
        body["future_envelope_field"] = "x";
        body["future_envelope_object"] = new JsonArray(1, 2, 3);
        body["end_device_ids"]!["future_id"] = new JsonObject { ["deep"] = 1 };
        body["uplink_message"]!["future_uplink_field"] = new JsonObject { ["a"] = new JsonArray() };
        body["uplink_message"]!["rx_metadata"]![0]!["packet_broker"] = new JsonObject { ["forwarder_net_id"] = "000013" };

        var up = Parse<UplinkMessage>(body.ToJsonString());

        Assert.Equal(4711, up.FCnt);
        Assert.Equal("acme-warehouse-gw", up.RxMetadata[0].GatewayId);
    }

    [Fact]
    public void Missing_optional_fields_read_as_defaults()
    {
        var up = Uplink("{}");

        Assert.Equal(0, up.FPort);
        Assert.Equal(0, up.FCnt);
        Assert.True(up.FrmPayload.IsEmpty);
        Assert.Empty(up.RxMetadata);
        Assert.Null(up.Settings);
        Assert.Null(up.DecodedPayload);
        Assert.Null(up.ConsumedAirtime);
        Assert.Empty(up.Locations);
        Assert.Empty(up.CorrelationIds);
        Assert.Null(up.ReceivedAt);
        Assert.False(up.Simulated);
        Assert.Null(up.EndDevice.DevEui);
    }

    [Fact]
    public void Json_null_reads_as_the_field_default()
    {
        var up = Uplink("""
            {"f_port":null,"frm_payload":null,"rx_metadata":null,"settings":null,"decoded_payload":null,"confirmed":null}
            """);

        Assert.Equal(0, up.FPort);
        Assert.True(up.FrmPayload.IsEmpty);
        Assert.Empty(up.RxMetadata);
        Assert.Null(up.DecodedPayload);
    }

    [Theory]
    [InlineData("\"4294967295\"", 4294967295L)]
    [InlineData("4294967295", 4294967295L)]
    [InlineData("\"-12\"", -12L)]
    [InlineData("1e3", 1000L)]
    [InlineData("\"7.0\"", 7L)]
    public void Integers_may_be_numbers_or_strings(string fCnt, long expected)
    {
        Assert.Equal(expected, Uplink($$"""{"f_cnt":{{fCnt}}}""").FCnt);
    }

    [Fact]
    public void A_64_bit_frequency_and_timestamp_may_be_strings_or_numbers()
    {
        var asStrings = Uplink("""{"settings":{"frequency":"868100000","timestamp":"2463457000"}}""");
        var asNumbers = Uplink("""{"settings":{"frequency":868100000,"timestamp":2463457000}}""");

        Assert.Equal(868_100_000L, asStrings.Settings!.Frequency);
        Assert.Equal(asStrings.Settings, asNumbers.Settings);
    }

    [Theory]
    [InlineData("2020-02-12T15:15:46.014773143Z", 147_731)]
    [InlineData("2020-02-12T15:15:46.0147731Z", 147_731)]
    [InlineData("2020-02-12T15:15:46.014Z", 140_000)]
    [InlineData("2020-02-12T15:15:46Z", 0)]
    [InlineData("2020-02-12T16:15:46.014773143+01:00", 147_731)]
    [InlineData("2020-02-12T12:45:46.014773143-02:30", 147_731)]
    [InlineData("2020-02-12t15:15:46.014773143z", 147_731)]
    [InlineData("2020-02-12T15:15:46.014773143", 147_731)]
    public void Received_at_reads_every_precision_and_offset_form(string text, long fractionTicks)
    {
        var message = Parse<UplinkMessage>($$$"""
            {"end_device_ids":{"device_id":"d","application_ids":{"application_id":"a"}},"received_at":"{{{text}}}",
             "uplink_message":{}}
            """);

        Assert.Equal(new DateTimeOffset(2020, 2, 12, 15, 15, 46, TimeSpan.Zero).AddTicks(fractionTicks), message.ReceivedAt);
    }

    [Fact]
    public void A_timestamp_with_an_offset_keeps_that_offset()
    {
        var up = Uplink("""{"received_at":"2024-03-01T10:41:27.5+01:00"}""");

        Assert.Equal(TimeSpan.FromHours(1), up.NetworkReceivedAt!.Value.Offset);
        Assert.Equal(new DateTime(2024, 3, 1, 9, 41, 27, 500, DateTimeKind.Utc), up.NetworkReceivedAt.Value.UtcDateTime);
    }

    [Theory]
    [InlineData("\"0.370688s\"", 3_706_880L)]
    [InlineData("\"1s\"", 10_000_000L)]
    [InlineData("\"0.000000001s\"", 0L)]
    [InlineData("\"2.123456789s\"", 21_234_567L)]
    [InlineData("\"-0.5s\"", -5_000_000L)]
    [InlineData("0.25", 2_500_000L)]
    public void Durations_are_read_as_proto3_writes_them(string airtime, long ticks)
    {
        Assert.Equal(TimeSpan.FromTicks(ticks), Uplink($$"""{"consumed_airtime":{{airtime}}}""").ConsumedAirtime);
    }

    [Theory]
    [InlineData("AQID/w==")]
    [InlineData("AQID_w==")]
    [InlineData("AQID_w")]
    [InlineData("AQID/w")]
    public void Bytes_are_standard_base64_and_url_safe_or_unpadded_base64_is_accepted_too(string payload)
    {
        Assert.Equal(new byte[] { 1, 2, 3, 255 }, Uplink($$"""{"frm_payload":"{{payload}}"}""").FrmPayload.ToArray());
    }

    [Fact]
    public void A_base64_payload_with_json_escapes_is_unescaped_first()
    {
        Assert.Equal(new byte[] { 1, 2, 3, 255 }, Uplink("""{"frm_payload":"AQID\/w=="}""").FrmPayload.ToArray());
    }

    [Theory]
    [InlineData("\"SOURCE_GPS\"", LocationSource.Gps)]
    [InlineData("\"GPS\"", LocationSource.Gps)]
    [InlineData("1", LocationSource.Gps)]
    [InlineData("\"SOURCE_REGISTRY\"", LocationSource.Registry)]
    [InlineData("3", LocationSource.Registry)]
    [InlineData("\"SOURCE_FROM_THE_FUTURE\"", LocationSource.Unknown)]
    [InlineData("42", (LocationSource)42)]
    public void Enums_are_names_or_numbers(string source, LocationSource expected)
    {
        var up = Uplink($$"""{"locations":{"user":{"latitude":1,"source":{{source}} } } }""");

        Assert.Equal(expected, up.Locations["user"].Source);
    }

    [Theory]
    [InlineData("\"HIGHEST\"", DownlinkPriority.Highest)]
    [InlineData("6", DownlinkPriority.Highest)]
    [InlineData("\"BELOW_NORMAL\"", DownlinkPriority.BelowNormal)]
    public void Downlink_priority_is_a_name_or_a_number(string priority, DownlinkPriority expected)
    {
        var ack = Parse<DownlinkAckMessage>(Minimal("downlink_ack", $$"""{"priority":{{priority}}}"""));

        Assert.Equal(expected, ack.Downlink.Priority);
    }

    [Fact]
    public void Fields_at_their_default_are_omitted_and_read_as_defaults()
    {
        var ack = Parse<DownlinkAckMessage>(Minimal("downlink_ack", "{}"));

        Assert.Equal(DownlinkPriority.Lowest, ack.Downlink.Priority);
        Assert.False(ack.Downlink.Confirmed);
        Assert.Equal(0, ack.Downlink.FCnt);
    }

    [Fact]
    public void Lower_camel_case_names_read_like_proto_names()
    {
        var message = Parse<UplinkMessage>("""
            {"endDeviceIds":{"deviceId":"d1","applicationIds":{"applicationId":"a1"},"devEui":"70B3D57ED005A1F2"},
             "correlationIds":["as:up:1"],"receivedAt":"2024-03-01T09:41:27Z",
             "uplinkMessage":{"fPort":3,"fCnt":"9","frmPayload":"AQ==","consumedAirtime":"1s",
               "rxMetadata":[{"gatewayIds":{"gatewayId":"gw"},"channelRssi":-90}],
               "settings":{"dataRate":{"lora":{"spreadingFactor":7}}}}}
            """);

        Assert.Equal("d1", message.EndDevice.DeviceId);
        Assert.Equal("70B3D57ED005A1F2", message.EndDevice.DevEui);
        Assert.Equal(["as:up:1"], message.CorrelationIds);
        Assert.Equal((3, 9L), (message.FPort, message.FCnt));
        Assert.Equal(-90f, message.RxMetadata[0].ChannelRssi);
        Assert.Equal(7, message.Settings!.DataRate!.SpreadingFactor);
    }

    [Fact]
    public void Lower_case_euis_are_upper_cased()
    {
        var message = Parse<UplinkMessage>("""
            {"end_device_ids":{"device_id":"d","application_ids":{"application_id":"a"},"dev_eui":"70b3d57ed005a1f2",
             "dev_addr":"260b4c7e"},"uplink_message":{"rx_metadata":[{"gateway_ids":{"gateway_id":"g","eui":"b827ebfffe7a3c10"}}]}}
            """);

        Assert.Equal("70B3D57ED005A1F2", message.EndDevice.DevEui);
        Assert.Equal("260B4C7E", message.EndDevice.DevAddr);
        Assert.Equal("B827EBFFFE7A3C10", message.RxMetadata[0].GatewayEui);
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"-7.25\"")]
    [InlineData("-7.25")]
    public void Floats_may_be_numbers_or_strings_including_nan(string snr)
    {
        var actual = Uplink($$"""{"rx_metadata":[{"snr":{{snr}}}]}""").RxMetadata[0].Snr;

        Assert.Equal(snr.Contains("NaN", StringComparison.Ordinal) ? float.NaN : -7.25f, actual);
    }

    [Fact]
    public void A_coding_rate_in_settings_from_older_servers_fills_the_data_rate()
    {
        var up = Uplink("""{"settings":{"data_rate":{"lora":{"bandwidth":125000,"spreading_factor":7}},"coding_rate":"4/6"}}""");

        Assert.Equal("4/6", up.Settings!.DataRate!.CodingRate);
    }

    [Theory]
    [InlineData("""{"fsk":{"bit_rate":50000}}""", Modulation.Fsk, 0, 50_000)]
    [InlineData("""{"lrfhss":{"operating_channel_width":1523000,"coding_rate":"2/3"}}""", Modulation.LrFhss, 1_523_000, 0)]
    public void Fsk_and_lr_fhss_data_rates_are_read(string dataRate, Modulation modulation, int bandwidth, int bitRate)
    {
        var rate = Uplink($$"""{"settings":{"data_rate":{{dataRate}} } }""").Settings!.DataRate!;

        Assert.Equal((modulation, bandwidth, bitRate), (rate.Modulation, rate.Bandwidth, rate.BitRate));
    }

    [Fact]
    public void Simulated_is_read_from_the_envelope_wherever_it_stands()
    {
        var message = Parse<UplinkMessage>("""
            {"simulated":true,"uplink_message":{"f_port":1,"frm_payload":"AQI="},
             "end_device_ids":{"device_id":"d","application_ids":{"application_id":"a"}}}
            """);

        Assert.True(message.Simulated);
        Assert.Equal("d", message.EndDevice.DeviceId);
    }

    [Fact]
    public void A_utf8_byte_order_mark_is_skipped()
    {
        byte[] body = [0xEF, 0xBB, 0xBF, .. Utf8("downlink-ack.json")];

        Assert.True(TtnMessageParser.Default.Parse(body).IsSuccess);
    }

    [Fact]
    public void Attributes_of_newer_servers_are_read()
    {
        var up = Uplink("""{"attributes":{"site":"north","null_value":null}}""");

        Assert.Equal("north", Assert.Single(up.Attributes).Value);
    }
}
