using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.Gateways;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

using DeviceLog = Ttn.Provisioning.DeviceRegistration.Log;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Deletes a gateway with the organization key (the EUI is released at once), then purges it with the admin key when
/// one is configured and may purge; otherwise the id stays reserved, and the result says so.
/// </summary>
internal sealed class RemoveGatewayOperation : DeviceOperation<GatewayRemovalResult>
{
    private readonly string _gatewayId;

    /// <exception cref="ArgumentException">The gateway id is not a valid TTS id.</exception>
    public RemoveGatewayOperation(DeviceServices services, string gatewayId)
        : base(services)
    {
        ThingsStackIds.Validate(gatewayId, nameof(gatewayId));
        _gatewayId = gatewayId;
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.RemoveGateway;

    protected override bool ActsOnGateways => true;

    protected override GatewayRemovalResult CreateResult(TenantRecord? record) => new()
    {
        GatewayId = _gatewayId,
    };

    protected override async Task<GatewayRemovalResult> ExecuteAsync(DeviceSession session, CancellationToken cancellationToken)
    {
        var delete = await session.Context.CallAsync(
            "Deleting the gateway",
            () => session.Client.DeleteGatewayAsync(session.ApiKey, _gatewayId, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var gone = delete is { IsGone: true } || delete?.Exception?.HasError("no_gateway_rights") == true;
        if (delete is not null && !gone)
        {
            return Result(session, CleanupStatus.Failed, purged: false, [], delete.ToError(null, session.Now));
        }

        var status = delete is null ? CleanupStatus.Deleted : CleanupStatus.AlreadyGone;
        if (status == CleanupStatus.AlreadyGone && !await IsOursDeletedAsync(session, cancellationToken).ConfigureAwait(false))
        {
            // Not found, or not the tenant's: nothing of it is purged (an admin key could purge anyone's gateway).
            return Result(session, status, purged: false, [], null, reserved: false);
        }

        var adminKey = await Services.AdminKeys.GetAdminApiKeyAsync(cancellationToken).ConfigureAwait(false);
        if (string.IsNullOrEmpty(adminKey))
        {
            return Result(session, status, purged: false, [Reserved("no admin API key is configured")], null);
        }

        var purge = await session.Context.CallAsync(
            "Purging the gateway",
            () => session.Client.PurgeGatewayAsync(adminKey, _gatewayId, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        DeviceLog.Gateway(session.Logger, session.TenantId, _gatewayId, purge is null ? $"{status} and purged" : status.ToString());
        return purge is null
            ? Result(session, status, purged: true, [], null)
            : Result(session, status, purged: false, [Reserved(purge.Message)], null);
    }

    /// <summary>Whether the tenant's organization lists the gateway among its deleted ones (deleted earlier, not purged).</summary>
    private async Task<bool> IsOursDeletedAsync(DeviceSession session, CancellationToken cancellationToken)
    {
        var deleted = await session.Context.ListAsync(
            "Listing the organization's deleted gateways",
            () => session.Client.ListDeletedGatewaysAsync(session.ApiKey, session.OrganizationId, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return deleted.Succeeded && deleted.Value.Any(g => g.Ids.GatewayId == _gatewayId);
    }

    private static string Reserved(string why) =>
        $"The gateway was not purged ({why}): The Things Stack keeps its id reserved until an admin purges it; its EUI is free.";

    private GatewayRemovalResult Result(
        DeviceSession session,
        CleanupStatus status,
        bool purged,
        IReadOnlyList<string> warnings,
        Storage.TenantError? error,
        bool reserved = true) => new()
    {
        Outcome = status == CleanupStatus.Failed ? ProvisioningOutcome.Failed : ProvisioningOutcome.Succeeded,
        GatewayId = _gatewayId,
        Status = status,
        Purged = purged,
        IdReserved = reserved && status != CleanupStatus.Failed && !purged,
        Warnings = warnings,
        Error = error,
    };
}
