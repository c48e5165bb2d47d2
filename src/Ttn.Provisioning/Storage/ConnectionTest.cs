namespace Ttn.Provisioning.Storage;

/// <summary>
/// The result of a tenant's connection test, as stored on its record and shown by its status: which cluster and
/// application were tested with which key (by its last four characters), each check, and TTS's view of the webhook's
/// health. Never holds a secret.
/// </summary>
public sealed class ConnectionTest
{
    /// <summary>Creates a <see cref="ConnectionTest"/>.</summary>
    /// <param name="testedAt">When the test ran.</param>
    /// <param name="cluster">The cluster whose Application Server was asked about the webhook.</param>
    /// <param name="applicationId">The application tested.</param>
    /// <param name="apiKeyLastFour">The last four characters of the application API key the test used; null when none was.</param>
    /// <param name="checks">Every check, in the order of <see cref="ConnectionCheckKind"/>.</param>
    /// <param name="webhookHealthy">Whether the webhook was healthy by TTS's account; null when TTS could not say.</param>
    /// <param name="webhookFailedAttempts">The failed deliveries in a row TTS counted, for an unhealthy webhook.</param>
    /// <param name="webhookLastFailedAt">When TTS last failed to deliver, for an unhealthy webhook.</param>
    /// <param name="webhookLastFailure">What TTS said about its last failed delivery, for an unhealthy webhook.</param>
    /// <exception cref="ArgumentNullException">
    /// <paramref name="cluster"/>, <paramref name="applicationId"/> or <paramref name="checks"/> is null.
    /// </exception>
    public ConnectionTest(
        DateTimeOffset testedAt,
        string cluster,
        string applicationId,
        string? apiKeyLastFour,
        IReadOnlyList<ConnectionCheck> checks,
        bool? webhookHealthy,
        long? webhookFailedAttempts,
        DateTimeOffset? webhookLastFailedAt,
        string? webhookLastFailure)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(applicationId);
        ArgumentNullException.ThrowIfNull(checks);
        TestedAt = testedAt;
        Cluster = cluster;
        ApplicationId = applicationId;
        ApiKeyLastFour = apiKeyLastFour;
        Checks = checks;
        WebhookHealthy = webhookHealthy;
        WebhookFailedAttempts = webhookFailedAttempts;
        WebhookLastFailedAt = webhookLastFailedAt;
        WebhookLastFailure = webhookLastFailure;
    }

    /// <summary>When the test ran.</summary>
    public DateTimeOffset TestedAt { get; }

    /// <summary>The cluster whose Application Server was asked about the webhook.</summary>
    public string Cluster { get; }

    /// <summary>The application tested.</summary>
    public string ApplicationId { get; }

    /// <summary>The last four characters of the application API key the test used.</summary>
    public string? ApiKeyLastFour { get; }

    /// <summary>Every check, in the order of <see cref="ConnectionCheckKind"/>.</summary>
    public IReadOnlyList<ConnectionCheck> Checks { get; }

    /// <summary>Whether the webhook was healthy by TTS's account; null when TTS has not delivered to it yet, or could not say.</summary>
    public bool? WebhookHealthy { get; }

    /// <summary>The failed deliveries in a row TTS counted, for an unhealthy webhook.</summary>
    public long? WebhookFailedAttempts { get; }

    /// <summary>When TTS last failed to deliver, for an unhealthy webhook.</summary>
    public DateTimeOffset? WebhookLastFailedAt { get; }

    /// <summary>What TTS said about its last failed delivery (its error, and the HTTP status the receiver answered).</summary>
    public string? WebhookLastFailure { get; }

    /// <summary>Whether every check passed.</summary>
    public bool Passed => Checks.Count > 0 && Checks.All(c => c.Passed);

    /// <summary>The checks that failed.</summary>
    internal IEnumerable<ConnectionCheck> Failures => Checks.Where(c => !c.Passed);

    /// <summary>The cluster, application, key's last four and verdict; never a secret.</summary>
    public override string ToString() =>
        $"ConnectionTest {(Passed ? "passed" : "failed")} at {TestedAt:O} (cluster {Cluster}, application {ApplicationId}, "
        + $"key …{ApiKeyLastFour}, {Checks.Count(c => c.Passed)} of {Checks.Count} checks passed)";
}
