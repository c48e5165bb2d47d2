using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.EntityFrameworkCore;

/// <summary>
/// Converts between <see cref="TenantHistoryEntry"/> and its stored row. Names this version does not know read as defaults.
/// </summary>
internal static class TenantHistoryRowMapper
{
    public static TenantHistoryRow ToRow(TenantHistoryEntry entry) => new()
    {
        TenantId = entry.TenantId,
        OccurredAtTicks = entry.OccurredAt.UtcTicks,
        Operation = entry.Operation.ToString(),
        UserId = entry.UserId,
        Role = entry.Role.ToString(),
        Outcome = entry.Outcome.ToString(),
        FailedStep = entry.FailedStep?.ToString(),
        Message = entry.Message,
        ErrorName = entry.ErrorName,
        CorrelationId = entry.CorrelationId,
        TtsRequestCount = entry.TtsRequestCount,
        DurationTicks = entry.Duration.Ticks,
    };

    public static TenantHistoryEntry ToEntry(TenantHistoryRow row) => new()
    {
        TenantId = row.TenantId,
        OccurredAt = new DateTimeOffset(row.OccurredAtTicks, TimeSpan.Zero),
        Operation = Parse<ProvisioningOperation>(row.Operation),
        UserId = row.UserId,
        Role = Parse<TenantRole>(row.Role),
        Outcome = Parse<ProvisioningOutcome>(row.Outcome),
        FailedStep = row.FailedStep is null ? null : Parse<ProvisioningStep>(row.FailedStep),
        Message = row.Message,
        ErrorName = row.ErrorName,
        CorrelationId = row.CorrelationId,
        TtsRequestCount = row.TtsRequestCount,
        Duration = TimeSpan.FromTicks(row.DurationTicks),
    };

    private static T Parse<T>(string stored)
        where T : struct, Enum =>
        Enum.TryParse<T>(stored, ignoreCase: true, out var value) ? value : default;
}
