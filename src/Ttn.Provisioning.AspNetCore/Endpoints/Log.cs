using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>The endpoints' log events (ids 6100–6199). They name users and paths, never a body or a secret.</summary>
internal static partial class Log
{
    [LoggerMessage(
        EventId = 6101,
        Level = LogLevel.Warning,
        Message = "User {UserId} asked for {Path}, which names another tenant than theirs; refused.")]
    public static partial void TenantMismatch(ILogger logger, string userId, PathString path);

    [LoggerMessage(
        EventId = 6102,
        Level = LogLevel.Warning,
        Message = "User {UserId} sent {Path} without a valid antiforgery token; refused.")]
    public static partial void AntiforgeryRefused(ILogger logger, string userId, PathString path);

    [LoggerMessage(
        EventId = 6103,
        Level = LogLevel.Information,
        Message = "MapTtnProvisioning mapped no {Endpoints} endpoints: their service is not registered (services.AddTtnProvisioning(...)"
            + ".AddDevices(), package Ttn.Provisioning.Devices, adds it).")]
    public static partial void EndpointsNotMapped(ILogger logger, string endpoints);
}
