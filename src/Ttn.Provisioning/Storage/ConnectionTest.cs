namespace Ttn.Provisioning.Storage;

/// <summary>
/// The result of a tenant's connection test, as stored on its record and shown by its status: which cluster and
/// application were tested with which key (by its last four characters), each check, and TTS's view of the webhook's
/// health. Never holds a secret.
/// </summary>
public sealed class ConnectionTest
{
    /// <summary>When the test ran.</summary>
    public required DateTimeOffset TestedAt { get; init; }

    /// <summary>The cluster whose Application Server was asked about the webhook.</summary>
    public required string Cluster { get; init; }

    /// <summary>The application tested.</summary>
    public required string ApplicationId { get; init; }

    /// <summary>The last four characters of the application API key the test used.</summary>
    public string? ApiKeyLastFour { get; init; }

    /// <summary>Every check, in the order of <see cref="ConnectionCheckKind"/>.</summary>
    public IReadOnlyList<ConnectionCheck> Checks { get; init; } = [];

    /// <summary>Whether the webhook was healthy by TTS's account; null when TTS has not delivered to it yet, or could not say.</summary>
    public bool? WebhookHealthy { get; init; }

    /// <summary>The failed deliveries in a row TTS counted, for an unhealthy webhook.</summary>
    public long? WebhookFailedAttempts { get; init; }

    /// <summary>When TTS last failed to deliver, for an unhealthy webhook.</summary>
    public DateTimeOffset? WebhookLastFailedAt { get; init; }

    /// <summary>What TTS said about its last failed delivery (its error, and the HTTP status the receiver answered).</summary>
    public string? WebhookLastFailure { get; init; }

    /// <summary>Whether every check passed.</summary>
    public bool Passed => Checks.Count > 0 && Checks.All(c => c.Passed);

    /// <summary>The checks that failed.</summary>
    public IEnumerable<ConnectionCheck> Failures => Checks.Where(c => !c.Passed);

    /// <summary>The cluster, application, key's last four and verdict; never a secret.</summary>
    public override string ToString() =>
        $"ConnectionTest {(Passed ? "passed" : "failed")} at {TestedAt:O} (cluster {Cluster}, application {ApplicationId}, "
        + $"key …{ApiKeyLastFour}, {Checks.Count(c => c.Passed)} of {Checks.Count} checks passed)";
}
