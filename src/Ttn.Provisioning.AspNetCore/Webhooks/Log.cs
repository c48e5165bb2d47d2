using Microsoft.Extensions.Logging;
using Ttn.Provisioning.AspNetCore.Messages;

namespace Ttn.Provisioning.AspNetCore.Webhooks;

/// <summary>
/// Log events of the webhook receiver. Tenant ids (only valid ones; the route is the caller's), message kinds, reasons and
/// counts: never the secret header, the downlink key, nor the body.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5300, Level = LogLevel.Debug, Message = "Webhook for tenant {TenantId}: {Kind} accepted ({Dispatch})")]
    public static partial void Accepted(ILogger logger, string tenantId, TtnMessageKind kind, TtnWebhookDispatch dispatch);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Debug, Message = "Webhook for tenant {TenantId} refused: {Reason} (HTTP {Status})")]
    public static partial void Refused(ILogger logger, string? tenantId, string reason, int status);

    [LoggerMessage(
        EventId = 5302, Level = LogLevel.Warning, Message = "Webhook for tenant {TenantId}: the authentic body is not a message: {Reason}")]
    public static partial void Malformed(ILogger logger, string tenantId, string reason);

    [LoggerMessage(
        EventId = 5303,
        Level = LogLevel.Warning,
        Message = "Webhook for tenant {TenantId}: a message about application {MessageApplication}, not the tenant's {TenantApplication}")]
    public static partial void OtherApplication(ILogger logger, string tenantId, string messageApplication, string tenantApplication);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Debug, Message = "Webhook for tenant {TenantId}: {Kind} ignored ({Reason})")]
    public static partial void Ignored(ILogger logger, string tenantId, TtnMessageKind? kind, string reason);

    [LoggerMessage(EventId = 5305, Level = LogLevel.Error, Message = "Webhook for tenant {TenantId}: the message handler failed on {Kind}")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string tenantId, TtnMessageKind kind);

    [LoggerMessage(
        EventId = 5306,
        Level = LogLevel.Warning,
        Message = "Webhook for tenant {TenantId}: the queue is full ({Capacity} messages), answered 503")]
    public static partial void QueueFull(ILogger logger, string tenantId, int capacity);

    [LoggerMessage(
        EventId = 5307,
        Level = LogLevel.Error,
        Message = "Webhook for tenant {TenantId}: the secret could not be checked (the store failed)")]
    public static partial void VerifierFailed(ILogger logger, Exception exception, string? tenantId);

    [LoggerMessage(
        EventId = 5308,
        Level = LogLevel.Information,
        Message = "Webhook queue stopping: handled {Drained} queued messages within the drain time")]
    public static partial void Drained(ILogger logger, long drained);

    [LoggerMessage(
        EventId = 5309,
        Level = LogLevel.Warning,
        Message = "Webhook queue stopped: {Dropped} queued messages were dropped (the drain time of {DrainTimeout} ran out)")]
    public static partial void Dropped(ILogger logger, int dropped, TimeSpan drainTimeout);
}
