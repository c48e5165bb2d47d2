using Microsoft.Extensions.Logging;
using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.Storage;

/// <summary>
/// Source-generated log messages of the storage sweeps: tenant ids, slots, reasons and counts; never a secret or a token.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "Re-protect sweep started (dry run: {DryRun})")]
    public static partial void SweepStarted(ILogger logger, bool dryRun);

    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Re-protected {Count} secrets of tenant {TenantId}")]
    public static partial void TenantReprotected(ILogger logger, string tenantId, int count);

    [LoggerMessage(
        EventId = 4202,
        Level = LogLevel.Debug,
        Message = "Tenant {TenantId} changed during the re-protect sweep (attempt {Attempt}); reading it again")]
    public static partial void TenantConflict(ILogger logger, string tenantId, int attempt);

    [LoggerMessage(
        EventId = 4203,
        Level = LogLevel.Warning,
        Message = "Tenant {TenantId} skipped by the re-protect sweep after {Attempts} conflicting writes; sweep again")]
    public static partial void TenantSkippedAfterConflicts(ILogger logger, string tenantId, int attempts);

    [LoggerMessage(
        EventId = 4204,
        Level = LogLevel.Information,
        Message = "Tenant {TenantId} skipped by the re-protect sweep: a provisioning run holds its lease")]
    public static partial void TenantSkippedLeased(ILogger logger, string tenantId);

    [LoggerMessage(
        EventId = 4205,
        Level = LogLevel.Warning,
        Message = "The {Slot} of tenant {TenantId} could not be opened ({Reason}); left untouched (dry run: {DryRun})")]
    public static partial void ValueFailed(
        ILogger logger, string tenantId, TenantSecretSlot slot, SafeDecryptFailureReason reason, bool dryRun);

    [LoggerMessage(
        EventId = 4206,
        Level = LogLevel.Information,
        Message = "Re-protect sweep done (dry run: {DryRun}): {Scanned} tenants scanned, {Updated} updated, " +
            "{Conflicts} conflicts retried, {SkippedConflicts} skipped after conflicts, {SkippedLeased} skipped (leased), " +
            "{Failed} values failed, {LegacyLeft} legacy values left")]
    public static partial void SweepCompleted(
        ILogger logger, bool dryRun, int scanned, int updated, int conflicts, int skippedConflicts, int skippedLeased, int failed,
        int legacyLeft);
}
