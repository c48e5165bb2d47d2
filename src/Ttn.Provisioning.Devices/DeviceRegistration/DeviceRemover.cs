using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.DeviceRegistration;

/// <summary>How a removal ended.</summary>
/// <param name="Removed">The registries the device was deleted from.</param>
/// <param name="AlreadyGone">The registries that did not hold it.</param>
/// <param name="Remaining">The registries that still hold it.</param>
/// <param name="EuisReleased">Whether a search by its EUIs found nothing afterwards; null when not searched.</param>
/// <param name="Failure">The first failure, if any.</param>
internal sealed record RemovalOutcome(
    DeviceRegistries Removed, DeviceRegistries AlreadyGone, DeviceRegistries Remaining, bool? EuisReleased, TtsFailure? Failure);

/// <summary>
/// Removes a device from the registries in the order The Things Stack documents: Application, Network and Join Server
/// (a 404 means already gone), then the Identity Server, which is kept while a server still holds a part (its entry is
/// what lets the device be found again). Identity Server deletes are hard, so the EUIs are free at once: the removal
/// checks that with a search by EUI.
/// </summary>
internal static class DeviceRemover
{
    /// <summary>Removes the device and records the work, so a removal that stops is finished by the next.</summary>
    public static async Task<RemovalOutcome> RemoveAsync(DeviceSession session, string deviceId, CancellationToken cancellationToken)
    {
        var lookUp = await session.Context.CallAsync(
            "Looking the device up in the Identity Server",
            () => session.Client.GetEndDeviceAsync(
                session.Cluster, session.ApiKey, EndDeviceComponent.IdentityServer, session.ApplicationId, deviceId,
                cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var ids = lookUp.Succeeded ? lookUp.Value.Ids : null;
        var progress = await DeviceProgress.StartAsync(
            session, deviceId, ids?.DevEui, ids?.JoinEui, DeviceWork.Remove, cancellationToken).ConfigureAwait(false);
        var devEui = ids?.DevEui ?? progress.Earlier?.DevEui;
        var joinEui = ids?.JoinEui ?? progress.Earlier?.JoinEui;

        var isGone = lookUp.Failure is { IsNotFound: true };
        var (removed, remaining, gone, failure) = await DeleteCoreAsync(
            session, deviceId, DeviceRegistries.All, isGone, progress, cancellationToken).ConfigureAwait(false);
        if (remaining == DeviceRegistries.None)
        {
            await progress.DoneAsync().ConfigureAwait(false);
        }
        else
        {
            await progress.OweCleanupAsync(remaining, failure?.Message ?? "The removal did not finish.").ConfigureAwait(false);
        }

        Log.Removed(session.Logger, session.TenantId, deviceId, removed, gone, remaining);
        bool? released = null;
        if ((remaining & DeviceRegistries.IdentityServer) == 0 && devEui is not null)
        {
            released = await EuisReleasedAsync(session, devEui, joinEui, cancellationToken).ConfigureAwait(false);
        }

        return new RemovalOutcome(removed, gone, remaining, released, failure);
    }

    /// <summary>
    /// Deletes the device from <paramref name="registries"/> in removal order, recording each in
    /// <paramref name="progress"/>; answers those it is now gone from and those that still hold it. Used by the
    /// roll-back of a failed registration.
    /// </summary>
    public static async Task<(DeviceRegistries Removed, DeviceRegistries Remaining)> DeleteAsync(
        DeviceSession session, string deviceId, DeviceRegistries registries, DeviceProgress progress, CancellationToken cancellationToken)
    {
        var (removed, remaining, gone, _) = await DeleteCoreAsync(session, deviceId, registries, false, progress, cancellationToken)
            .ConfigureAwait(false);
        return (removed | gone, remaining);
    }

    private static async Task<(DeviceRegistries Removed, DeviceRegistries Remaining, DeviceRegistries Gone, TtsFailure? Failure)>
        DeleteCoreAsync(
            DeviceSession session,
            string deviceId,
            DeviceRegistries registries,
            bool identityKnownGone,
            DeviceProgress progress,
            CancellationToken cancellationToken)
    {
        var (removed, remaining, gone) = (DeviceRegistries.None, DeviceRegistries.None, DeviceRegistries.None);
        TtsFailure? first = null;
        foreach (var registry in DeviceWireModel.RemovalOrder.Append(DeviceRegistries.IdentityServer))
        {
            if ((registries & registry) == 0)
            {
                continue;
            }

            if (registry == DeviceRegistries.IdentityServer && remaining != DeviceRegistries.None)
            {
                // A server still holds a part: the entry stays, so the device can be found and removed again.
                remaining |= registry;
                continue;
            }

            if (registry == DeviceRegistries.IdentityServer && identityKnownGone)
            {
                gone |= registry;
                continue;
            }

            var failure = await session.Context.CallAsync(
                $"Deleting the device from the {DeviceWireModel.Name(registry)}",
                () => session.Client.DeleteEndDeviceAsync(
                    session.Cluster,
                    session.ApiKey,
                    DeviceWireModel.Component(registry),
                    session.ApplicationId,
                    deviceId,
                    cancellationToken),
                cancellationToken).ConfigureAwait(false);
            switch (failure)
            {
                case null or { IsNotFound: true }:
                    (removed, gone) = failure is null ? (removed | registry, gone) : (removed, gone | registry);
                    if (registry != DeviceRegistries.IdentityServer)
                    {
                        // The Identity Server goes last; the entry's own removal (or its clean-up) is the write after it.
                        await progress.ReleaseAsync(registry, CancellationToken.None).ConfigureAwait(false);
                    }

                    break;
                default:
                    remaining |= registry;
                    first ??= failure;
                    Log.RemovalFailed(session.Logger, session.TenantId, deviceId, registry, failure.Message);
                    break;
            }
        }

        return (removed, remaining, gone, first);
    }

    /// <summary>Searches the application for the EUIs: true when no device holds them any more, null when the search failed.</summary>
    private static async Task<bool?> EuisReleasedAsync(
        DeviceSession session, string devEui, string? joinEui, CancellationToken cancellationToken)
    {
        var found = await session.Context.ListAsync(
            "Searching the application for the device's EUIs",
            () => session.Client.SearchEndDevicesAsync(session.ApiKey, session.ApplicationId, devEui, joinEui, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return found.Succeeded
            ? !found.Value.Any(d => DeviceWireModel.SameEui(d.Ids.DevEui, devEui)
                && (joinEui is null || DeviceWireModel.SameEui(d.Ids.JoinEui, joinEui)))
            : null;
    }
}
