using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// The tenant's device limit (<see cref="TtnDeviceOptions.MaxDevicesPerTenant"/>), checked before any device is
/// written: the count comes from the Identity Server's list (one request for its total), and devices it already holds
/// do not count as new.
/// </summary>
internal static class DeviceLimit
{
    /// <summary>Null when registering <paramref name="deviceIds"/> keeps the tenant within its limit; otherwise why not.</summary>
    public static async Task<TenantError?> RefusesAsync(
        DeviceSession session, IReadOnlyCollection<string> deviceIds, CancellationToken cancellationToken)
    {
        if (session.Services.DeviceOptions.MaxDevicesPerTenant is not { } max)
        {
            return null;
        }

        var count = await session.Context.CallAsync(
            "Counting the tenant's devices",
            () => session.Client.ListEndDevicesPageAsync(
                session.ApiKey, session.ApplicationId, page: 1, limit: 1, cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (!count.Succeeded)
        {
            return count.Failure.ToError(null, session.Now);
        }

        var total = count.Value.TotalCount ?? count.Value.Devices.Count;
        if (total + deviceIds.Count <= max)
        {
            return null;
        }

        // Near the limit: devices that exist already are not new (registering them again converges).
        var listed = await session.Context.ListAsync(
            "Listing the tenant's devices",
            () => session.Client.ListEndDevicesAsync(session.ApiKey, session.ApplicationId, cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (!listed.Succeeded)
        {
            return listed.Failure.ToError(null, session.Now);
        }

        var existing = listed.Value.Select(d => d.Ids.DeviceId).ToHashSet(StringComparer.Ordinal);
        return Exceeds(session, existing.Count, deviceIds.Count(id => !existing.Contains(id)));
    }

    /// <summary>Null when <paramref name="added"/> new devices keep the tenant within its limit; otherwise why not.</summary>
    public static TenantError? Exceeds(DeviceSession session, int existing, int added) =>
        session.Services.DeviceOptions.MaxDevicesPerTenant is not { } max || existing + added <= max
            ? null
            : TenantError.Local(
                null,
                $"The tenant's application holds {existing} device(s) and {added} would be added; the limit is {max} "
                + "(TtnDeviceOptions.MaxDevicesPerTenant). Nothing was registered.",
                session.Now);
}
