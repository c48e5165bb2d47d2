namespace Ttn.Provisioning.Storage;

/// <summary>What one check of a connection test looked at.</summary>
public enum ConnectionCheckKind
{
    /// <summary>The stored application API key: TTS accepts it, and it is a key of the tenant's application.</summary>
    ApiKey = 1,

    /// <summary>The key's rights: every right the library needs (core, webhook, devices, downlink) is granted.</summary>
    Rights = 2,

    /// <summary>The tenant's application exists on the Identity Server.</summary>
    Application = 3,

    /// <summary>The webhook exists on the tenant's cluster, with the expected URL and the message types of the settings.</summary>
    Webhook = 4,

    /// <summary>The webhook is paused exactly when the tenant is disabled.</summary>
    WebhookPaused = 5,

    /// <summary>TTS's health status of the webhook: healthy, or no delivery yet (TTS stops delivering to an unhealthy one).</summary>
    WebhookHealth = 6,
}

/// <summary>One check of a connection test: passed or not, and why. Never holds a secret.</summary>
public sealed class ConnectionCheck
{
    /// <summary>Creates a <see cref="ConnectionCheck"/>.</summary>
    /// <param name="kind">What was checked.</param>
    /// <param name="passed">Whether the check passed.</param>
    /// <param name="message">Why, in words (what TTS answered, what is missing or wrong).</param>
    /// <param name="correlationId">TTS's id for the answer the check read; null when no answer came.</param>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public ConnectionCheck(ConnectionCheckKind kind, bool passed, string message, string? correlationId = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        Kind = kind;
        Passed = passed;
        Message = message;
        CorrelationId = correlationId;
    }

    /// <summary>What was checked.</summary>
    public ConnectionCheckKind Kind { get; }

    /// <summary>Whether the check passed.</summary>
    public bool Passed { get; }

    /// <summary>Why, in words (what TTS answered, what is missing or wrong).</summary>
    public string Message { get; }

    /// <summary>
    /// TTS's id for the answer the check read, for support: the error's correlation id when TTS answered with an error,
    /// otherwise the request id TTS set on its answer (<c>X-Request-ID</c>); null when no answer came.
    /// </summary>
    public string? CorrelationId { get; }

    /// <summary>The kind, the verdict and the message.</summary>
    public override string ToString() => $"{Kind}: {(Passed ? "passed" : "failed")}: {Message}";
}
