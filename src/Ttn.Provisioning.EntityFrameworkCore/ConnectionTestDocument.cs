using System.Text.Json;
using System.Text.Json.Serialization;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.EntityFrameworkCore;

/// <summary>
/// The stored form of a <see cref="ConnectionTest"/>: one JSON document in <c>last_connection_test</c>. Instants are UTC
/// ticks, check kinds their names; a check of a kind this version does not know is left out when read.
/// </summary>
internal sealed record ConnectionTestDocument(
    long TestedAtTicks,
    string Cluster,
    string ApplicationId,
    string? ApiKeyLastFour,
    IReadOnlyList<ConnectionCheckDocument> Checks,
    bool? WebhookHealthy,
    long? WebhookFailedAttempts,
    long? WebhookLastFailedAtTicks,
    string? WebhookLastFailure)
{
    public static string? Write(ConnectionTest? test) => test is null
        ? null
        : JsonSerializer.Serialize(
            new ConnectionTestDocument(
                test.TestedAt.UtcTicks,
                test.Cluster,
                test.ApplicationId,
                test.ApiKeyLastFour,
                [.. test.Checks.Select(c => new ConnectionCheckDocument(c.Kind.ToString(), c.Passed, c.Message, c.CorrelationId))],
                test.WebhookHealthy,
                test.WebhookFailedAttempts,
                test.WebhookLastFailedAt?.UtcTicks,
                test.WebhookLastFailure),
            ConnectionTestJsonContext.Default.ConnectionTestDocument);

    public static ConnectionTest? Read(string? json)
    {
        if (json is null || JsonSerializer.Deserialize(json, ConnectionTestJsonContext.Default.ConnectionTestDocument) is not { } document)
        {
            return null;
        }

        return new ConnectionTest(
            testedAt: new DateTimeOffset(document.TestedAtTicks, TimeSpan.Zero),
            cluster: document.Cluster,
            applicationId: document.ApplicationId,
            apiKeyLastFour: document.ApiKeyLastFour,
            checks: [.. document.Checks.Select(ToCheck).OfType<ConnectionCheck>()],
            webhookHealthy: document.WebhookHealthy,
            webhookFailedAttempts: document.WebhookFailedAttempts,
            webhookLastFailedAt: document.WebhookLastFailedAtTicks is { } ticks ? new DateTimeOffset(ticks, TimeSpan.Zero) : null,
            webhookLastFailure: document.WebhookLastFailure);
    }

    private static ConnectionCheck? ToCheck(ConnectionCheckDocument check) =>
        Enum.TryParse<ConnectionCheckKind>(check.Kind, out var kind) && Enum.IsDefined(kind)
            ? new ConnectionCheck(kind: kind, passed: check.Passed, message: check.Message, correlationId: check.CorrelationId)
            : null;
}

/// <summary>The stored form of a <see cref="ConnectionCheck"/>.</summary>
internal sealed record ConnectionCheckDocument(string Kind, bool Passed, string Message, string? CorrelationId);

/// <summary>System.Text.Json source generation for the stored connection test (snake_case, nulls left out).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ConnectionTestDocument))]
internal sealed partial class ConnectionTestJsonContext : JsonSerializerContext;
