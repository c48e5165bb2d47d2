using Ttn.Provisioning.Devices;

namespace Ttn.Provisioning.Storage;

/// <summary>
/// Where the device work of tenants is kept: devices whose registration or removal has not finished, and device import
/// jobs with their rows' results. Separate from <see cref="ICredentialStore"/>: nothing here is a secret, and a host may
/// keep it elsewhere. The library ships <see cref="InMemoryDeviceStore"/> and an EF Core store.
/// </summary>
/// <remarks>
/// Every method is called concurrently (an import registers devices in parallel); an implementation must be
/// thread-safe. Import jobs are written by compare-and-swap (<see cref="TryWriteImportJobAsync"/>), which keeps one run
/// per job across host instances; everything else is an upsert or a delete by key.
/// </remarks>
public interface IDeviceStore
{
    /// <summary>Reads the unfinished entry of a device.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="applicationId">The application.</param>
    /// <param name="deviceId">The device.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entry, or null when the device has none.</returns>
    Task<UnfinishedDevice?> GetUnfinishedAsync(
        string tenantId, string applicationId, string deviceId, CancellationToken cancellationToken = default);

    /// <summary>Lists a tenant's unfinished devices, ordered by application id and device id (ordinal).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The entries; empty when there are none.</returns>
    Task<IReadOnlyList<UnfinishedDevice>> ListUnfinishedAsync(string tenantId, CancellationToken cancellationToken = default);

    /// <summary>Writes a device's unfinished entry, replacing the one it had.</summary>
    /// <param name="device">The entry.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task SaveUnfinishedAsync(UnfinishedDevice device, CancellationToken cancellationToken = default);

    /// <summary>Removes a device's unfinished entry (nothing happens when it has none).</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="applicationId">The application.</param>
    /// <param name="deviceId">The device.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    Task RemoveUnfinishedAsync(string tenantId, string applicationId, string deviceId, CancellationToken cancellationToken = default);

    /// <summary>Reads an import job.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="jobId">The job.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The job, or null when the tenant has no such job.</returns>
    Task<DeviceImportJob?> GetImportJobAsync(string tenantId, string jobId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes an import job if, and only if, the stored version is still the job's <see cref="DeviceImportJob.Version"/>
    /// (0: the job may not exist yet). The stored version becomes <c>Version + 1</c>.
    /// </summary>
    /// <param name="job">The job, carrying the version it was read at.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The job as stored (with its new version), or null when another writer got there first.</returns>
    Task<DeviceImportJob?> TryWriteImportJobAsync(DeviceImportJob job, CancellationToken cancellationToken = default);

    /// <summary>Writes rows' results of an import job, each replacing the result its row had.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="jobId">The job.</param>
    /// <param name="rows">The rows' results.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task SaveImportRowsAsync(
        string tenantId, string jobId, IReadOnlyList<DeviceImportRow> rows, CancellationToken cancellationToken = default);

    /// <summary>Reads the rows' results of an import job, ordered by row.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="jobId">The job.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The results written so far.</returns>
    Task<IReadOnlyList<DeviceImportRow>> ListImportRowsAsync(string tenantId, string jobId, CancellationToken cancellationToken = default);

    /// <summary>Deletes an import job and its rows.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="jobId">The job.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>Whether there was such a job.</returns>
    Task<bool> DeleteImportJobAsync(string tenantId, string jobId, CancellationToken cancellationToken = default);
}
