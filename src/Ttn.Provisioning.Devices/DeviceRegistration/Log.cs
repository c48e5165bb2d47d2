using Microsoft.Extensions.Logging;
using Ttn.Provisioning.Devices;

namespace Ttn.Provisioning.DeviceRegistration;

/// <summary>Log events of device and gateway work. Ids, EUIs, registries and outcomes only: never a key.</summary>
internal static partial class Log
{
    [LoggerMessage(
        EventId = 5001,
        Level = LogLevel.Information,
        Message = "Tenant {TenantId}: device {DeviceId} {Outcome} (written to {Created}; still held by {Remaining})")]
    public static partial void Registered(
        ILogger logger, string tenantId, string deviceId, DeviceOutcome outcome, DeviceRegistries created, DeviceRegistries remaining);

    [LoggerMessage(
        EventId = 5002,
        Level = LogLevel.Information,
        Message = "Tenant {TenantId}: device {DeviceId} removed from {Removed}, already gone from {AlreadyGone}, remaining in {Remaining}")]
    public static partial void Removed(
        ILogger logger,
        string tenantId,
        string deviceId,
        DeviceRegistries removed,
        DeviceRegistries alreadyGone,
        DeviceRegistries remaining);

    [LoggerMessage(
        EventId = 5003,
        Level = LogLevel.Warning,
        Message = "Tenant {TenantId}: device {DeviceId} could not be removed from {Registry}: {Reason}")]
    public static partial void RemovalFailed(ILogger logger, string tenantId, string deviceId, DeviceRegistries registry, string reason);

    [LoggerMessage(
        EventId = 5004,
        Level = LogLevel.Information,
        Message = "Tenant {TenantId}: import job {JobId} {Event}: {Done} done, {Failed} failed of {Total}")]
    public static partial void ImportJob(ILogger logger, string tenantId, string jobId, string @event, int done, int failed, int total);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Tenant {TenantId}: gateway {GatewayId} {Event}")]
    public static partial void Gateway(ILogger logger, string tenantId, string gatewayId, string @event);
}
