using Ttn.Provisioning.Devices;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.DeviceRegistration;

/// <summary>How the Identity Server step ended.</summary>
internal enum IdentityResult
{
    /// <summary>This call created the entry.</summary>
    Created,

    /// <summary>The entry existed with the same EUIs: the device is adopted, not created again.</summary>
    Adopted,

    /// <summary>The id or the EUI pair belongs to another device; nothing was created.</summary>
    Conflict,

    /// <summary>TTS refused the create (or could not be reached) and nothing was created.</summary>
    Failed,

    /// <summary>The create may have acted and the look-up that would tell failed.</summary>
    Unknown,
}

/// <summary>
/// The first step: the Identity Server entry. A create answered <c>id_taken</c>, or with no answer or a server error
/// (it may have acted), is followed by a look-up: an entry with the same EUIs is the device, adopted (or, after a lost
/// answer, created by this call); an entry with other EUIs is a conflict.
/// </summary>
internal static class IdentityServerStep
{
    public sealed record Result(IdentityResult Kind, DeviceConflict? Conflict = null, TtsFailure? Failure = null);

    public static async Task<Result> RunAsync(
        DeviceSession session, EndDeviceDefinition device, ListedDevice? listed, CancellationToken cancellationToken)
    {
        if (listed is not null)
        {
            return Match(session, device, listed.DevEui, listed.JoinEui, IdentityResult.Adopted);
        }

        var create = await session.Context.CallAsync(
            "Creating the device in the Identity Server",
            () => session.Client.CreateEndDeviceAsync(
                session.ApiKey,
                session.ApplicationId,
                DeviceWireModel.ForIdentityServer(device, session.ClusterAddress),
                cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (create.Succeeded)
        {
            return new Result(IdentityResult.Created);
        }

        var failure = create.Failure;
        if (failure.Exception is { IsEndDeviceEuisTaken: true } taken)
        {
            return new Result(IdentityResult.Conflict, Conflicts.FromRegistry(DeviceRegistries.IdentityServer, taken), failure);
        }

        var idTaken = failure.IsAlreadyExists;
        if (!idTaken && !DeviceRegistrar.MayHaveActed(failure))
        {
            return new Result(IdentityResult.Failed, Failure: failure);
        }

        var lookUp = await session.Context.CallAsync(
            "Looking the device up in the Identity Server",
            () => session.Client.GetEndDeviceAsync(
                session.Cluster,
                session.ApiKey,
                EndDeviceComponent.IdentityServer,
                session.ApplicationId,
                device.DeviceId!,
                cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (lookUp.Succeeded)
        {
            var found = lookUp.Value.Ids;
            return Match(session, device, found.DevEui, found.JoinEui, idTaken ? IdentityResult.Adopted : IdentityResult.Created);
        }

        return lookUp.Failure.IsNotFound
            ? new Result(IdentityResult.Failed, Failure: failure)
            : new Result(
                IdentityResult.Unknown, Failure: failure.WithHint("Whether the device was created is not known yet; register it again."));
    }

    private static Result Match(
        DeviceSession session, EndDeviceDefinition device, string? devEui, string? joinEui, IdentityResult same) =>
        DeviceWireModel.SameEui(devEui, device.DevEui) && DeviceWireModel.SameEui(joinEui, device.JoinEui)
            ? new Result(same)
            : new Result(IdentityResult.Conflict, Conflicts.IdTaken(session.ApplicationId, device.DeviceId!));
}
