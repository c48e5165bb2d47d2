using System.Net;
using Polly.Timeout;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.ThingsStack;

/// <summary>
/// An expected failure of a request to The Things Stack, as a value: what was being done, what TTS answered (if it
/// answered), and whether trying again may help. Built from what the client throws; never holds a secret.
/// </summary>
internal sealed class TtsFailure
{
    private TtsFailure(string message, bool isTransient, ThingsStackException? exception)
    {
        Message = message;
        IsTransient = isTransient;
        Exception = exception;
    }

    /// <summary>What went wrong, in words (what was being done, and what TTS answered).</summary>
    public string Message { get; }

    /// <summary>Whether trying again later may succeed (a timeout, a 5xx, a rate limit, no answer).</summary>
    public bool IsTransient { get; }

    /// <summary>What the client threw, when TTS answered or could not be reached.</summary>
    public ThingsStackException? Exception { get; }

    /// <summary>The HTTP status TTS answered, if it answered.</summary>
    public HttpStatusCode? StatusCode => Exception?.StatusCode;

    /// <summary>404 (or TTS's not-found error names).</summary>
    public bool IsNotFound => Exception is { IsNotFound: true };

    /// <summary>409 <c>id_taken</c> / <c>already_exists</c>.</summary>
    public bool IsAlreadyExists => Exception is { IsAlreadyExists: true };

    /// <summary>403 of any kind.</summary>
    public bool IsPermissionDenied => Exception is { IsPermissionDenied: true };

    /// <summary>400 <c>forbidden_id</c>: a reserved id.</summary>
    public bool IsForbiddenId => Exception is { IsForbiddenId: true };

    /// <summary>401: the key used was refused (revoked, expired or unknown).</summary>
    public bool IsUnauthenticated => StatusCode == HttpStatusCode.Unauthorized;

    /// <summary>
    /// Whether the answer means the resource is already gone: 404, or 403 with no rights at all on it, which is what TTS
    /// answers a non-admin for an entity that was deleted (for example by an earlier attempt whose answer was lost).
    /// </summary>
    public bool IsGone => Exception is { IsNotFound: true } or { IsNoApplicationRights: true } or { IsNoOrganizationRights: true };

    /// <summary>A failure that did not come from TTS (a rule of the library), with its message.</summary>
    public static TtsFailure Refusal(string message, bool isTransient = false) => new(message, isTransient, exception: null);

    /// <summary>
    /// Turns what a TTS call threw into a failure, or returns null for an exception that is not an expected TTS failure
    /// (a bug, a store failure, or the caller's own cancellation: those propagate).
    /// </summary>
    /// <param name="what">What was being done, e.g. "Creating the application".</param>
    /// <param name="exception">What the call threw.</param>
    /// <param name="cancellationToken">The caller's token: a cancellation it asked for is not a failure of TTS.</param>
    public static TtsFailure? From(string what, Exception exception, CancellationToken cancellationToken) => exception switch
    {
        ThingsStackException tts => new(Describe(what, tts), tts.IsTransient, tts),
        HttpRequestException http =>
            new($"{what} failed: The Things Stack could not be reached ({http.HttpRequestError}).", isTransient: true, exception: null),
        OperationCanceledException when !cancellationToken.IsCancellationRequested => TimedOut(what),
        TimeoutException or TimeoutRejectedException => TimedOut(what),
        _ => null,
    };

    /// <summary>This failure as the error recorded for a tenant.</summary>
    /// <param name="step">The step it belongs to, if any.</param>
    /// <param name="at">When it happened.</param>
    public TenantError ToError(ProvisioningStep? step, DateTimeOffset at) => new(
        step: step,
        message: Message,
        httpStatus: StatusCode is { } status ? (int)status : null,
        errorNamespace: Exception?.ErrorNamespace,
        errorName: Exception?.ErrorName,
        correlationId: Exception?.CorrelationId,
        occurredAt: at,
        isTransient: IsTransient);

    /// <summary>The same answer of TTS, told with another message (what it means for the operation).</summary>
    public TtsFailure Rephrase(string message, bool isTransient) => new(message, isTransient, Exception);

    /// <summary>The same failure with more words after its message.</summary>
    public TtsFailure WithHint(string hint, bool? isTransient = null) => new($"{Message} {hint}", isTransient ?? IsTransient, Exception);

    /// <inheritdoc />
    public override string ToString() => Message;

    private static TtsFailure TimedOut(string what) => new($"{what} timed out.", isTransient: true, exception: null);

    private static string Describe(string what, ThingsStackException tts)
    {
        if (tts.StatusCode is null)
        {
            // No answer at all: a transport failure or a timeout, which the client reports without a status.
            var cause = tts.InnerException switch
            {
                HttpRequestException http => $"the connection failed ({http.HttpRequestError})",
                TimeoutException or OperationCanceledException or TimeoutRejectedException => "the request timed out",
                null => "no answer",
                var other => $"no answer ({other.GetType().Name})",
            };
            return $"{what} failed: The Things Stack could not be reached: {cause}.";
        }

        if ((int)tts.StatusCode < 400)
        {
            // TTS said yes (or redirected), but its answer could not be used: the client's message says how.
            return $"{what} failed: {tts.Message}";
        }

        var status = $"HTTP {(int)tts.StatusCode}";
        var name = tts.ErrorName is { } errorName ? $", {tts.ErrorNamespace}:{errorName}" : string.Empty;
        return tts.StatusCode == HttpStatusCode.TooManyRequests
            ? $"{what} failed: The Things Stack is rate limiting ({status}{name})."
            : $"{what} failed: The Things Stack answered {status}{name}.";
    }
}
