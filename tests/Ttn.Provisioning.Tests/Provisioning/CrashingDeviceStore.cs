using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Tests.Provisioning;

/// <summary>What a device store write is about, for choosing where a crash hits.</summary>
/// <param name="Unfinished">The unfinished entry written (null when it is removed, or for an import write).</param>
/// <param name="Removed">The device whose entry is removed, when the write is a removal.</param>
/// <param name="Row">The import row written, when the write is a row's result.</param>
internal sealed record DeviceStoreWrite(UnfinishedDevice? Unfinished, string? Removed, DeviceImportRow? Row);

/// <summary>
/// A device store that counts writes and can "crash" (throw) on a chosen write, like a host that dies; once crashed, every
/// write throws until <see cref="Recover"/>.
/// </summary>
internal sealed class CrashingDeviceStore(IDeviceStore inner) : IDeviceStore
{
    private readonly Lock _gate = new();
    private int _writes;

    public IDeviceStore Inner => inner;

    public int Writes => Volatile.Read(ref _writes);

    /// <summary>When set, the first write it matches throws, and every write after it until <see cref="Recover"/>.</summary>
    public Func<DeviceStoreWrite, bool>? CrashWhen { get; set; }

    public bool Crashed { get; private set; }

    public void Recover()
    {
        lock (_gate)
        {
            CrashWhen = null;
            Crashed = false;
        }
    }

    public Task<UnfinishedDevice?> GetUnfinishedAsync(
        string tenantId, string applicationId, string deviceId, CancellationToken cancellationToken = default) =>
        inner.GetUnfinishedAsync(tenantId, applicationId, deviceId, cancellationToken);

    public Task<IReadOnlyList<UnfinishedDevice>> ListUnfinishedAsync(string tenantId, CancellationToken cancellationToken = default) =>
        inner.ListUnfinishedAsync(tenantId, cancellationToken);

    public Task SaveUnfinishedAsync(UnfinishedDevice device, CancellationToken cancellationToken = default)
    {
        Write(new DeviceStoreWrite(device, null, null));
        return inner.SaveUnfinishedAsync(device, cancellationToken);
    }

    public Task RemoveUnfinishedAsync(string tenantId, string applicationId, string deviceId, CancellationToken cancellationToken = default)
    {
        Write(new DeviceStoreWrite(null, deviceId, null));
        return inner.RemoveUnfinishedAsync(tenantId, applicationId, deviceId, cancellationToken);
    }

    public Task<DeviceImportJob?> GetImportJobAsync(string tenantId, string jobId, CancellationToken cancellationToken = default) =>
        inner.GetImportJobAsync(tenantId, jobId, cancellationToken);

    public Task<DeviceImportJob?> TryWriteImportJobAsync(DeviceImportJob job, CancellationToken cancellationToken = default)
    {
        Write(new DeviceStoreWrite(null, null, null));
        return inner.TryWriteImportJobAsync(job, cancellationToken);
    }

    public Task SaveImportRowsAsync(
        string tenantId, string jobId, IReadOnlyList<DeviceImportRow> rows, CancellationToken cancellationToken = default)
    {
        foreach (var row in rows)
        {
            Write(new DeviceStoreWrite(null, null, row));
        }

        return inner.SaveImportRowsAsync(tenantId, jobId, rows, cancellationToken);
    }

    public Task<IReadOnlyList<DeviceImportRow>> ListImportRowsAsync(string tenantId, string jobId, CancellationToken cancellationToken = default) =>
        inner.ListImportRowsAsync(tenantId, jobId, cancellationToken);

    public Task<bool> DeleteImportJobAsync(string tenantId, string jobId, CancellationToken cancellationToken = default) =>
        inner.DeleteImportJobAsync(tenantId, jobId, cancellationToken);

    private void Write(DeviceStoreWrite write)
    {
        lock (_gate)
        {
            if (Crashed || (CrashWhen is { } crash && crash(write)))
            {
                Crashed = true;
                throw new IOException("Simulated crash: the host died before the device store write.");
            }

            _writes++;
        }
    }
}
