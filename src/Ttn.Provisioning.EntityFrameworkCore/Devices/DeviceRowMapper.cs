using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.EntityFrameworkCore;

/// <summary>Maps the device store's records to their rows and back. Unknown stored names fail loudly, never silently.</summary>
internal static class DeviceRowMapper
{
    public static UnfinishedDeviceRow ToRow(UnfinishedDevice device) => new()
    {
        TenantId = device.TenantId,
        ApplicationId = device.ApplicationId,
        DeviceId = device.DeviceId,
        DevEui = device.DevEui,
        JoinEui = device.JoinEui,
        Work = device.Work.ToString(),
        Holds = device.Holds.ToString(),
        NeedsCleanup = device.NeedsCleanup,
        Reason = device.Reason,
        StartedAtTicks = device.StartedAt.UtcTicks,
        UpdatedAtTicks = device.UpdatedAt.UtcTicks,
    };

    public static UnfinishedDevice ToRecord(UnfinishedDeviceRow row) => new()
    {
        TenantId = row.TenantId,
        ApplicationId = row.ApplicationId,
        DeviceId = row.DeviceId,
        DevEui = row.DevEui,
        JoinEui = row.JoinEui,
        Work = Parse<DeviceWork>(row.Work),
        Holds = Parse<DeviceRegistries>(row.Holds),
        NeedsCleanup = row.NeedsCleanup,
        Reason = row.Reason,
        StartedAt = FromTicks(row.StartedAtTicks),
        UpdatedAt = FromTicks(row.UpdatedAtTicks),
    };

    public static DeviceImportJobRow ToRow(DeviceImportJob job) => new()
    {
        TenantId = job.TenantId,
        JobId = job.JobId,
        Version = job.Version,
        Fingerprint = job.Fingerprint,
        TotalRows = job.TotalRows,
        State = job.State.ToString(),
        LeaseHolder = job.LeaseHolder,
        LeaseExpiresAtTicks = job.LeaseExpiresAt?.UtcTicks,
        CreatedAtTicks = job.CreatedAt.UtcTicks,
        UpdatedAtTicks = job.UpdatedAt.UtcTicks,
        CompletedAtTicks = job.CompletedAt?.UtcTicks,
    };

    public static DeviceImportJob ToRecord(DeviceImportJobRow row) => new()
    {
        TenantId = row.TenantId,
        JobId = row.JobId,
        Version = row.Version,
        Fingerprint = row.Fingerprint,
        TotalRows = row.TotalRows,
        State = Parse<DeviceImportState>(row.State),
        LeaseHolder = row.LeaseHolder,
        LeaseExpiresAt = row.LeaseExpiresAtTicks is { } expires ? FromTicks(expires) : null,
        CreatedAt = FromTicks(row.CreatedAtTicks),
        UpdatedAt = FromTicks(row.UpdatedAtTicks),
        CompletedAt = row.CompletedAtTicks is { } completed ? FromTicks(completed) : null,
    };

    public static DeviceImportRowEntry ToRow(string tenantId, string jobId, DeviceImportRow row) => new()
    {
        TenantId = tenantId,
        JobId = jobId,
        Row = row.Row,
        DeviceId = row.DeviceId,
        Outcome = row.Outcome.ToString(),
        Reason = row.Reason,
    };

    public static DeviceImportRow ToRecord(DeviceImportRowEntry row) => new()
    {
        Row = row.Row,
        DeviceId = row.DeviceId,
        Outcome = Parse<DeviceOutcome>(row.Outcome),
        Reason = row.Reason,
    };

    private static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    private static T Parse<T>(string value)
        where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: false, out var parsed) && !int.TryParse(value, out _)
            ? parsed
            : throw new InvalidOperationException($"The device store holds '{value}', which is not a {typeof(T).Name} this version knows.");
}
