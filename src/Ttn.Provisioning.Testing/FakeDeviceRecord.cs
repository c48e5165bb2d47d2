namespace Ttn.Provisioning.Testing;

/// <summary>The four registries that each hold a part of an end device.</summary>
public enum FakeDeviceRegistry
{
    /// <summary>The Identity Server (global: one per deployment).</summary>
    IdentityServer,

    /// <summary>A cluster's Join Server (OTAA root keys).</summary>
    JoinServer,

    /// <summary>A cluster's Network Server (frequency plan, MAC and PHY versions).</summary>
    NetworkServer,

    /// <summary>A cluster's Application Server.</summary>
    ApplicationServer,
}

/// <summary>One registry's record of an end device.</summary>
public sealed class FakeDeviceRecord
{
    internal FakeDeviceRecord(FakeDeviceRegistry registry, string? cluster, string? devEui, string? joinEui, string json, string? appKey,
        string? nwkKey)
    {
        Registry = registry;
        Cluster = cluster;
        DevEui = devEui;
        JoinEui = joinEui;
        Json = json;
        AppKey = appKey;
        NwkKey = nwkKey;
    }

    /// <summary>The registry.</summary>
    public FakeDeviceRegistry Registry { get; }

    /// <summary>
    /// The cluster of a Join, Network or Application Server record; null for the Identity Server or a fake without clusters.
    /// </summary>
    public string? Cluster { get; }

    /// <summary>The DevEUI this registry holds (upper-case hex), if any.</summary>
    public string? DevEui { get; }

    /// <summary>The JoinEUI this registry holds (upper-case hex), if any.</summary>
    public string? JoinEui { get; }

    /// <summary>Every stored field except the identifiers, as JSON (keys included, as the registry holds them).</summary>
    public string Json { get; }

    /// <summary>The Join Server's AppKey (<c>root_keys.app_key.key</c>) as sent, so a test can check the keys arrived; else null.</summary>
    public string? AppKey { get; }

    /// <summary>The Join Server's NwkKey (<c>root_keys.nwk_key.key</c>), for LoRaWAN 1.1 devices; else null.</summary>
    public string? NwkKey { get; }
}

/// <summary>A gateway's connection stats as the Gateway Server reports them (<c>v3GatewayConnectionStats</c>).</summary>
public sealed class FakeGatewayConnectionStats
{
    /// <summary>When the gateway connected.</summary>
    public DateTimeOffset? ConnectedAt { get; init; }

    /// <summary>When it disconnected, if it did.</summary>
    public DateTimeOffset? DisconnectedAt { get; init; }

    /// <summary>The protocol, for example <c>udp</c>, <c>ws</c> (Basic Station) or <c>grpc</c>.</summary>
    public string? Protocol { get; init; }

    /// <summary>When the last status message arrived.</summary>
    public DateTimeOffset? LastStatusReceivedAt { get; init; }

    /// <summary>When the last uplink arrived.</summary>
    public DateTimeOffset? LastUplinkReceivedAt { get; init; }

    /// <summary>Uplinks received on this connection.</summary>
    public long UplinkCount { get; init; }

    /// <summary>When the last downlink was sent to the gateway.</summary>
    public DateTimeOffset? LastDownlinkReceivedAt { get; init; }

    /// <summary>Downlinks sent on this connection.</summary>
    public long DownlinkCount { get; init; }
}
