using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.DeviceRegistration;

/// <summary>
/// Registers one OTAA device in the Identity Server, then the Join, Network and Application Server of the tenant's
/// cluster, recording its progress before each next request. When a step fails, what this registration created is
/// removed in reverse order; what cannot be removed is recorded as a clean-up owed. A device already registered with the
/// same EUIs is adopted and brought in line (never created twice); one whose id or EUIs belong to another device is a
/// conflict, and nothing is created.
/// </summary>
internal static class DeviceRegistrar
{
    /// <summary>Registers <paramref name="device"/> (validated, with every field the registries need).</summary>
    /// <param name="session">The tenant's device session.</param>
    /// <param name="device">The device.</param>
    /// <param name="listed">What the Identity Server lists under the device's id, when the caller read the list; null when unknown.</param>
    /// <param name="cancellationToken">Stops the registration; its entry then stays in progress.</param>
    public static async Task<RegistrationOutcome> RegisterAsync(
        DeviceSession session, EndDeviceDefinition device, ListedDevice? listed, CancellationToken cancellationToken)
    {
        var deviceId = device.DeviceId!;
        var progress = await DeviceProgress.StartAsync(
            session, deviceId, device.DevEui, device.JoinEui, DeviceWork.Register, cancellationToken).ConfigureAwait(false);

        // An entry of an earlier registration of this very device means what exists of it is ours to finish or roll back.
        var ours = progress.Earlier is { } earlier && DeviceWireModel.SameEui(earlier.DevEui, device.DevEui)
            && DeviceWireModel.SameEui(earlier.JoinEui, device.JoinEui);
        var identity = await IdentityServerStep.RunAsync(session, device, listed, cancellationToken).ConfigureAwait(false);
        switch (identity.Kind)
        {
            case IdentityResult.Conflict:
            case IdentityResult.Failed:
                // Nothing was created; whatever an earlier run left stays owed.
                var left = (DeviceRegistries.None, DeviceRegistries.None, progress.Holds);
                var status = identity.Kind == IdentityResult.Conflict ? DeviceOutcome.Conflict : DeviceOutcome.Failed;
                return await EndAsync(session, progress, deviceId, status, left, identity.Conflict, identity.Failure)
                    .ConfigureAwait(false);
            case IdentityResult.Unknown:
                // The create may have acted and the look-up could not tell: leave it to a re-run, which converges.
                await progress.OweCleanupAsync(progress.Holds | DeviceRegistries.IdentityServer, identity.Failure!.Message)
                    .ConfigureAwait(false);
                return new RegistrationOutcome(
                    deviceId, DeviceOutcome.Failed, default, default, progress.Holds, null, identity.Failure);
            case IdentityResult.Created:
                await progress.HoldAsync(DeviceRegistries.IdentityServer, cancellationToken).ConfigureAwait(false);
                break;
        }

        var adopted = identity.Kind == IdentityResult.Adopted;
        var created = adopted ? DeviceRegistries.None : DeviceRegistries.IdentityServer;
        var written = DeviceRegistries.IdentityServer;
        foreach (var step in DeviceWireModel.ClusterSteps)
        {
            var failure = await SetAsync(session, device, step, cancellationToken).ConfigureAwait(false);
            if (failure is null)
            {
                written |= step;
                created |= adopted ? DeviceRegistries.None : step;
                if (step != DeviceRegistries.ApplicationServer)
                {
                    await progress.HoldAsync(step, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            var mayHold = MayHaveActed(failure) ? step : DeviceRegistries.None;
            var conflict = failure.Exception is { IsEndDeviceEuisTaken: true } tts ? Conflicts.FromRegistry(step, tts) : null;
            if (adopted && !ours)
            {
                // The device was there before this call: nothing of it is ours to remove. A re-run finishes it.
                var reason = $"{failure.Message} The device existed before this registration, so nothing was removed; "
                    + "register it again.";
                await progress.OweCleanupAsync(written | mayHold, reason).ConfigureAwait(false);
                var kept = conflict is null ? DeviceOutcome.Failed : DeviceOutcome.Conflict;
                return new RegistrationOutcome(deviceId, kept, written, default, written | mayHold, conflict, failure);
            }

            var toRemove = created | mayHold | (ours ? progress.Earlier!.Holds | written : DeviceRegistries.None);
            return await RollBackAsync(session, progress, deviceId, toRemove, created, conflict, failure).ConfigureAwait(false);
        }

        var registered = adopted && !ours ? DeviceOutcome.AlreadyPresent : DeviceOutcome.Registered;
        return await EndAsync(session, progress, deviceId, registered, (adopted ? written : created, default, default), null, null)
            .ConfigureAwait(false);
    }

    /// <summary>Whether a failed request may still have been carried out (no answer, or a server error).</summary>
    public static bool MayHaveActed(TtsFailure failure) => failure.StatusCode is null || (int)failure.StatusCode >= 500;

    private static async Task<TtsFailure?> SetAsync(
        DeviceSession session, EndDeviceDefinition device, DeviceRegistries step, CancellationToken cancellationToken)
    {
        var (wire, mask) = DeviceWireModel.ForCluster(step, device, session.ClusterAddress);
        var set = await session.Context.CallAsync(
            $"Setting the device in the {DeviceWireModel.Name(step)}",
            () => session.Client.SetEndDeviceAsync(
                session.Cluster, session.ApiKey, DeviceWireModel.Component(step), session.ApplicationId, wire, mask, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return set.Failure;
    }

    private static async Task<RegistrationOutcome> RollBackAsync(
        DeviceSession session,
        DeviceProgress progress,
        string deviceId,
        DeviceRegistries toRemove,
        DeviceRegistries created,
        DeviceConflict? conflict,
        TtsFailure failure)
    {
        // Removing is the way out of a failure, so it runs even when the caller's token is what failed the step.
        var (removed, remaining) = await DeviceRemover.DeleteAsync(session, deviceId, toRemove, progress, CancellationToken.None)
            .ConfigureAwait(false);
        var status = conflict is not null ? DeviceOutcome.Conflict
            : remaining != DeviceRegistries.None || removed == DeviceRegistries.None ? DeviceOutcome.Failed
            : DeviceOutcome.RolledBack;
        return await EndAsync(session, progress, deviceId, status, (created, removed, remaining), conflict, failure).ConfigureAwait(false);
    }

    private static async Task<RegistrationOutcome> EndAsync(
        DeviceSession session,
        DeviceProgress progress,
        string deviceId,
        DeviceOutcome status,
        (DeviceRegistries Created, DeviceRegistries Removed, DeviceRegistries Remaining) registries,
        DeviceConflict? conflict,
        TtsFailure? failure)
    {
        var outcome = new RegistrationOutcome(
            deviceId, status, registries.Created, registries.Removed, registries.Remaining, conflict, failure);
        if (registries.Remaining == DeviceRegistries.None)
        {
            await progress.DoneAsync().ConfigureAwait(false);
        }
        else
        {
            await progress.OweCleanupAsync(registries.Remaining, outcome.Reason!).ConfigureAwait(false);
        }

        Log.Registered(session.Logger, session.TenantId, deviceId, status, registries.Created, registries.Remaining);
        return outcome;
    }
}
