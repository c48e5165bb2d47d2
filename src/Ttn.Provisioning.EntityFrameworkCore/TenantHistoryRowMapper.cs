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

    public static TenantHistoryEntry ToEntry(TenantHistoryRow row) => new(
        tenantId: row.TenantId,
        occurredAt: new DateTimeOffset(row.OccurredAtTicks, TimeSpan.Zero),
        operation: Parse<ProvisioningOperation>(row.Operation),
        userId: row.UserId,
        role: Parse<TenantRole>(row.Role),
        outcome: Parse<ProvisioningOutcome>(row.Outcome),
        failedStep: row.FailedStep is null ? null : Parse<ProvisioningStep>(row.FailedStep),
        message: row.Message,
        errorName: row.ErrorName,
        correlationId: row.CorrelationId,
        ttsRequestCount: row.TtsRequestCount,
        duration: TimeSpan.FromTicks(row.DurationTicks));

    private static T Parse<T>(string stored)
        where T : struct, Enum =>
        Enum.TryParse<T>(stored, ignoreCase: true, out var value) ? value : default;
}
