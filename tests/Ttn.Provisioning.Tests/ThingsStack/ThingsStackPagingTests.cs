using System.Net;

namespace Ttn.Provisioning.Tests.ThingsStack;

public sealed class ThingsStackPagingTests : IDisposable
{
    private readonly ThingsStackTestHost _host = new(o => o.PageSize = 2);

    public void Dispose() => _host.Dispose();

    private static Action<HttpResponseMessage> Total(int total) => r => r.Headers.Add("X-Total-Count", total.ToString(System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Lists_page_with_limit_and_one_based_page_until_the_total_count_is_reached()
    {
        _host.Stub
            .Enqueue(HttpStatusCode.OK, """{"end_devices":[{"ids":{"device_id":"d-1"}},{"ids":{"device_id":"d-2"}}]}""", Total(4))
            .Enqueue(HttpStatusCode.OK, """{"end_devices":[{"ids":{"device_id":"d-3"}},{"ids":{"device_id":"d-4"}}]}""", Total(4));

        var ids = new List<string>();
        await foreach (var device in _host.Client.ListEndDevicesAsync(ThingsStackTestHost.AdminKey, "app-1", ["name"]))
        {
            ids.Add(device.Ids.DeviceId);
        }

        Assert.Equal(["d-1", "d-2", "d-3", "d-4"], ids);
        Assert.Equal(["?limit=2&page=1&field_mask=name", "?limit=2&page=2&field_mask=name"], _host.Stub.Requests.Select(r => r.Uri.Query));
        Assert.Empty(_host.Validator.Mismatches);
    }

    [Fact]
    public async Task A_short_page_ends_the_list_without_a_total_count()
    {
        _host.Stub
            .Enqueue(HttpStatusCode.OK, """{"api_keys":[{"id":"A"},{"id":"B"}]}""")
            .Enqueue(HttpStatusCode.OK, """{"api_keys":[{"id":"C"}]}""");

        var keys = new List<string?>();
        await foreach (var key in _host.Client.ListApplicationApiKeysAsync(ThingsStackTestHost.AdminKey, "app-1"))
        {
            keys.Add(key.Id);
        }

        Assert.Equal(["A", "B", "C"], keys);
        Assert.Equal(2, _host.Stub.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_between_pages_stops_the_listing()
    {
        _host.Stub.Enqueue(HttpStatusCode.OK, """{"gateways":[{"ids":{"gateway_id":"g-1"}},{"ids":{"gateway_id":"g-2"}}]}""", Total(10));
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in _host.Client.ListGatewaysAsync(ThingsStackTestHost.AdminKey, "acme-org").WithCancellation(cts.Token))
            {
                await cts.CancelAsync();
            }
        });

        Assert.Single(_host.Stub.Requests);
    }

    [Fact]
    public void An_invalid_id_fails_when_the_list_is_asked_for_not_later()
        => Assert.Throws<ArgumentException>(() => _host.Client.ListOrganizationApiKeysAsync(ThingsStackTestHost.AdminKey, "Not Valid"));
}
