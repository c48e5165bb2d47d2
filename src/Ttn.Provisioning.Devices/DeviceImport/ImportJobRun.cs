using System.Security.Cryptography;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.DeviceImport;

/// <summary>
/// A run of an import job that holds the job's lease in the device store: the job is created or continued, each row's
/// result is written as it ends, the lease is renewed as it goes, and given up when the run ends.
/// </summary>
internal sealed class ImportJobRun
{
    private readonly IDeviceStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _leaseDuration;
    private readonly SemaphoreSlim _jobGate = new(1, 1);
    private DeviceImportJob _job;

    private ImportJobRun(
        IDeviceStore store, TimeProvider time, TimeSpan leaseDuration, DeviceImportJob job, IReadOnlyList<DeviceImportRow> earlier)
    {
        _store = store;
        _time = time;
        _leaseDuration = leaseDuration;
        _job = job;
        Earlier = earlier;
    }

    /// <summary>The rows' results written by earlier runs of the job.</summary>
    public IReadOnlyList<DeviceImportRow> Earlier { get; }

    public string JobId => _job.JobId;

    /// <summary>Why a run could not start.</summary>
    public enum Refusal
    {
        /// <summary>Another run holds the job's lease.</summary>
        Busy,

        /// <summary>The job was started with other devices.</summary>
        OtherDevices,
    }

    /// <summary>Takes the job's lease, creating the job when it is new; or says why not.</summary>
    public static async Task<(ImportJobRun? Run, Refusal? Refusal)> StartAsync(
        IDeviceStore store,
        TimeProvider time,
        TimeSpan leaseDuration,
        string tenantId,
        string jobId,
        string fingerprint,
        int totalRows,
        CancellationToken cancellationToken)
    {
        var holder = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var now = time.GetUtcNow();
            var current = await store.GetImportJobAsync(tenantId, jobId, cancellationToken).ConfigureAwait(false);
            if (current is not null && current.Fingerprint != fingerprint)
            {
                return (null, Refusal.OtherDevices);
            }

            if (current is { LeaseHolder: not null, LeaseExpiresAt: { } expires } && expires > now)
            {
                return (null, Refusal.Busy);
            }

            var job = (current ?? new DeviceImportJob
            {
                TenantId = tenantId,
                JobId = jobId,
                Fingerprint = fingerprint,
                TotalRows = totalRows,
                CreatedAt = now,
            }) with
            {
                State = DeviceImportState.InProgress,
                LeaseHolder = holder,
                LeaseExpiresAt = now + leaseDuration,
                UpdatedAt = now,
                CompletedAt = null,
            };
            if (await store.TryWriteImportJobAsync(job, cancellationToken).ConfigureAwait(false) is { } written)
            {
                var earlier = current is null
                    ? []
                    : await store.ListImportRowsAsync(tenantId, jobId, cancellationToken).ConfigureAwait(false);
                return (new ImportJobRun(store, time, leaseDuration, written, earlier), null);
            }
        }

        return (null, Refusal.Busy);
    }

    /// <summary>Writes a row's result, renewing the lease when half of it has passed; false when another run took the job over.</summary>
    public async Task<bool> RecordAsync(DeviceImportRow row)
    {
        await _store.SaveImportRowsAsync(_job.TenantId, _job.JobId, [row], CancellationToken.None).ConfigureAwait(false);
        var now = _time.GetUtcNow();
        if (_job.LeaseExpiresAt - now > _leaseDuration / 2)
        {
            return true;
        }

        return await WriteAsync(j => j with { LeaseExpiresAt = now + _leaseDuration, UpdatedAt = now }).ConfigureAwait(false);
    }

    /// <summary>Marks the job completed and gives the lease up.</summary>
    public Task<bool> CompleteAsync()
    {
        var now = _time.GetUtcNow();
        return WriteAsync(j => j with
        {
            State = DeviceImportState.Completed,
            CompletedAt = now,
            LeaseHolder = null,
            LeaseExpiresAt = null,
            UpdatedAt = now,
        });
    }

    /// <summary>Gives the lease up without completing (the caller cancelled): the next run continues at once.</summary>
    public async Task ReleaseAsync()
    {
        try
        {
            var now = _time.GetUtcNow();
            await WriteAsync(j => j with { LeaseHolder = null, LeaseExpiresAt = null, UpdatedAt = now }).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The store is what failed: the lease expires, and the job can be continued then.
        }
    }

    private async Task<bool> WriteAsync(Func<DeviceImportJob, DeviceImportJob> change)
    {
        await _jobGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            var written = await _store.TryWriteImportJobAsync(change(_job), CancellationToken.None).ConfigureAwait(false);
            if (written is null)
            {
                return false;
            }

            _job = written;
            return true;
        }
        finally
        {
            _jobGate.Release();
        }
    }
}
