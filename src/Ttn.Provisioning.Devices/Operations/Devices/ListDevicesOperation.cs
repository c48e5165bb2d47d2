using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>Lists one page of the tenant's devices, with the total and the unfinished devices from the device store.</summary>
internal sealed class ListDevicesOperation : DeviceOperation<DeviceListResult>
{
    private readonly DeviceListOptions _options;

    /// <exception cref="ArgumentException">The page is below 1 or the page size outside 1 to 1000.</exception>
    public ListDevicesOperation(DeviceServices services, DeviceListOptions? options)
        : base(services)
    {
        _options = options ?? new DeviceListOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.Page, 1, nameof(options));
        if (_options.PageSize is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), _options.PageSize, "A page holds 1 to 1000 devices.");
        }
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.ReadDevices;

    protected override DeviceListResult CreateResult(TenantRecord? record) => new()
    {
        Page = _options.Page,
        PageSize = _options.PageSize,
    };

    protected override async Task<DeviceListResult> ExecuteAsync(DeviceSession session, CancellationToken cancellationToken)
    {
        var page = await session.Context.CallAsync(
            "Listing the tenant's devices",
            () => session.Client.ListEndDevicesPageAsync(
                session.ApiKey,
                session.ApplicationId,
                _options.Page,
                _options.PageSize,
                _options.FieldMask ?? DeviceViews.DefaultFieldMask,
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var unfinished = await session.Store.ListUnfinishedAsync(session.TenantId, cancellationToken).ConfigureAwait(false);
        return new DeviceListResult
        {
            Outcome = page.Succeeded ? ProvisioningOutcome.Succeeded : ProvisioningOutcome.Failed,
            Devices = page.Succeeded ? [.. page.Value.Devices.Select(d => DeviceViews.ToInfo(d, session.ApplicationId))] : [],
            Page = _options.Page,
            PageSize = _options.PageSize,
            TotalCount = page.Value?.TotalCount,
            Unfinished = [.. unfinished.Where(u => u.ApplicationId == session.ApplicationId)],
            Error = page.Failure?.ToError(null, session.Now),
        };
    }
}
