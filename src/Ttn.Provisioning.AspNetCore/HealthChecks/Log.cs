using Microsoft.Extensions.Logging;

namespace Ttn.Provisioning.AspNetCore.HealthChecks;

/// <summary>The health checks' log events (ids 6200–6299). Never a key or a secret.</summary>
internal static partial class Log
{
    [LoggerMessage(
        EventId = 6201,
        Level = LogLevel.Warning,
        Message = "Health check: The Things Stack or the admin API key is not usable: {Problem}")]
    public static partial void ThingsStackUnhealthy(ILogger logger, string problem);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Warning, Message = "Health check: the credential store could not be read.")]
    public static partial void CredentialStoreUnhealthy(ILogger logger, Exception exception);
}
