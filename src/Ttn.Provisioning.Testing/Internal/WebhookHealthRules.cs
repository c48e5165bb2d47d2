using System.Globalization;
using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>
/// TTS's webhook health check (pkg/applicationserver/io/web/sink/health.go): the first failure makes a webhook
/// <c>unhealthy</c>; it is still called until <see cref="Threshold"/> consecutive failures, then only once per
/// <see cref="RetryInterval"/> after the last failure; a success makes it <c>healthy</c> again. With only one of the two
/// set (monitor mode) failures are recorded (once per interval) and nothing stops; with neither, nothing is recorded.
/// </summary>
internal sealed record WebhookHealthRules(int Threshold, TimeSpan RetryInterval)
{
    public enum Gate
    {
        Unknown,
        Healthy,
        MonitorSkipRecord,
        MonitorRecord,
        Unhealthy,
        Disabled,
    }

    public static WebhookHealthRules From(FakeThingsStackOptions options) =>
        new(options.WebhookUnhealthyAttemptsThreshold, options.WebhookUnhealthyRetryInterval);

    /// <summary>Whether the AS runs the health check at all (<c>unhealthy-attempts-threshold</c> or the interval set).</summary>
    public bool Active => Threshold > 0 || RetryInterval > TimeSpan.Zero;

    private bool MonitorOnly => Threshold <= 0 || RetryInterval <= TimeSpan.Zero;

    /// <summary>
    /// <c>preRunCheck</c>: whether (and in which state) the delivery goes ahead; <see cref="Gate.Disabled"/> means not sent.
    /// </summary>
    public Gate Check(WebhookHealth? health, DateTimeOffset now)
    {
        if (!Active || health is null)
        {
            return Gate.Unknown;
        }
        if (health.Healthy)
        {
            return Gate.Healthy;
        }
        var retryIntervalPassed = now > (health.LastFailedAttemptAt ?? DateTimeOffset.MinValue) + RetryInterval;
        if (MonitorOnly)
        {
            return retryIntervalPassed ? Gate.MonitorRecord : Gate.MonitorSkipRecord;
        }
        return health.FailedAttempts < Threshold || retryIntervalPassed ? Gate.Unhealthy : Gate.Disabled;
    }

    /// <summary><c>executeAndRecord</c>: the health after a delivery, or the current one when nothing is recorded.</summary>
    public WebhookHealth? Record(Gate gate, WebhookHealth? health, bool succeeded, DateTimeOffset now, JsonObject? failure)
    {
        if (!Active || (succeeded && gate == Gate.Healthy) || (!succeeded && gate == Gate.MonitorSkipRecord))
        {
            return health;
        }
        return succeeded
            ? WebhookHealth.Good
            : new WebhookHealth(false, (health is { Healthy: false } ? health.FailedAttempts : 0) + 1, now, failure);
    }

    /// <summary><c>AsConfiguration.Webhooks</c> as proto3 JSON (int64 as a string, a duration in seconds).</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject();
        if (Threshold != 0)
        {
            json["unhealthy_attempts_threshold"] = Threshold.ToString(CultureInfo.InvariantCulture);
        }
        json["unhealthy_retry_interval"] = RetryInterval.TotalSeconds.ToString("0.#########", CultureInfo.InvariantCulture) + "s";
        return json;
    }
}
