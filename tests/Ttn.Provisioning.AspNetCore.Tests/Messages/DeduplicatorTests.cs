using Microsoft.Extensions.Time.Testing;
using Ttn.Provisioning.AspNetCore.Messages;
using static Ttn.Provisioning.AspNetCore.Tests.Messages.TestBodies;

namespace Ttn.Provisioning.AspNetCore.Tests.Messages;

public sealed class DeduplicatorTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void The_same_uplink_delivered_twice_is_a_repeat()
    {
        var deduplicator = new TtnMessageDeduplicator(_time);

        Assert.True(deduplicator.TryRegister(ParseFile<UplinkMessage>("uplink.json")));
        Assert.False(deduplicator.TryRegister(ParseFile<UplinkMessage>("uplink.json")));
    }

    [Fact]
    public void An_uplink_with_the_same_frame_counter_and_session_is_a_repeat_even_with_other_correlation_ids()
    {
        var deduplicator = new TtnMessageDeduplicator(_time);
        var first = ParseFile<UplinkMessage>("uplink.json");

        deduplicator.TryRegister(first);

        Assert.False(deduplicator.TryRegister(first with { CorrelationIds = ["as:up:another-delivery"] }));
    }

    [Fact]
    public void A_repeat_after_the_window_is_new_again()
    {
        var deduplicator = new TtnMessageDeduplicator(new TtnMessageDeduplicatorOptions { Window = TimeSpan.FromMinutes(2) }, _time);
        var up = ParseFile<UplinkMessage>("uplink.json");
        deduplicator.TryRegister(up);

        _time.Advance(TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1));
        Assert.False(deduplicator.TryRegister(up));
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.True(deduplicator.TryRegister(up));
    }

    [Fact]
    public void The_next_frame_counter_is_new()
    {
        var deduplicator = new TtnMessageDeduplicator(_time);
        var up = ParseFile<UplinkMessage>("uplink.json");
        deduplicator.TryRegister(up);

        Assert.True(deduplicator.TryRegister(up with { FCnt = up.FCnt + 1 }));
    }

    [Fact]
    public void The_same_frame_counter_in_a_new_session_is_new()
    {
        var deduplicator = new TtnMessageDeduplicator(_time);
        var up = ParseFile<UplinkMessage>("uplink.json");
        deduplicator.TryRegister(up);

        Assert.True(deduplicator.TryRegister(up with { SessionKeyId = new byte[] { 9, 9, 9 } }));
    }

    [Fact]
    public void The_same_frame_counter_of_another_device_is_new()
    {
        var deduplicator = new TtnMessageDeduplicator(_time);
        var up = ParseFile<UplinkMessage>("uplink.json");
        deduplicator.TryRegister(up);

        Assert.True(deduplicator.TryRegister(up with { EndDevice = up.EndDevice with { DeviceId = "cold-room-4" } }));
    }

    [Fact]
    public void Simulated_uplinks_are_told_apart_by_their_correlation_ids()
    {
        var deduplicator = new TtnMessageDeduplicator(_time);
        var simulated = Uplink("""{"f_port":1,"frm_payload":"AQI="}""") with { Simulated = true, CorrelationIds = ["as:up:1"] };

        Assert.True(deduplicator.TryRegister(simulated));
        Assert.True(deduplicator.TryRegister(simulated with { CorrelationIds = ["as:up:2"] }));
        Assert.False(deduplicator.TryRegister(simulated with { CorrelationIds = ["as:up:2"] }));
    }

    [Fact]
    public void Normalized_items_of_one_frame_are_each_new_but_each_repeat_is_not()
    {
        var deduplicator = new TtnMessageDeduplicator(_time);
        var item = ParseFile<NormalizedUplinkMessage>("uplink-normalized.json");
        var other = Parse<NormalizedUplinkMessage>(Text("uplink-normalized.json")
            .Replace("\"temperature\": 2.3", "\"temperature\": 2.4", StringComparison.Ordinal));

        Assert.True(deduplicator.TryRegister(item));
        Assert.True(deduplicator.TryRegister(other));
        Assert.False(deduplicator.TryRegister(other));
    }

    [Fact]
    public void Downlink_events_of_one_downlink_are_new_per_kind()
    {
        var deduplicator = new TtnMessageDeduplicator(_time);
        var ack = ParseFile<DownlinkAckMessage>("downlink-ack.json");
        var nack = new DownlinkNackMessage { EndDevice = ack.EndDevice, CorrelationIds = ack.CorrelationIds, Downlink = ack.Downlink };

        Assert.True(deduplicator.TryRegister(ack));
        Assert.True(deduplicator.TryRegister(nack));
        Assert.False(deduplicator.TryRegister(ParseFile<DownlinkAckMessage>("downlink-ack.json")));
    }

    [Fact]
    public void A_message_with_nothing_to_recognise_it_by_is_always_new()
    {
        var deduplicator = new TtnMessageDeduplicator(_time);
        var bare = Parse<DownlinkAckMessage>(Minimal("downlink_ack", "{}"));

        Assert.True(deduplicator.TryRegister(bare));
        Assert.True(deduplicator.TryRegister(bare));
        Assert.Equal(0, deduplicator.Count);
    }

    [Fact]
    public void Past_its_capacity_the_oldest_deliveries_are_forgotten_first()
    {
        var deduplicator = new TtnMessageDeduplicator(new TtnMessageDeduplicatorOptions { Capacity = 3 }, _time);
        var up = ParseFile<UplinkMessage>("uplink.json");
        for (var fCnt = 1; fCnt <= 4; fCnt++)
        {
            deduplicator.TryRegister(up with { FCnt = fCnt });
        }

        Assert.Equal(3, deduplicator.Count);
        Assert.False(deduplicator.TryRegister(up with { FCnt = 4 }));
        Assert.True(deduplicator.TryRegister(up with { FCnt = 1 }));
    }

    [Fact]
    public void Expired_deliveries_are_dropped_from_memory()
    {
        var deduplicator = new TtnMessageDeduplicator(new TtnMessageDeduplicatorOptions { Window = TimeSpan.FromMinutes(1) }, _time);
        var up = ParseFile<UplinkMessage>("uplink.json");
        for (var fCnt = 0; fCnt < 100; fCnt++)
        {
            deduplicator.TryRegister(up with { FCnt = fCnt });
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        deduplicator.TryRegister(up with { FCnt = 1000 });

        Assert.Equal(1, deduplicator.Count);
    }

    [Fact]
    public void Concurrent_deliveries_of_one_message_let_exactly_one_through()
    {
        var deduplicator = new TtnMessageDeduplicator(_time);
        var up = ParseFile<UplinkMessage>("uplink.json");

        var firsts = Enumerable.Range(0, 64).AsParallel().Count(_ => deduplicator.TryRegister(up));

        Assert.Equal(1, firsts);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-1, 10)]
    [InlineData(60, 0)]
    public void A_window_or_capacity_that_is_not_positive_is_refused(int windowSeconds, int capacity)
    {
        var options = new TtnMessageDeduplicatorOptions { Window = TimeSpan.FromSeconds(windowSeconds), Capacity = capacity };

        Assert.Throws<ArgumentOutOfRangeException>(() => new TtnMessageDeduplicator(options, _time));
    }
}
