using System.Globalization;
using System.Text.Json;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// The connection test: with the tenant's application key, asks together for the key's auth info (Identity Server), the
/// application (Identity Server) and the webhook with its health (the tenant's cluster), and turns the three answers into
/// the checks of <see cref="ConnectionCheckKind"/>. Read-only on TTS.
/// </summary>
internal static class ConnectionTester
{
    /// <summary>What the webhook read asks for: its URL, whether it is paused, its health and its message fields.</summary>
    private static readonly string[] WebhookReadMask =
        ["base_url", "paused", "health_status", .. WebhookSettingsFields.Messages.Select(m => m.Field)];

    /// <summary>Runs the test; also returns the first failed TTS request, in check order, for the result's error.</summary>
    public static async Task<(ConnectionTest Test, TtsFailure? FirstFailure)> RunAsync(
        OperationServices services, OperationContext context, TenantRecord record, CancellationToken cancellationToken)
    {
        var (client, conventions) = (services.Client, services.Conventions);
        var cluster = conventions.ClusterOf(record);
        var applicationId = record.ApplicationId!;
        var testedAt = context.Now;
        var opened = services.Vault.OpenApplicationKey(record);
        if (!opened.TryGetValue(out var key))
        {
            var unopened = $"The stored application API key could not be opened ({opened}); nothing was sent.";
            var none = new ConnectionTest(
                testedAt: testedAt,
                cluster: cluster,
                applicationId: applicationId,
                apiKeyLastFour: record.ApplicationApiKey?.LastFour,
                checks: [.. Enum.GetValues<ConnectionCheckKind>().Select(kind => Fail(kind, unopened, null))],
                webhookHealthy: null,
                webhookFailedAttempts: null,
                webhookLastFailedAt: null,
                webhookLastFailure: null);
            return (none, null);
        }

        var auth = CaptureAsync(() => context.CallAsync(
            "Reading the key's auth info", () => client.GetAuthInfoAsync(key, cancellationToken), cancellationToken));
        var application = CaptureAsync(() => context.CallAsync(
            "Reading the application", () => client.GetApplicationAsync(key, applicationId, null, cancellationToken), cancellationToken));
        var webhook = CaptureAsync(() => context.CallAsync(
            "Reading the webhook",
            () => client.GetWebhookAsync(cluster, key, applicationId, conventions.WebhookId, WebhookReadMask, cancellationToken),
            cancellationToken));
        await Task.WhenAll(auth, application, webhook).ConfigureAwait(false);
        var authAnswer = await auth.ConfigureAwait(false);
        var applicationAnswer = await application.ConfigureAwait(false);
        var hook = await webhook.ConfigureAwait(false);

        var checks = new ConnectionChecks(record, conventions, cluster);
        var health = hook.Reply.Value?.HealthStatus?.Unhealthy;
        return (
            new ConnectionTest(
                testedAt: testedAt,
                cluster: cluster,
                applicationId: applicationId,
                apiKeyLastFour: record.ApplicationApiKey?.LastFour,
                checks:
                [
                    checks.ApiKey(authAnswer),
                    checks.Rights(authAnswer),
                    checks.Application(applicationAnswer),
                    checks.Webhook(hook),
                    checks.Paused(hook),
                    checks.Health(hook),
                ],
                webhookHealthy: hook.Reply.Value?.HealthStatus switch
                {
                    { Healthy: not null } => true,
                    { Unhealthy: not null } => false,
                    _ => null,
                },
                webhookFailedAttempts: health?.FailedAttempts,
                webhookLastFailedAt: health?.LastFailedAttemptAt,
                webhookLastFailure: Describe(health?.LastFailedAttemptDetails)),
            authAnswer.Reply.Failure ?? applicationAnswer.Reply.Failure ?? hook.Reply.Failure);
    }

    /// <summary>What TTS said about a failed delivery: its error, and the HTTP status the receiver answered.</summary>
    public static string? Describe(ErrorDetails? details)
    {
        if (details is null)
        {
            return null;
        }

        var name = $"{details.Namespace}:{details.Name}";
        var format = details.MessageFormat is { Length: > 0 } message && message != details.Name ? $" ({message})" : string.Empty;
        var status = details.Attributes?.TryGetValue("status_code", out var code) == true && code.ValueKind == JsonValueKind.Number
            ? string.Create(CultureInfo.InvariantCulture, $"; the receiver answered HTTP {code.GetInt32()}")
            : string.Empty;
        return name + format + status;
    }

    internal static ConnectionCheck Fail(ConnectionCheckKind kind, string message, string? correlationId) =>
        new(kind, passed: false, message, correlationId);

    /// <summary>Sends one request and captures the request id TTS set on its answer.</summary>
    private static async Task<Answer<T>> CaptureAsync<T>(Func<Task<TtsResult<T>>> call)
    {
        var ids = TtsRequestIds.Start();
        var result = await call().ConfigureAwait(false);
        return new Answer<T>(result, result.Failure?.Exception?.CorrelationId ?? ids.Last);
    }
}

/// <summary>One answer of the test: what TTS returned (or how it failed) and its id for support.</summary>
/// <param name="Reply">What TTS returned, or how the request failed.</param>
/// <param name="CorrelationId">The error's correlation id, or the request id of the answer.</param>
internal readonly record struct Answer<T>(TtsResult<T> Reply, string? CorrelationId);
