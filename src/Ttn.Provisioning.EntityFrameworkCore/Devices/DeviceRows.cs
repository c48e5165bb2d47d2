namespace Ttn.Provisioning.EntityFrameworkCore;

/// <summary>
/// The stored shape of a <see cref="Storage.UnfinishedDevice"/>: one row of <c>ttn_unfinished_devices</c>, keyed by
/// tenant, application and device. Enums are text (their names; flags joined by commas), instants UTC ticks.
/// </summary>
internal sealed class UnfinishedDeviceRow
{
    public string TenantId { get; set; } = string.Empty;

    public string ApplicationId { get; set; } = string.Empty;

    public string DeviceId { get; set; } = string.Empty;

    public string? DevEui { get; set; }

    public string? JoinEui { get; set; }

    public string Work { get; set; } = string.Empty;

    public string Holds { get; set; } = string.Empty;

    public bool NeedsCleanup { get; set; }

    public string? Reason { get; set; }

    public long StartedAtTicks { get; set; }

    public long UpdatedAtTicks { get; set; }
}

/// <summary>The stored shape of a <see cref="Storage.DeviceImportJob"/>: one row of <c>ttn_device_import_jobs</c>.</summary>
internal sealed class DeviceImportJobRow
{
    public string TenantId { get; set; } = string.Empty;

    public string JobId { get; set; } = string.Empty;

    public long Version { get; set; }

    public string Fingerprint { get; set; } = string.Empty;

    public int TotalRows { get; set; }

    public string State { get; set; } = string.Empty;

    public string? LeaseHolder { get; set; }

    public long? LeaseExpiresAtTicks { get; set; }

    public long CreatedAtTicks { get; set; }

    public long UpdatedAtTicks { get; set; }

    public long? CompletedAtTicks { get; set; }
}

/// <summary>The stored shape of a <see cref="Devices.DeviceImportRow"/>: one row of <c>ttn_device_import_rows</c>.</summary>
internal sealed class DeviceImportRowEntry
{
    public string TenantId { get; set; } = string.Empty;

    public string JobId { get; set; } = string.Empty;

    public int Row { get; set; }

    public string DeviceId { get; set; } = string.Empty;

    public string Outcome { get; set; } = string.Empty;

    public string? Reason { get; set; }
}
