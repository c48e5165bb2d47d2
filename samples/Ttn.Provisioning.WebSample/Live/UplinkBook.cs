namespace Ttn.Provisioning.WebSample.Live;

/// <summary>
/// The last <see cref="PerDevice"/> uplinks of each device of each tenant, in memory (a sample's store: a host keeps them
/// where it keeps sensor data). A per-tenant version lets the page ask cheaply whether anything new arrived.
/// </summary>
public sealed class UplinkBook
{
    /// <summary>How many uplinks are kept per device (the chart draws them all).</summary>
    public const int PerDevice = 50;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, Queue<ReceivedUplink>>> _tenants = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);

    /// <summary>Keeps an uplink, dropping the device's oldest beyond <see cref="PerDevice"/>.</summary>
    public void Add(string tenantId, ReceivedUplink uplink)
    {
        ArgumentNullException.ThrowIfNull(uplink);
        lock (_gate)
        {
            if (!_tenants.TryGetValue(tenantId, out var devices))
            {
                _tenants[tenantId] = devices = new Dictionary<string, Queue<ReceivedUplink>>(StringComparer.Ordinal);
            }

            if (!devices.TryGetValue(uplink.DeviceId, out var queue))
            {
                devices[uplink.DeviceId] = queue = new Queue<ReceivedUplink>();
            }

            queue.Enqueue(uplink);
            while (queue.Count > PerDevice)
            {
                queue.Dequeue();
            }

            _versions[tenantId] = _versions.GetValueOrDefault(tenantId) + 1;
        }
    }

    /// <summary>How many uplinks the tenant received so far; changes whenever one arrives.</summary>
    public long Version(string tenantId)
    {
        lock (_gate)
        {
            return _versions.GetValueOrDefault(tenantId);
        }
    }

    /// <summary>Each device's kept uplinks, oldest first, devices by name.</summary>
    public IReadOnlyList<(string DeviceId, IReadOnlyList<ReceivedUplink> Uplinks)> Devices(string tenantId)
    {
        lock (_gate)
        {
            return _tenants.TryGetValue(tenantId, out var devices)
                ? [.. devices.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => (d.Key, (IReadOnlyList<ReceivedUplink>)[.. d.Value]))]
                : [];
        }
    }

    /// <summary>The tenant's newest uplinks across devices, newest first.</summary>
    public IReadOnlyList<ReceivedUplink> Latest(string tenantId, int count) =>
        [.. Devices(tenantId).SelectMany(d => d.Uplinks).OrderByDescending(u => u.ReceivedAt).Take(count)];
}
