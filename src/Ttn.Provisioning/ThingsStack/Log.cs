using Microsoft.Extensions.Logging;

namespace Ttn.Provisioning.ThingsStack;

/// <summary>
/// Source-generated log messages of the Things Stack client. They carry the method, the route template (never the
/// full URL), the status, the correlation id and the elapsed time; never an API key or a body.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(
        EventId = 3100, Level = LogLevel.Debug, Message = "TTS {Method} {Route} answered {StatusCode} in {ElapsedMilliseconds} ms")]
    public static partial void RequestSucceeded(ILogger logger, string method, string route, int statusCode, long elapsedMilliseconds);

    [LoggerMessage(
        EventId = 3101,
        Level = LogLevel.Warning,
        Message = "TTS {Method} {Route} failed with {StatusCode} {ErrorName} (correlation id {CorrelationId}) in {ElapsedMilliseconds} ms")]
    public static partial void RequestFailed(
        ILogger logger, string method, string route, int statusCode, string? errorName, string? correlationId, long elapsedMilliseconds);

    [LoggerMessage(
        EventId = 3102,
        Level = LogLevel.Warning,
        Message = "TTS {Method} {Route} could not be completed after {ElapsedMilliseconds} ms: {Reason}")]
    public static partial void RequestUnreachable(ILogger logger, string method, string route, long elapsedMilliseconds, string reason);

    [LoggerMessage(
        EventId = 3103,
        Level = LogLevel.Information,
        Message = "TTS {Method} {Route}: retry {Attempt} in {DelayMilliseconds} ms after {Outcome}")]
    public static partial void Retrying(ILogger logger, string method, string route, int attempt, long delayMilliseconds, string outcome);
}
