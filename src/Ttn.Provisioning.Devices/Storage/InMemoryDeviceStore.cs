using Ttn.Provisioning.Devices;

namespace Ttn.Provisioning.Storage;

/// <summary>
/// A thread-safe <see cref="IDeviceStore"/> in process memory: the default, for tests, samples and single-instance
/// hosts that can afford to lose unfinished work on restart. Records are immutable, so they are kept as they are.
/// </summary>
public sealed class InMemoryDeviceStore : IDeviceStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string Tenant, string Application, string Device), UnfinishedDevice> _unfinished = [];
    private readonly Dictionary<(string Tenant, string Job), DeviceImportJob> _jobs = [];
    private readonly Dictionary<(string Tenant, string Job), SortedDictionary<int, DeviceImportRow>> _rows = [];

    /// <inheritdoc />
    public Task<UnfinishedDevice?> GetUnfinishedAsync(
        string tenantId, string applicationId, string deviceId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_unfinished.GetValueOrDefault((tenantId, applicationId, deviceId)));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<UnfinishedDevice>> ListUnfinishedAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(tenantId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<UnfinishedDevice> list = [.. _unfinished.Values
                .Where(d => d.TenantId == tenantId)
                .OrderBy(d => d.ApplicationId, StringComparer.Ordinal)
                .ThenBy(d => d.DeviceId, StringComparer.Ordinal)];
            return Task.FromResult(list);
        }
    }

    /// <inheritdoc />
    public Task SaveUnfinishedAsync(UnfinishedDevice device, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(device);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _unfinished[(device.TenantId, device.ApplicationId, device.DeviceId)] = device;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RemoveUnfinishedAsync(string tenantId, string applicationId, string deviceId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _unfinished.Remove((tenantId, applicationId, deviceId));
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<DeviceImportJob?> GetImportJobAsync(string tenantId, string jobId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_jobs.GetValueOrDefault((tenantId, jobId)));
        }
    }

    /// <inheritdoc />
    public Task<DeviceImportJob?> TryWriteImportJobAsync(DeviceImportJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentOutOfRangeException.ThrowIfNegative(job.Version, nameof(job));
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var stored = _jobs.GetValueOrDefault((job.TenantId, job.JobId));
            if ((stored?.Version ?? 0) != job.Version)
            {
                return Task.FromResult<DeviceImportJob?>(null);
            }

            var written = job with { Version = job.Version + 1 };
            _jobs[(job.TenantId, job.JobId)] = written;
            return Task.FromResult<DeviceImportJob?>(written);
        }
    }

    /// <inheritdoc />
    public Task SaveImportRowsAsync(
        string tenantId, string jobId, IReadOnlyList<DeviceImportRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_rows.TryGetValue((tenantId, jobId), out var kept))
            {
                kept = [];
                _rows[(tenantId, jobId)] = kept;
            }

            foreach (var row in rows)
            {
                kept[row.Row] = row;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<DeviceImportRow>> ListImportRowsAsync(
        string tenantId, string jobId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            IReadOnlyList<DeviceImportRow> rows = _rows.TryGetValue((tenantId, jobId), out var kept) ? [.. kept.Values] : [];
            return Task.FromResult(rows);
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteImportJobAsync(string tenantId, string jobId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            _rows.Remove((tenantId, jobId));
            return Task.FromResult(_jobs.Remove((tenantId, jobId)));
        }
    }
}
