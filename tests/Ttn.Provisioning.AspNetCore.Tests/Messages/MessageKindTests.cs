using System.Text.Json;
using Ttn.Provisioning.AspNetCore.Messages;
using static Ttn.Provisioning.AspNetCore.Tests.Messages.TestBodies;

namespace Ttn.Provisioning.AspNetCore.Tests.Messages;

/// <summary>One realistic body per message kind, parsed into its typed record.</summary>
public sealed class MessageKindTests
{
    [Fact]
    public void Uplink_with_two_gateways_decoded_payload_and_locations_is_read_in_full()
    {
        var up = ParseFile<UplinkMessage>("uplink.json");

        Assert.Equal(TtnMessageKind.Uplink, up.Kind);
        Assert.Equal(new EndDeviceIds
        {
            DeviceId = "cold-room-3",
            ApplicationId = "acme-cold-chain",
            DevEui = "70B3D57ED005A1F2",
            JoinEui = "0000000000000000",
            DevAddr = "260B4C7E",
        }, up.EndDevice);
        Assert.Equal(7, up.CorrelationIds.Count);
        Assert.Equal("as:up:01HQZ8X2N5G3F6V2T7R9K4M1PA", up.CorrelationIds[0]);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 41, 27, TimeSpan.Zero).AddTicks(5173739), up.ReceivedAt);
        Assert.False(up.Simulated);
        Assert.Equal(2, up.FPort);
        Assert.Equal(4711, up.FCnt);
        Assert.Equal(Convert.FromBase64String("AQLQBOIKAQ=="), up.FrmPayload.ToArray());
        Assert.Equal(Convert.FromBase64String("AY3c5Rz8Gm2pV7xQnL0wKg=="), up.SessionKeyId.ToArray());
        Assert.Equal(2.3, up.DecodedPayload!.Value.GetProperty("temperature_c").GetDouble());
        Assert.False(up.DecodedPayload.Value.GetProperty("door_open").GetBoolean());
        Assert.True(up.Confirmed);
        Assert.Equal(TimeSpan.FromTicks(2058240), up.ConsumedAirtime);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 41, 27, TimeSpan.Zero).AddTicks(3126408), up.NetworkReceivedAt);
    }

    [Fact]
    public void Uplink_rx_metadata_keeps_each_gateway_with_its_signal_and_location()
    {
        var up = ParseFile<UplinkMessage>("uplink.json");

        Assert.Equal(2, up.RxMetadata.Count);
        var near = up.RxMetadata[0];
        Assert.Equal("acme-warehouse-gw", near.GatewayId);
        Assert.Equal("B827EBFFFE7A3C10", near.GatewayEui);
        Assert.Equal(-97f, near.Rssi);
        Assert.Equal(-97f, near.ChannelRssi);
        Assert.Equal(7.25f, near.Snr);
        Assert.Equal(3128441876L, near.Timestamp);
        Assert.Equal(4, near.ChannelIndex);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 41, 27, TimeSpan.Zero).AddTicks(2918839), near.Time);
        Assert.Equal(
            new Location { Latitude = 52.3731, Longitude = 4.8922, Altitude = 14, Source = LocationSource.Registry },
            near.Location);
        var far = up.RxMetadata[1];
        Assert.Equal("eui-0016c001ff1e7b5a", far.GatewayId);
        Assert.Equal(-113f, far.Rssi);
        Assert.Equal(-4.5f, far.Snr);
        Assert.Null(far.Location);
        Assert.Null(far.Time);
    }

    [Fact]
    public void Uplink_settings_device_location_and_network_are_read()
    {
        var up = ParseFile<UplinkMessage>("uplink.json");

        Assert.Equal(
            new DataRate { Modulation = Modulation.LoRa, Bandwidth = 125_000, SpreadingFactor = 9, CodingRate = "4/5" },
            up.Settings!.DataRate);
        Assert.Equal(867_500_000L, up.Settings.Frequency);
        Assert.Equal(3128441876L, up.Settings.Timestamp);
        Assert.Equal(LocationSource.Registry, up.Locations["user"].Source);
        Assert.Equal(52.37305, up.Locations["user"].Latitude);
        Assert.Equal("ers-co2", up.VersionIds!.ModelId);
        Assert.Equal("EU_863_870", up.VersionIds.BandId);
        Assert.Equal(
            new NetworkIds
            {
                NetId = "000013", TenantId = "ttn", ClusterId = "eu1", ClusterAddress = "eu1.cloud.thethings.network",
            },
            up.NetworkIds);
    }

    [Fact]
    public void Normalized_uplink_carries_its_item_and_the_frame_metadata()
    {
        var up = ParseFile<NormalizedUplinkMessage>("uplink-normalized.json");

        Assert.Equal(TtnMessageKind.NormalizedUplink, up.Kind);
        Assert.Equal(4711, up.FCnt);
        Assert.Equal(2.3, up.NormalizedPayload!.Value.GetProperty("air").GetProperty("temperature").GetDouble());
        Assert.Equal(["battery level is not normalized"], up.NormalizedPayloadWarnings);
        Assert.Equal("acme-warehouse-gw", Assert.Single(up.RxMetadata).GatewayId);
        Assert.Equal("elsys", up.VersionIds!.BrandId);
    }

    [Fact]
    public void Join_accept_carries_the_session_and_attributes_but_never_the_session_key()
    {
        var join = ParseFile<JoinAcceptMessage>("join-accept.json");

        Assert.Equal(TtnMessageKind.JoinAccept, join.Kind);
        Assert.Equal("01497ECC", join.EndDevice.DevAddr);
        Assert.Equal(Convert.FromBase64String("AXBSH1Pk6Z0G166RlH16CQ=="), join.SessionKeyId.ToArray());
        Assert.Equal(new DateTimeOffset(2020, 2, 17, 7, 49, 9, TimeSpan.Zero).AddTicks(7365323), join.NetworkReceivedAt);
        Assert.Equal("warehouse-2", join.Attributes["site"]);
        Assert.Empty(join.InvalidatedDownlinks);
        Assert.DoesNotContain("5B7E151628AED2A6ABF7158809CF4F3C", join.ToString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Downlink_ack_carries_the_acknowledged_downlink()
    {
        var ack = ParseFile<DownlinkAckMessage>("downlink-ack.json");

        Assert.Equal(TtnMessageKind.DownlinkAck, ack.Kind);
        Assert.Equal(15, ack.Downlink.FPort);
        Assert.Equal(1, ack.Downlink.FCnt);
        Assert.Equal(new byte[] { 0xBE, 0xEF }, ack.Downlink.FrmPayload.ToArray());
        Assert.True(ack.Downlink.Confirmed);
        Assert.Equal(DownlinkPriority.Normal, ack.Downlink.Priority);
        Assert.Equal(["as:downlink:01E19B99501X84X6CV471TVSZ1"], ack.Downlink.CorrelationIds);
        Assert.Equal(6, ack.CorrelationIds.Count);
    }

    [Fact]
    public void Downlink_nack_is_its_own_kind()
    {
        var nack = ParseFile<DownlinkNackMessage>("downlink-nack.json");

        Assert.Equal(TtnMessageKind.DownlinkNack, nack.Kind);
        Assert.Equal(2, nack.Downlink.FCnt);
    }

    [Fact]
    public void Downlink_sent_keeps_the_priority()
    {
        var sent = ParseFile<DownlinkSentMessage>("downlink-sent.json");

        Assert.Equal(TtnMessageKind.DownlinkSent, sent.Kind);
        Assert.Equal(DownlinkPriority.High, sent.Downlink.Priority);
        Assert.Equal(2, sent.Downlink.CorrelationIds.Count);
    }

    [Fact]
    public void Downlink_queued_keeps_the_decoded_payload()
    {
        var queued = ParseFile<DownlinkQueuedMessage>("downlink-queued.json");

        Assert.Equal(TtnMessageKind.DownlinkQueued, queued.Kind);
        Assert.Equal(4, queued.Downlink.DecodedPayload!.Value.GetProperty("setpoint_c").GetInt32());
        Assert.Equal(0, queued.Downlink.FCnt);
    }

    [Fact]
    public void Downlink_failed_carries_the_downlink_and_the_error()
    {
        var failed = ParseFile<DownlinkFailedMessage>("downlink-failed.json");

        Assert.Equal(TtnMessageKind.DownlinkFailed, failed.Kind);
        Assert.Equal(15, failed.Downlink.FPort);
        Assert.Equal(
            new DownlinkError
            {
                Namespace = "pkg/networkserver",
                Name = "application_downlink_too_long",
                MessageFormat = "application downlink payload is too long",
                CorrelationId = "2e7f786912e946e597894e381d0ad7b0",
                Code = 3,
            },
            failed.Error);
        Assert.Null(failed.ReceivedAt);
        Assert.Null(failed.EndDevice.DevEui);
    }

    [Fact]
    public void Downlink_queue_invalidated_lists_the_dropped_downlinks()
    {
        var invalidated = ParseFile<DownlinkQueueInvalidatedMessage>("downlink-queue-invalidated.json");

        Assert.Equal(TtnMessageKind.DownlinkQueueInvalidated, invalidated.Kind);
        Assert.Equal([7L, 8L], invalidated.Downlinks.Select(d => d.FCnt));
        Assert.Equal(DownlinkPriority.Low, invalidated.Downlinks[1].Priority);
        Assert.Equal(6, invalidated.LastFCntDown);
    }

    [Fact]
    public void Location_solved_carries_the_service_and_the_position()
    {
        var solved = ParseFile<LocationSolvedMessage>("location-solved.json");

        Assert.Equal(TtnMessageKind.LocationSolved, solved.Kind);
        Assert.Equal("lora-cloud-geolocation-v3", solved.Service);
        Assert.Equal(
            new Location
            {
                Latitude = 52.37284, Longitude = 4.89362, Altitude = 5, Accuracy = 38,
                Source = LocationSource.LoraTdoaGeolocation,
            },
            solved.Location);
        Assert.Equal("1.4", solved.Attributes["hdop"]);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 9, 42, 1, 1, TimeSpan.Zero), solved.ReceivedAt);
    }

    [Fact]
    public void Service_data_keeps_the_package_data_as_json()
    {
        var data = ParseFile<ServiceDataMessage>("service-data.json");

        Assert.Equal(TtnMessageKind.ServiceData, data.Kind);
        Assert.Equal("lora-cloud-device-management-v1", data.Service);
        Assert.Equal(199, data.Data!.Value.GetProperty("result").GetProperty("fports").GetProperty("dmport").GetInt32());
        Assert.Equal(TimeSpan.FromHours(1), data.ReceivedAt!.Value.Offset);
    }

    [Fact]
    public void Unknown_kind_is_delivered_with_its_name_and_the_whole_body()
    {
        var unknown = ParseFile<UnknownMessage>("unknown-kind.json");

        Assert.Equal(TtnMessageKind.Unknown, unknown.Kind);
        Assert.Equal("uplink_holographic", unknown.KindName);
        Assert.Equal("dev1", unknown.EndDevice.DeviceId);
        Assert.Equal(["as:up:01HQZ9C1B2C3D4E5F6G7H8J9K0"], unknown.CorrelationIds);
        Assert.Equal(3, unknown.Body.GetProperty("uplink_holographic").GetProperty("hologram").GetProperty("frames").GetInt32());
        Assert.True(unknown.Body.GetProperty("new_envelope_flag").GetBoolean());
    }

    [Fact]
    public void An_unknown_message_does_not_print_its_body_which_may_hold_a_key()
    {
        var body = Node("unknown-kind.json");
        body["uplink_holographic"]!["app_s_key"] = new System.Text.Json.Nodes.JsonObject { ["key"] = "5B7E151628AED2A6ABF7158809CF4F3C" };

        var printed = Parse<UnknownMessage>(body.ToJsonString()).ToString();

        Assert.DoesNotContain("5B7E1516", printed, StringComparison.Ordinal);
        Assert.Contains("KindName = uplink_holographic", printed, StringComparison.Ordinal);
        Assert.Contains("DeviceId = dev1", printed, StringComparison.Ordinal);
    }

    [Fact]
    public void An_uplink_of_a_device_that_skips_payload_crypto_never_holds_the_session_key()
    {
        var up = Uplink("""{"f_port":1,"app_s_key":{"key":"5B7E151628AED2A6ABF7158809CF4F3C"},"last_a_f_cnt_down":3}""");

        Assert.DoesNotContain("5B7E1516", up.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, up.FPort);
    }

    [Fact]
    public void Every_known_kind_is_a_distinct_subclass_to_match_on()
    {
        var kinds = All.Select(name => TtnMessageParser.Default.Parse(Text(name)).Message!)
            .Select(message => message switch
            {
                UplinkMessage => "uplink",
                NormalizedUplinkMessage => "normalized",
                DownlinkEventMessage { Downlink.FPort: 15 } => "downlink event on port 15",
                DownlinkQueueInvalidatedMessage => "invalidated",
                JoinAcceptMessage or LocationSolvedMessage or ServiceDataMessage or UnknownMessage => "other",
                _ => "unmatched",
            })
            .ToList();

        Assert.DoesNotContain("unmatched", kinds);
        Assert.Equal(5, kinds.Count(k => k == "downlink event on port 15"));
    }

    [Fact]
    public void Decoded_payload_stays_readable_after_the_input_buffer_is_reused()
    {
        var body = Utf8("uplink.json");
        var up = (UplinkMessage)TtnMessageParser.Default.Parse(body).Message!;
        Array.Fill(body, (byte)' ');

        Assert.Equal(86.5, up.DecodedPayload!.Value.GetProperty("humidity").GetDouble());
        Assert.Equal(JsonValueKind.Object, up.DecodedPayload.Value.ValueKind);
    }
}
