using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.Gateways;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Reads gateways' connection stats from the Gateway Server of the tenant's cluster: one GET for one gateway (404
/// <c>not_connected</c>: not connected), one batch POST for several (a gateway missing from the answer is not connected).
/// </summary>
internal sealed class GatewayStatusOperation : DeviceOperation<GatewayStatusResult>
{
    private readonly IReadOnlyList<string>? _gatewayIds;

    /// <exception cref="ArgumentException">A gateway id is not a valid TTS id.</exception>
    public GatewayStatusOperation(DeviceServices services, IReadOnlyCollection<string>? gatewayIds)
        : base(services)
    {
        if (gatewayIds is not null)
        {
            foreach (var id in gatewayIds)
            {
                ThingsStackIds.Validate(id, nameof(gatewayIds));
            }

            _gatewayIds = [.. gatewayIds.Distinct(StringComparer.Ordinal)];
        }
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.ReadGateways;

    protected override bool ActsOnGateways => true;

    protected override GatewayStatusResult CreateResult(TenantRecord? record) => new();

    protected override async Task<GatewayStatusResult> ExecuteAsync(DeviceSession session, CancellationToken cancellationToken)
    {
        var ids = _gatewayIds;
        if (ids is null)
        {
            var listed = await session.Context.ListAsync(
                "Listing the organization's gateways",
                () => session.Client.ListGatewaysAsync(session.ApiKey, session.OrganizationId, cancellationToken: cancellationToken),
                cancellationToken).ConfigureAwait(false);
            if (!listed.Succeeded)
            {
                return Failed(session, listed.Failure);
            }

            ids = [.. listed.Value.Select(g => g.Ids.GatewayId)];
        }

        var stats = new Dictionary<string, GatewayConnectionStats>(StringComparer.Ordinal);
        if (ids.Count == 1)
        {
            var one = await session.Context.CallAsync(
                "Reading the gateway's connection stats",
                () => session.Client.GetGatewayConnectionStatsAsync(session.Cluster, session.ApiKey, ids[0], cancellationToken),
                cancellationToken).ConfigureAwait(false);
            if (one.Succeeded)
            {
                stats[ids[0]] = one.Value;
            }
            else if (!one.Failure.IsNotFound)
            {
                return Failed(session, one.Failure);
            }
        }
        else if (ids.Count > 1)
        {
            var batch = await session.Context.CallAsync(
                "Reading the gateways' connection stats",
                () => session.Client.GetGatewayConnectionStatsAsync(session.Cluster, session.ApiKey, ids, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            if (!batch.Succeeded)
            {
                return Failed(session, batch.Failure);
            }

            foreach (var (id, entry) in batch.Value)
            {
                stats[id] = entry;
            }
        }

        return new GatewayStatusResult
        {
            Outcome = ProvisioningOutcome.Succeeded,
            Gateways = [.. ids.Select(id => ToStatus(id, stats.GetValueOrDefault(id), session.Now))],
        };
    }

    private GatewayStatus ToStatus(string gatewayId, GatewayConnectionStats? stats, DateTimeOffset now)
    {
        if (stats is null)
        {
            return new GatewayStatus(gatewayId);
        }

        var connected = stats.DisconnectedAt is not { } disconnected
            || (stats.ConnectedAt is { } connectedAt && connectedAt > disconnected);
        var heard = stats.LastStatusReceivedAt ?? stats.ConnectedAt;
        DateTimeOffset?[] times = [stats.LastStatusReceivedAt, stats.LastUplinkReceivedAt, stats.ConnectedAt];
        return new GatewayStatus(gatewayId)
        {
            IsConnected = connected,
            IsOnline = connected && heard is { } at && now - at <= Services.DeviceOptions.GatewayOnlineWithin,
            Protocol = stats.Protocol,
            ConnectedAt = stats.ConnectedAt,
            LastStatusReceivedAt = stats.LastStatusReceivedAt,
            LastSeenAt = times.Max(),
            UplinkCount = stats.UplinkCount ?? 0,
            DownlinkCount = stats.DownlinkCount ?? 0,
        };
    }

    private static GatewayStatusResult Failed(DeviceSession session, TtsFailure failure) => new()
    {
        Outcome = ProvisioningOutcome.Failed,
        Error = failure.ToError(null, session.Now),
    };
}
