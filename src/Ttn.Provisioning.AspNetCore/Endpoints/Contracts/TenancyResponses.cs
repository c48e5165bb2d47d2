using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

/// <summary>
/// A tenant's settings as the endpoints show them: enabled, the webhook messages TTS sends (by their
/// <see cref="WebhookMessageTypes"/> names), and whether TTS has not confirmed them yet.
/// </summary>
internal sealed class SettingsView
{
    public bool Enabled { get; init; }

    public required IReadOnlyList<string> Messages { get; init; }

    public bool Pending { get; init; }

    public static SettingsView From(TenantSettings settings, bool pending) => new()
    {
        Enabled = settings.Enabled,
        Messages = MessageNames(settings.Messages),
        Pending = pending,
    };

    /// <summary>The single kinds of a selection, in the order of the enum (never the combined <c>All</c>).</summary>
    public static List<string> MessageNames(WebhookMessageTypes messages) =>
    [
        .. Enum.GetValues<WebhookMessageTypes>()
            .Where(kind => kind is not (WebhookMessageTypes.None or WebhookMessageTypes.All) && messages.HasFlag(kind))
            .Select(kind => kind.ToString()),
    ];
}

/// <summary>The answer of <c>POST …/settings</c>: the settings as stored, and whether TTS has yet to confirm them.</summary>
internal sealed class SettingsResponse
{
    public required string TenantId { get; init; }

    public required SettingsView Settings { get; init; }

    public int TtsRequestCount { get; init; }

    public static SettingsResponse From(TenantSettingsResult result) => new()
    {
        TenantId = result.TenantId,
        Settings = SettingsView.From(result.Settings ?? TenantSettings.Default, result.SettingsPending),
        TtsRequestCount = result.TtsRequestCount,
    };
}

/// <summary>One check of a connection test.</summary>
/// <param name="Kind">What was checked (a <see cref="ConnectionCheckKind"/> name).</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="Message">Why.</param>
/// <param name="CorrelationId">TTS's id of the answer the check read.</param>
internal sealed record ConnectionCheckView(string Kind, bool Passed, string Message, string? CorrelationId);

/// <summary>A connection test as the endpoints show it (the answer of <c>POST …/connection-test</c>, and in the status).</summary>
internal sealed class ConnectionTestView
{
    public required bool Passed { get; init; }

    public required DateTimeOffset TestedAt { get; init; }

    public required string Cluster { get; init; }

    public required string ApplicationId { get; init; }

    public string? ApiKeyLastFour { get; init; }

    public required IReadOnlyList<ConnectionCheckView> Checks { get; init; }

    public bool? WebhookHealthy { get; init; }

    public long? WebhookFailedAttempts { get; init; }

    public DateTimeOffset? WebhookLastFailedAt { get; init; }

    public string? WebhookLastFailure { get; init; }

    public static ConnectionTestView? From(ConnectionTest? test) => test is null ? null : new()
    {
        Passed = test.Passed,
        TestedAt = test.TestedAt,
        Cluster = test.Cluster,
        ApplicationId = test.ApplicationId,
        ApiKeyLastFour = test.ApiKeyLastFour,
        Checks = [.. test.Checks.Select(c => new ConnectionCheckView(c.Kind.ToString(), c.Passed, c.Message, c.CorrelationId))],
        WebhookHealthy = test.WebhookHealthy,
        WebhookFailedAttempts = test.WebhookFailedAttempts,
        WebhookLastFailedAt = test.WebhookLastFailedAt,
        WebhookLastFailure = test.WebhookLastFailure,
    };
}

/// <summary>The answer of <c>POST …/connection-test</c>: the test that ran, whatever its verdict.</summary>
internal sealed class ConnectionTestResponse
{
    public required string TenantId { get; init; }

    public required ConnectionTestView Test { get; init; }

    public int TtsRequestCount { get; init; }
}

/// <summary>One entry of a tenant's history. Never holds a secret.</summary>
internal sealed class HistoryEntryView
{
    public required DateTimeOffset OccurredAt { get; init; }

    public required string Operation { get; init; }

    public required string UserId { get; init; }

    public required string Role { get; init; }

    public required string Outcome { get; init; }

    public string? FailedStep { get; init; }

    public string? Message { get; init; }

    public string? TtsErrorName { get; init; }

    public string? CorrelationId { get; init; }

    public int TtsRequestCount { get; init; }

    public double DurationMs { get; init; }

    public static HistoryEntryView From(TenantHistoryEntry entry) => new()
    {
        OccurredAt = entry.OccurredAt,
        Operation = entry.Operation.ToString(),
        UserId = entry.UserId,
        Role = entry.Role.ToString(),
        Outcome = entry.Outcome.ToString(),
        FailedStep = entry.FailedStep?.ToString(),
        Message = entry.Message,
        TtsErrorName = entry.ErrorName,
        CorrelationId = entry.CorrelationId,
        TtsRequestCount = entry.TtsRequestCount,
        DurationMs = entry.Duration.TotalMilliseconds,
    };
}

/// <summary>The answer of <c>GET …/history</c>: a page of entries, newest first, and the token of the next (older) page.</summary>
internal sealed class HistoryResponse
{
    public required string TenantId { get; init; }

    public required IReadOnlyList<HistoryEntryView> Entries { get; init; }

    public string? NextPageToken { get; init; }

    public static HistoryResponse From(TenantHistoryResult result) => new()
    {
        TenantId = result.TenantId,
        Entries = [.. result.Entries.Select(HistoryEntryView.From)],
        NextPageToken = result.NextPageToken,
    };
}
