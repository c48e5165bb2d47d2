using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;
using Xunit;

namespace Ttn.Provisioning.Testing.Storage;

/// <summary>
/// The specification every <see cref="IDeviceStore"/> must meet. Derive a test class from it in your test project,
/// implement <see cref="CreateStoreAsync"/>, and xunit runs every fact below against your store.
/// </summary>
/// <remarks>
/// What the device service relies on: exact round trips (instants compared as instants), upserts by key, per-tenant
/// and per-job isolation, ordered listings, and a compare-and-swap job write where exactly one of many concurrent
/// writers wins (it keeps one run per import job across host instances). To skip the facts where the store is not
/// available, put a <see cref="StoreAvailabilityAttribute"/> subclass on the derived class.
/// </remarks>
public abstract partial class DeviceStoreSpecification
{
    private static readonly DateTimeOffset BaseTime = new(2026, 11, 28, 10, 5, 30, 456, TimeSpan.FromHours(1));

    /// <summary>How many writers race in the concurrency facts.</summary>
    protected virtual int ConcurrentWriters => 16;

    /// <summary>Creates a fresh, empty store. Called once per fact.</summary>
    /// <returns>The store to test.</returns>
    protected abstract Task<IDeviceStore> CreateStoreAsync();

    /// <summary>An unfinished entry with every field set to a distinct, non-default value.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="deviceId">The device.</param>
    /// <returns>The entry.</returns>
    public static UnfinishedDevice FullUnfinished(string tenantId, string deviceId) => new()
    {
        TenantId = tenantId,
        ApplicationId = "tp-app-" + tenantId.ToLowerInvariant().Replace('_', '-'),
        DeviceId = deviceId,
        DevEui = "70B3D57ED0000A01",
        JoinEui = "70B3D57ED0000000",
        Work = DeviceWork.Remove,
        Holds = DeviceRegistries.JoinServer | DeviceRegistries.IdentityServer,
        NeedsCleanup = true,
        Reason = "Deleting the device from the Join Server failed: The Things Stack answered HTTP 503.",
        StartedAt = BaseTime,
        UpdatedAt = BaseTime.AddSeconds(3),
    };

    /// <summary>An entry that is not there reads as null.</summary>
    [StoreFact]
    public async Task AnUnknownUnfinishedDeviceReadsAsNull()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        Assert.Null(await store.GetUnfinishedAsync("acme", "tp-app-acme", "never").ConfigureAwait(false));
        Assert.Empty(await store.ListUnfinishedAsync("acme").ConfigureAwait(false));
    }

    /// <summary>Every field of an unfinished entry reads back as written, for every work and set of registries.</summary>
    [StoreFact]
    public async Task UnfinishedDevicesRoundTripEveryField()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var entry = FullUnfinished("acme", "sensor-1");
        await store.SaveUnfinishedAsync(entry).ConfigureAwait(false);
        Assert.Equal(entry, await store.GetUnfinishedAsync("acme", entry.ApplicationId, "sensor-1").ConfigureAwait(false));

        foreach (var work in Enum.GetValues<DeviceWork>())
        {
            for (var holds = DeviceRegistries.None; holds <= DeviceRegistries.All; holds++)
            {
                var next = entry with { Work = work, Holds = holds, NeedsCleanup = false, Reason = null, DevEui = null, JoinEui = null };
                await store.SaveUnfinishedAsync(next).ConfigureAwait(false);
                Assert.Equal(next, await store.GetUnfinishedAsync("acme", entry.ApplicationId, "sensor-1").ConfigureAwait(false));
            }
        }
    }

    /// <summary>Saving an entry again replaces it; removing one removes only it, and removing a missing one is no error.</summary>
    [StoreFact]
    public async Task SavingReplacesAndRemovingRemovesOnlyThatDevice()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        var first = FullUnfinished("acme", "sensor-1");
        var second = FullUnfinished("acme", "sensor-2");
        await store.SaveUnfinishedAsync(first).ConfigureAwait(false);
        await store.SaveUnfinishedAsync(second).ConfigureAwait(false);
        var replaced = first with { Holds = DeviceRegistries.All, NeedsCleanup = false, UpdatedAt = BaseTime.AddMinutes(1) };

        await store.SaveUnfinishedAsync(replaced).ConfigureAwait(false);
        await store.RemoveUnfinishedAsync("acme", second.ApplicationId, "sensor-2").ConfigureAwait(false);
        await store.RemoveUnfinishedAsync("acme", second.ApplicationId, "sensor-2").ConfigureAwait(false);

        Assert.Equal([replaced], await store.ListUnfinishedAsync("acme").ConfigureAwait(false));
    }

    /// <summary>The listing holds one tenant's entries only, ordered by application and device id (ordinal).</summary>
    [StoreFact]
    public async Task UnfinishedDevicesAreListedPerTenantInOrdinalOrder()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);
        string[] ids = ["sensor-b", "a-sensor", "sensor-10", "sensor-9", "sensor-a"];
        foreach (var id in ids)
        {
            await store.SaveUnfinishedAsync(FullUnfinished("acme", id)).ConfigureAwait(false);
        }

        await store.SaveUnfinishedAsync(FullUnfinished("acme", "other-app") with { ApplicationId = "a-first-app" }).ConfigureAwait(false);
        await store.SaveUnfinishedAsync(FullUnfinished("Acme", "sensor-z")).ConfigureAwait(false);

        var listed = await store.ListUnfinishedAsync("acme").ConfigureAwait(false);

        Assert.Equal(
            ["a-first-app/other-app", .. ids.Order(StringComparer.Ordinal).Select(id => "tp-app-acme/" + id)],
            listed.Select(d => $"{d.ApplicationId}/{d.DeviceId}"));
    }

    /// <summary>Many devices' entries written at once all land.</summary>
    [StoreFact]
    public async Task ConcurrentWritesOfDifferentDevicesAllLand()
    {
        var store = await CreateStoreAsync().ConfigureAwait(false);

        await RaceAsync(i => store.SaveUnfinishedAsync(FullUnfinished("acme", $"sensor-{i}"))).ConfigureAwait(false);

        Assert.Equal(ConcurrentWriters, (await store.ListUnfinishedAsync("acme").ConfigureAwait(false)).Count);
    }

    private async Task RaceAsync(Func<int, Task> write)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, ConcurrentWriters)
            .Select(i => Task.Run(async () =>
            {
                await start.Task.ConfigureAwait(false);
                await write(i).ConfigureAwait(false);
            }))
            .ToArray();
        start.SetResult();
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }
}
