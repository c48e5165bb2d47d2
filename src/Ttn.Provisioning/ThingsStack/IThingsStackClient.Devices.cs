namespace Ttn.Provisioning.ThingsStack;

/// <summary>One page of the Identity Server's device list, with the total TTS reported (<c>X-Total-Count</c>).</summary>
/// <param name="Devices">The page's devices.</param>
/// <param name="TotalCount">How many devices the application holds, when TTS said.</param>
internal sealed record EndDevicePage(IReadOnlyList<EndDevice> Devices, long? TotalCount);

/// <summary>The end device and gateway requests beyond creating and deleting them: reads, search, claiming, connection stats.</summary>
internal partial interface IThingsStackClient
{
    /// <summary>
    /// <c>GET [/{js|ns|as}]/applications/{application_id}/devices/{device_id}?field_mask=…</c>: one registry's record of a
    /// device (the cluster is ignored for the Identity Server).
    /// </summary>
    Task<EndDevice> GetEndDeviceAsync(
        string cluster,
        string apiKey,
        EndDeviceComponent component,
        string applicationId,
        string deviceId,
        IReadOnlyCollection<string>? fieldMask = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /applications/{application_id}/devices?limit=&amp;page=&amp;field_mask=</c>: one page, with the total.</summary>
    Task<EndDevicePage> ListEndDevicesPageAsync(
        string apiKey,
        string applicationId,
        int page,
        int limit,
        IReadOnlyCollection<string>? fieldMask = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /search/applications/{application_id}/devices?dev_eui_contains=&amp;join_eui_contains=</c>, paged: the devices of
    /// the application whose EUIs contain the given hex (case-insensitive).
    /// </summary>
    IAsyncEnumerable<EndDevice> SearchEndDevicesAsync(
        string apiKey,
        string applicationId,
        string? devEuiContains,
        string? joinEuiContains,
        CancellationToken cancellationToken = default);

    /// <summary><c>POST /gateways/{gateway_id}/api-keys</c>. The answer holds the secret, shown only once. Never retried.</summary>
    Task<ThingsStackApiKey> CreateGatewayApiKeyAsync(
        string apiKey,
        string gatewayId,
        string name,
        IReadOnlyCollection<string> rights,
        CancellationToken cancellationToken = default);

    /// <summary><c>POST /gcls/claim</c>: claims a gateway with its owner's authentication code (Gateway Claiming Server).</summary>
    Task<GatewayIdentifiers> ClaimGatewayAsync(string apiKey, ClaimGatewayRequest claim, CancellationToken cancellationToken = default);

    /// <summary><c>GET /gs/gateways/{gateway_id}/connection/stats</c> (404 <c>not_connected</c> when it is not connected).</summary>
    Task<GatewayConnectionStats> GetGatewayConnectionStatsAsync(
        string cluster, string apiKey, string gatewayId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /gs/gateways/connection/stats</c>: the stats of the connected gateways among <paramref name="gatewayIds"/>,
    /// by gateway id (a gateway that is not connected is not in the answer).
    /// </summary>
    Task<IReadOnlyDictionary<string, GatewayConnectionStats>> GetGatewayConnectionStatsAsync(
        string cluster, string apiKey, IReadOnlyCollection<string> gatewayIds, CancellationToken cancellationToken = default);
}
