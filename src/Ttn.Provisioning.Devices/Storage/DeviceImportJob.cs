namespace Ttn.Provisioning.Storage;

/// <summary>Where a device import job stands.</summary>
public enum DeviceImportState
{
    /// <summary>Started and not finished (running, or stopped by its host: run it again to continue).</summary>
    InProgress = 0,

    /// <summary>Every row was tried; the rows say how each ended.</summary>
    Completed = 1,
}

/// <summary>
/// A device import job: which devices it imports (a fingerprint of their ids and EUIs, never of keys), where it stands,
/// and the lease of the run working on it, so that one job runs on one host at a time and a run that stopped can be
/// continued. The rows' results are kept beside it (<see cref="IDeviceStore.SaveImportRowsAsync"/>).
/// </summary>
public sealed record DeviceImportJob
{
    /// <summary>The tenant.</summary>
    public required string TenantId { get; init; }

    /// <summary>The job's id (given by the host, or generated).</summary>
    public required string JobId { get; init; }

    /// <summary>The store's concurrency version: 0 for a job never written; each successful write stores <c>Version + 1</c>.</summary>
    public long Version { get; init; }

    /// <summary>A hash of the rows' device ids and EUIs in order: a run of the job with other devices is refused.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>How many rows the job has.</summary>
    public int TotalRows { get; init; }

    /// <summary>Where the job stands.</summary>
    public DeviceImportState State { get; init; }

    /// <summary>The run working on the job; null when none is.</summary>
    public string? LeaseHolder { get; init; }

    /// <summary>When the run's lease may be taken over if it is not renewed.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>When the job was first written.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the job was last written.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When every row had been tried.</summary>
    public DateTimeOffset? CompletedAt { get; init; }
}
