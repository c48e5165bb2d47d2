using Microsoft.Extensions.Logging;

namespace Ttn.Provisioning.Cleanup;

/// <summary>Log events of clean-ups. Ids and statuses only: never a secret.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2013, Level = LogLevel.Information, Message = "Tenant {TenantId}: {Kind} {ResourceId} {Status} {Reason}")]
    public static partial void ResourceCleaned(
        ILogger logger, string tenantId, ResourceKind kind, string resourceId, CleanupStatus status, string? reason);
}
