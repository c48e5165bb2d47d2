using System.Text.Json.Serialization;

namespace Ttn.Provisioning.ThingsStack;

// Application Server webhooks.
// Only the fields the library uses are modelled; unknown fields in answers are ignored, null fields left out of requests.

/// <summary><c>ApplicationWebhookIdentifiers</c>. <see cref="ApplicationIds"/> comes from the path on writes.</summary>
internal sealed record WebhookIdentifiers(string WebhookId, ApplicationIdentifiers? ApplicationIds = null);

/// <summary><c>ApplicationWebhook.Message</c>: the path appended to the base URL for one event type.</summary>
internal sealed record WebhookMessage(string? Path);

/// <summary><c>ApplicationWebhookHealth</c>: exactly one of the two is set.</summary>
internal sealed record WebhookHealthStatus(EmptyResponse? Healthy, WebhookUnhealthy? Unhealthy);

/// <summary><c>ApplicationWebhookHealth.WebhookHealthStatusUnhealthy</c>; <c>failed_attempts</c> is a uint64, a JSON string.</summary>
internal sealed record WebhookUnhealthy
{
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long? FailedAttempts { get; init; }

    public DateTimeOffset? LastFailedAttemptAt { get; init; }

    public ErrorDetails? LastFailedAttemptDetails { get; init; }
}

/// <summary><c>ApplicationWebhook</c>. Headers and the downlink key may hold secrets.</summary>
internal sealed record Webhook
{
    public required WebhookIdentifiers Ids { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? BaseUrl { get; init; }

    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public string? Format { get; init; }

    public string? DownlinkApiKey { get; init; }

    public WebhookMessage? UplinkMessage { get; init; }

    public WebhookMessage? UplinkNormalized { get; init; }

    public WebhookMessage? JoinAccept { get; init; }

    public WebhookMessage? DownlinkAck { get; init; }

    public WebhookMessage? DownlinkNack { get; init; }

    public WebhookMessage? DownlinkSent { get; init; }

    public WebhookMessage? DownlinkFailed { get; init; }

    public WebhookMessage? DownlinkQueued { get; init; }

    public WebhookMessage? DownlinkQueueInvalidated { get; init; }

    public WebhookMessage? LocationSolved { get; init; }

    public WebhookMessage? ServiceData { get; init; }

    public bool? Paused { get; init; }

    /// <summary>Read-only: TTS's health status of the webhook (absent until its first delivery).</summary>
    public WebhookHealthStatus? HealthStatus { get; init; }

    /// <summary>Never prints header values or the downlink key.</summary>
    public override string ToString() =>
        $"Webhook {{ Id = {Ids.WebhookId}, BaseUrl = {BaseUrl}, Format = {Format}, Headers = {Headers?.Count ?? 0} (redacted) }}";
}
