using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// An operation on the devices of a tenant: it reads the tenant's record (no lease: the record does not change; device
/// work is kept in the device store) and acts with the tenant's application key on the tenant's cluster.
/// </summary>
/// <typeparam name="TResult">The operation's result.</typeparam>
internal abstract class DeviceOperation<TResult> : TenantOperation<TResult>
    where TResult : OperationResult
{
    protected DeviceOperation(DeviceServices services)
    {
        Services = services;
    }

    public override bool TakesLease => false;

    /// <summary>
    /// Registrations, imports, repairs and removals change what the tenant has on The Things Stack, so they are written to
    /// its history like the tenant's own changes (without the lease: the tenant record does not change); reads are not.
    /// </summary>
    public override bool IsRecorded => Kind is not (ProvisioningOperation.ReadDevices or ProvisioningOperation.ReadGateways);

    protected DeviceServices Services { get; }

    /// <summary>Whether the operation acts on gateways (with the organization key) rather than devices.</summary>
    protected virtual bool ActsOnGateways => false;

    public sealed override async Task<TResult> ExecuteAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var (session, refusal) = ActsOnGateways
            ? DeviceSession.ForGateways(context, Services)
            : DeviceSession.ForDevices(context, Services);
        return session is null
            ? Answer(new OperationAnswer(context.TenantId, refusal!.Outcome, context.Record, refusal.Error, null, context.RequestCount))
            : await ExecuteAsync(session, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The operation's work, with the tenant's session.</summary>
    protected abstract Task<TResult> ExecuteAsync(DeviceSession session, CancellationToken cancellationToken);

    /// <summary>An error that did not come from The Things Stack.</summary>
    protected static TenantError Error(DeviceSession session, string message, bool isTransient = false) =>
        TenantError.Local(null, message, session.Now, isTransient);
}
