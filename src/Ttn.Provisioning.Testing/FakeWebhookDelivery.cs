using System.Globalization;

namespace Ttn.Provisioning.Testing;

/// <summary>One webhook delivery the fake's Application Server made or decided not to make.</summary>
public sealed class FakeWebhookDelivery
{
    internal FakeWebhookDelivery(DateTimeOffset timestamp, string? cluster, string applicationId, string webhookId, string deviceId,
        string messageType, string url, IReadOnlyDictionary<string, string> headers, string body)
    {
        Timestamp = timestamp;
        Cluster = cluster;
        ApplicationId = applicationId;
        WebhookId = webhookId;
        DeviceId = deviceId;
        MessageType = messageType;
        Url = url;
        Headers = headers;
        Body = body;
    }

    /// <summary>When the delivery finished (the fake's clock).</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The cluster whose Application Server delivered; null for a fake without clusters.</summary>
    public string? Cluster { get; }

    /// <summary>The application.</summary>
    public string ApplicationId { get; }

    /// <summary>The webhook.</summary>
    public string WebhookId { get; }

    /// <summary>The end device the message is about.</summary>
    public string DeviceId { get; }

    /// <summary>The message kind, as the webhook field that enables it: <c>uplink_message</c>, <c>join_accept</c>, ….</summary>
    public string MessageType { get; }

    /// <summary>The URL posted to.</summary>
    public string Url { get; }

    /// <summary>The request headers (the webhook's own, secrets included, and the downlink ones).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The JSON body (an <c>ApplicationUp</c>).</summary>
    public string Body { get; }

    /// <summary>Whether the request was sent (false: the webhook was disabled as unhealthy, or the target was not allowed).</summary>
    public bool Sent { get; internal init; }

    /// <summary>The receiver's HTTP status; null when it did not answer or the request was not sent.</summary>
    public int? StatusCode { get; internal init; }

    /// <summary>Whether the receiver answered 2xx.</summary>
    public bool Succeeded => StatusCode is >= 200 and <= 299;

    /// <summary>Why it failed (status, transport error, not sent); null on success.</summary>
    public string? Failure { get; internal init; }

    /// <inheritdoc />
    public override string ToString() =>
        $"{WebhookId} {MessageType} -> {(Sent ? StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "no answer" : "not sent")}";
}

/// <summary>A webhook's <c>health_status</c> as TTS reports it.</summary>
public sealed class FakeWebhookHealth
{
    private FakeWebhookHealth(bool isHealthy, long failedAttempts, DateTimeOffset? lastFailedAttemptAt)
    {
        IsHealthy = isHealthy;
        FailedAttempts = failedAttempts;
        LastFailedAttemptAt = lastFailedAttemptAt;
    }

    /// <summary>Whether the last delivery succeeded.</summary>
    public bool IsHealthy { get; }

    /// <summary>Consecutive failed deliveries (0 when healthy).</summary>
    public long FailedAttempts { get; }

    /// <summary>When the last delivery failed; null when healthy.</summary>
    public DateTimeOffset? LastFailedAttemptAt { get; }

    /// <summary>The healthy status.</summary>
    public static FakeWebhookHealth Healthy() => new(true, 0, null);

    /// <summary>An unhealthy status.</summary>
    /// <param name="failedAttempts">Consecutive failures (at least 1).</param>
    /// <param name="lastFailedAttemptAt">When the last one happened.</param>
    public static FakeWebhookHealth Unhealthy(long failedAttempts, DateTimeOffset lastFailedAttemptAt)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        return new(false, failedAttempts, lastFailedAttemptAt);
    }
}
