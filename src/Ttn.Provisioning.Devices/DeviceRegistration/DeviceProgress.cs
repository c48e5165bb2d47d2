using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.DeviceRegistration;

/// <summary>
/// The device's unfinished entry while work on it runs: written before the first request, after each registry, and
/// removed when the work is done, or left as a clean-up owed when it ended without finishing.
/// </summary>
internal sealed class DeviceProgress
{
    private readonly DeviceSession _session;
    private UnfinishedDevice _entry;

    private DeviceProgress(DeviceSession session, UnfinishedDevice entry)
    {
        _session = session;
        _entry = entry;
    }

    /// <summary>The entry an earlier run left, if any.</summary>
    public UnfinishedDevice? Earlier { get; private init; }

    /// <summary>The registries that may hold a part of the device, as far as the work knows.</summary>
    public DeviceRegistries Holds => _entry.Holds;

    /// <summary>
    /// Reads what an earlier run left and writes the entry of this run (before its first request): a registration starts
    /// from what the earlier run knew to exist, a removal from every registry (it does not know yet).
    /// </summary>
    public static async Task<DeviceProgress> StartAsync(
        DeviceSession session, string deviceId, string? devEui, string? joinEui, DeviceWork work, CancellationToken cancellationToken)
    {
        var store = session.Store;
        var earlier = await store.GetUnfinishedAsync(session.TenantId, session.ApplicationId, deviceId, cancellationToken)
            .ConfigureAwait(false);
        var now = session.Now;
        var entry = new UnfinishedDevice
        {
            TenantId = session.TenantId,
            ApplicationId = session.ApplicationId,
            DeviceId = deviceId,
            DevEui = devEui ?? earlier?.DevEui,
            JoinEui = joinEui ?? earlier?.JoinEui,
            Work = work,
            Holds = work == DeviceWork.Remove ? DeviceRegistries.All : earlier?.Holds ?? DeviceRegistries.None,
            StartedAt = now,
            UpdatedAt = now,
        };
        await store.SaveUnfinishedAsync(entry, cancellationToken).ConfigureAwait(false);
        return new DeviceProgress(session, entry) { Earlier = earlier };
    }

    /// <summary>Records that the device may now be held by <paramref name="registries"/> too.</summary>
    public Task HoldAsync(DeviceRegistries registries, CancellationToken cancellationToken) =>
        SaveAsync(_entry with { Holds = _entry.Holds | registries, UpdatedAt = _session.Now }, cancellationToken);

    /// <summary>Records that <paramref name="registries"/> no longer hold the device.</summary>
    public Task ReleaseAsync(DeviceRegistries registries, CancellationToken cancellationToken) =>
        SaveAsync(_entry with { Holds = _entry.Holds & ~registries, UpdatedAt = _session.Now }, cancellationToken);

    /// <summary>The work is done: the entry is removed.</summary>
    public Task DoneAsync() =>
        _session.Store.RemoveUnfinishedAsync(_session.TenantId, _session.ApplicationId, _entry.DeviceId, CancellationToken.None);

    /// <summary>The work ended without finishing: the entry stays, as a clean-up owed for what <paramref name="holds"/>.</summary>
    public Task OweCleanupAsync(DeviceRegistries holds, string reason) => SaveAsync(
        _entry with { Holds = holds, NeedsCleanup = true, Reason = reason, UpdatedAt = _session.Now }, CancellationToken.None);

    private async Task SaveAsync(UnfinishedDevice entry, CancellationToken cancellationToken)
    {
        await _session.Store.SaveUnfinishedAsync(entry, cancellationToken).ConfigureAwait(false);
        _entry = entry;
    }
}
