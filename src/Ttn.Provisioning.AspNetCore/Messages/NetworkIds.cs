namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>The network that handled an uplink (<c>network_ids</c>).</summary>
public sealed record NetworkIds
{
    /// <summary>The LoRa Alliance NetID (6 hex digits, <c>000013</c> for The Things Network), or null.</summary>
    public string? NetId { get; init; }

    /// <summary>The tenant of a multi-tenant deployment (<c>ttn</c> on The Things Network), or null.</summary>
    public string? TenantId { get; init; }

    /// <summary>The Network Server's cluster (<c>eu1</c>, <c>nam1</c>, <c>au1</c>, …), or null.</summary>
    public string? ClusterId { get; init; }

    /// <summary>The Network Server's cluster address (a host name), or null.</summary>
    public string? ClusterAddress { get; init; }
}
