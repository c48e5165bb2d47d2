using System.Net;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Provisioning;

/// <summary>A step of a run failed in an expected way; the run records it and ends with a result value.</summary>
internal sealed class StepFailedException : Exception
{
    public StepFailedException(ProvisioningStep? step, string message, bool isTransient, bool requiresStartFresh = false, Exception? innerException = null)
        : base(message, innerException)
    {
        Step = step;
        IsTransient = isTransient;
        RequiresStartFresh = requiresStartFresh;
        Tts = innerException as ThingsStackException;
    }

    public StepFailedException()
    {
    }

    public StepFailedException(string message)
        : base(message)
    {
    }

    public StepFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ProvisioningStep? Step { get; }

    public bool IsTransient { get; }

    public bool RequiresStartFresh { get; }

    public ThingsStackException? Tts { get; }

    public TenantError ToTenantError(DateTimeOffset at) =>
        new(Step, Message, Tts?.StatusCode is { } status ? (int)status : null, Tts?.ErrorNamespace, Tts?.ErrorName, Tts?.CorrelationId, at, IsTransient);

    public OperationError ToOperationError() =>
        new(Step, Message, Tts?.StatusCode is { } status ? (int)status : null, Tts?.ErrorName, Tts?.CorrelationId, IsTransient);

    /// <summary>Turns whatever a TTS call threw into a step failure, or returns null for exceptions that are not TTS failures.</summary>
    public static StepFailedException? FromTtsFailure(ProvisioningStep? step, string what, Exception exception, CancellationToken cancellationToken) =>
        exception switch
        {
            StepFailedException failed => failed,
            ThingsStackException tts => new StepFailedException(step, Describe(what, tts), tts.IsTransient, requiresStartFresh: false, tts),
            HttpRequestException http => new StepFailedException(step, $"{what} failed: The Things Stack could not be reached ({http.HttpRequestError}).", isTransient: true, innerException: http),
            OperationCanceledException when !cancellationToken.IsCancellationRequested =>
                new StepFailedException(step, $"{what} timed out.", isTransient: true, innerException: exception),
            TimeoutException => new StepFailedException(step, $"{what} timed out.", isTransient: true, innerException: exception),
            _ when exception.GetType().Name == "TimeoutRejectedException" =>
                new StepFailedException(step, $"{what} timed out.", isTransient: true, innerException: exception),
            _ => null,
        };

    private static string Describe(string what, ThingsStackException tts)
    {
        if (tts.StatusCode is null)
        {
            // No answer at all: a transport failure or a timeout, which the client reports without a status.
            var cause = tts.InnerException switch
            {
                HttpRequestException http => $"the connection failed ({http.HttpRequestError})",
                TimeoutException or OperationCanceledException => "the request timed out",
                null => "no answer",
                var other => $"no answer ({other.GetType().Name})",
            };
            return $"{what} failed: The Things Stack could not be reached: {cause}.";
        }

        if ((int)tts.StatusCode < 400)
        {
            // TTS said yes, but its answer could not be read (not the JSON expected): the client's message says how.
            return $"{what} failed: {tts.Message}";
        }

        var status = $"HTTP {(int)tts.StatusCode}";
        var name = tts.ErrorName is { } errorName ? $", {tts.ErrorNamespace}:{errorName}" : string.Empty;
        return tts.StatusCode == HttpStatusCode.TooManyRequests
            ? $"{what} failed: The Things Stack is rate limiting ({status}{name})."
            : $"{what} failed: The Things Stack answered {status}{name}.";
    }
}

/// <summary>Another run took the tenant's lease over (this run was too slow); it stops without writing.</summary>
internal sealed class LeaseLostException : Exception
{
    public LeaseLostException()
        : base("Another run took over the tenant's lease.")
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
