using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.Gateways;

/// <summary>What <see cref="IGatewayService.RegisterGatewayAsync"/> did with the gateway.</summary>
public enum GatewayRegistrationStatus
{
    /// <summary>The gateway was created under the tenant's organization.</summary>
    Registered = 0,

    /// <summary>The gateway was claimed through the Gateway Claiming Server.</summary>
    Claimed = 1,

    /// <summary>The tenant's organization already had this gateway (same id and EUI).</summary>
    AlreadyPresent = 2,

    /// <summary>Another gateway holds the EUI or the id; see <see cref="GatewayRegistrationResult.ConflictMessage"/>.</summary>
    Conflict = 3,

    /// <summary>The registration failed; see <see cref="OperationResult.Error"/>.</summary>
    Failed = 4,
}

/// <summary>The result of <see cref="IGatewayService.RegisterGatewayAsync"/>.</summary>
public sealed class GatewayRegistrationResult : OperationResult
{
    internal GatewayRegistrationResult()
    {
    }

    /// <summary>The gateway id.</summary>
    public string? GatewayId { get; internal init; }

    /// <summary>The gateway EUI (upper-case hex).</summary>
    public string? Eui { get; internal init; }

    /// <summary>What happened; null when the call was refused before it was tried.</summary>
    public GatewayRegistrationStatus? Status { get; internal init; }

    /// <summary>What holds the EUI or id, as far as The Things Stack reveals it (the other gateway's id, its contact).</summary>
    public string? ConflictMessage { get; internal init; }

    /// <summary>The LNS API key, shown this once (<see cref="SafeDecrypt.Empty"/> when none was asked for or created).</summary>
    public SafeDecrypt LnsApiKey { get; internal init; }

    /// <summary>The LNS key's TTS key id (not secret), to revoke it later.</summary>
    public string? LnsApiKeyId { get; internal init; }

    /// <summary>The LNS key sealed for the host to keep, when it asked (<see cref="GatewayDefinition.SealLnsKey"/>).</summary>
    public string? SealedLnsApiKey { get; internal init; }

    /// <summary>What went wrong without failing the registration (the LNS key could not be created, say).</summary>
    public IReadOnlyList<string> Warnings { get; internal init; } = [];

    /// <summary>Never prints the LNS key (only its last four characters).</summary>
    public override string ToString() =>
        $"{base.ToString()}: gateway {GatewayId ?? "-"} {Status?.ToString() ?? "not tried"}, LNS key {LnsApiKey}";
}

/// <summary>A gateway's connection, as the Gateway Server reports it.</summary>
public sealed class GatewayStatus
{
    internal GatewayStatus(string gatewayId)
    {
        GatewayId = gatewayId;
    }

    /// <summary>The gateway id.</summary>
    public string GatewayId { get; }

    /// <summary>Whether the Gateway Server has a connection of the gateway (false: not connected, or never was).</summary>
    public bool IsConnected { get; internal init; }

    /// <summary>
    /// Whether it is connected and reported its status (or connected) recently: within
    /// <see cref="TtnDeviceOptions.GatewayOnlineWithin"/>.
    /// </summary>
    public bool IsOnline { get; internal init; }

    /// <summary>The protocol it connected with (<c>udp</c>, <c>ws</c> for Basics Station, <c>grpc</c>, …).</summary>
    public string? Protocol { get; internal init; }

    /// <summary>When it connected.</summary>
    public DateTimeOffset? ConnectedAt { get; internal init; }

    /// <summary>When its last status message arrived.</summary>
    public DateTimeOffset? LastStatusReceivedAt { get; internal init; }

    /// <summary>When it was last heard from: its last status, uplink or connection, whichever is latest.</summary>
    public DateTimeOffset? LastSeenAt { get; internal init; }

    /// <summary>Uplinks received on this connection.</summary>
    public long UplinkCount { get; internal init; }

    /// <summary>Downlinks sent on this connection.</summary>
    public long DownlinkCount { get; internal init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{GatewayId}: {(IsOnline ? "online" : IsConnected ? "connected, no recent status" : "not connected")}";
}

/// <summary>The result of <see cref="IGatewayService.GetGatewayStatusAsync"/>.</summary>
public sealed class GatewayStatusResult : OperationResult
{
    internal GatewayStatusResult()
    {
    }

    /// <summary>Each gateway's status, in the order asked (or listed).</summary>
    public IReadOnlyList<GatewayStatus> Gateways { get; internal init; } = [];
}

/// <summary>The result of <see cref="IGatewayService.RemoveGatewayAsync"/>.</summary>
public sealed class GatewayRemovalResult : OperationResult
{
    internal GatewayRemovalResult()
    {
    }

    /// <summary>The gateway id.</summary>
    public string? GatewayId { get; internal init; }

    /// <summary>Deleted, AlreadyGone, or Failed.</summary>
    public CleanupStatus? Status { get; internal init; }

    /// <summary>Whether it was also purged, which releases its id (needs an admin key).</summary>
    public bool Purged { get; internal init; }

    /// <summary>Whether its id stays reserved: The Things Stack keeps a deleted gateway's id until an admin purges it.</summary>
    public bool IdReserved { get; internal init; }

    /// <summary>Why it was not purged, when it was not.</summary>
    public IReadOnlyList<string> Warnings { get; internal init; } = [];
}
