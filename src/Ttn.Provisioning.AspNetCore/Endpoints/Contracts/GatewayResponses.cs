using Ttn.Provisioning.Gateways;

namespace Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

/// <summary>
/// The answer of <c>POST …/gateways</c>: what happened (<c>Registered</c>, <c>Claimed</c>, <c>AlreadyPresent</c>,
/// <c>Conflict</c>, <c>Failed</c>), and the LNS key when one was asked for: in plain text in this answer only (the library
/// does not keep it), sealed as well when asked. Never the claim authentication code.
/// </summary>
internal sealed class GatewayRegistrationResponse : OperationResponse
{
    private GatewayRegistrationResponse(GatewayRegistrationResult result)
        : base(result)
    {
        GatewayId = result.GatewayId;
        Eui = result.Eui;
        Status = result.Status?.ToString();
        ConflictMessage = result.ConflictMessage;
        LnsApiKey = result.LnsApiKey.Value;
        LnsApiKeyId = result.LnsApiKeyId;
        SealedLnsApiKey = result.SealedLnsApiKey;
        Warnings = result.Warnings;
    }

    public string? GatewayId { get; }

    public string? Eui { get; }

    public string? Status { get; }

    public string? ConflictMessage { get; }

    /// <summary>The LNS key in plain text: shown in this answer only.</summary>
    public string? LnsApiKey { get; }

    public string? LnsApiKeyId { get; }

    public string? SealedLnsApiKey { get; }

    public IReadOnlyList<string> Warnings { get; }

    public static GatewayRegistrationResponse From(GatewayRegistrationResult result) => new(result);
}

/// <summary>A gateway's connection, as the Gateway Server reports it.</summary>
internal sealed record GatewayStatusView(
    string GatewayId,
    bool IsConnected,
    bool IsOnline,
    string? Protocol,
    DateTimeOffset? ConnectedAt,
    DateTimeOffset? LastStatusReceivedAt,
    DateTimeOffset? LastSeenAt,
    long UplinkCount,
    long DownlinkCount)
{
    public static GatewayStatusView From(GatewayStatus status) => new(
        status.GatewayId, status.IsConnected, status.IsOnline, status.Protocol, status.ConnectedAt, status.LastStatusReceivedAt,
        status.LastSeenAt, status.UplinkCount, status.DownlinkCount);
}

/// <summary>The answer of <c>GET …/gateways</c> (every gateway of the tenant) and <c>GET …/gateways/{gatewayId}/status</c>.</summary>
internal sealed class GatewayStatusResponse : OperationResponse
{
    private GatewayStatusResponse(GatewayStatusResult result)
        : base(result)
    {
        Gateways = result.Gateways.Select(GatewayStatusView.From).ToArray();
    }

    public IReadOnlyList<GatewayStatusView> Gateways { get; }

    public static GatewayStatusResponse From(GatewayStatusResult result) => new(result);
}

/// <summary>The answer of <c>DELETE …/gateways/{gatewayId}</c>: deleted or already gone, purged or its id still reserved.</summary>
internal sealed class GatewayRemovalResponse : OperationResponse
{
    private GatewayRemovalResponse(GatewayRemovalResult result)
        : base(result)
    {
        GatewayId = result.GatewayId;
        Status = result.Status?.ToString();
        Purged = result.Purged;
        IdReserved = result.IdReserved;
        Warnings = result.Warnings;
    }

    public string? GatewayId { get; }

    public string? Status { get; }

    public bool Purged { get; }

    /// <summary>Whether The Things Stack keeps the id reserved (it was not purged).</summary>
    public bool IdReserved { get; }

    public IReadOnlyList<string> Warnings { get; }

    public static GatewayRemovalResponse From(GatewayRemovalResult result) => new(result);
}
