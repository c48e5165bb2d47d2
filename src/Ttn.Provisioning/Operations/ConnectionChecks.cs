using System.Globalization;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>The checks of a connection test, each from the answers of the test's requests: pass or fail, and why.</summary>
internal sealed class ConnectionChecks(TenantRecord record, TenantConventions conventions, string cluster)
{
    private const string KeyRefused = "Not checked: TTS did not accept the key.";
    private const string NoWebhook = "Not checked: the webhook could not be read.";

    private readonly string _applicationId = record.ApplicationId!;

    /// <summary>TTS accepts the key, and it is a key of the tenant's application.</summary>
    public ConnectionCheck ApiKey(Answer<AuthInfo> auth)
    {
        if (!auth.Reply.Succeeded)
        {
            var failure = auth.Reply.Failure;
            var message = failure.IsUnauthenticated
                ? $"TTS refused the application API key (revoked, expired or unknown): {failure.Message}"
                : $"The key could not be checked: {failure.Message}";
            return ConnectionTester.Fail(ConnectionCheckKind.ApiKey, message, auth.CorrelationId);
        }

        var owner = auth.Reply.Value.ApiKey?.EntityIds;
        var keyId = auth.Reply.Value.ApiKey?.ApiKey?.Id ?? "?";
        return owner?.ApplicationIds?.ApplicationId == _applicationId
            ? Pass(ConnectionCheckKind.ApiKey, $"TTS accepts the key (key id {keyId}) of application {_applicationId}.", auth)
            : ConnectionTester.Fail(
                ConnectionCheckKind.ApiKey,
                $"The key (key id {keyId}) is not a key of application {_applicationId} but of {Describe(owner)}.",
                auth.CorrelationId);
    }

    /// <summary>The key holds every right the library needs on the application.</summary>
    public ConnectionCheck Rights(Answer<AuthInfo> auth)
    {
        if (!auth.Reply.Succeeded)
        {
            return ConnectionTester.Fail(ConnectionCheckKind.Rights, KeyRefused, auth.CorrelationId);
        }

        var report = PermissionReport.FromAuthInfo(auth.Reply.Value);
        var missing = CheckApiKeyOperation.RequiredGroups.SelectMany(report.MissingFor).Distinct().Order(StringComparer.Ordinal).ToList();
        return missing.Count == 0
            ? Pass(ConnectionCheckKind.Rights, "The key holds every right the library needs (core, webhook, devices, downlink).", auth)
            : ConnectionTester.Fail(
                ConnectionCheckKind.Rights, $"The key lacks rights the library needs: {string.Join(", ", missing)}.", auth.CorrelationId);
    }

    /// <summary>The application exists on the Identity Server.</summary>
    public ConnectionCheck Application(Answer<Application> application)
    {
        if (application.Reply.Succeeded)
        {
            return Pass(ConnectionCheckKind.Application, $"Application {_applicationId} exists on the Identity Server.", application);
        }

        var failure = application.Reply.Failure;
        var message = failure.IsGone
            ? $"Application {_applicationId} does not exist (deleted?), or the key has no rights on it: {failure.Message}"
            : failure.IsUnauthenticated ? KeyRefused : $"The application could not be read: {failure.Message}";
        return ConnectionTester.Fail(ConnectionCheckKind.Application, message, application.CorrelationId);
    }

    /// <summary>The webhook exists on the tenant's cluster, posts to the expected URL, and sends the selected messages.</summary>
    public ConnectionCheck Webhook(Answer<Webhook> webhook)
    {
        var id = conventions.WebhookId;
        if (!webhook.Reply.Succeeded)
        {
            var failure = webhook.Reply.Failure;
            var message = failure.IsNotFound
                ? $"There is no webhook '{id}' on cluster {cluster}: TTS sends the tenant nothing. {failure.Message}"
                : failure.IsUnauthenticated ? KeyRefused : $"The webhook could not be read: {failure.Message}";
            return ConnectionTester.Fail(ConnectionCheckKind.Webhook, message, webhook.CorrelationId);
        }

        var hook = webhook.Reply.Value;
        var expectedUrl = conventions.WebhookUrlFor(record.TenantId);
        var sent = WebhookSettingsFields.Of(hook);
        var problems = new List<string>();
        if (!string.Equals(hook.BaseUrl, expectedUrl, StringComparison.Ordinal))
        {
            problems.Add($"it posts to {hook.BaseUrl ?? "(no URL)"}, not {expectedUrl}");
        }

        if (sent != record.Settings.Messages)
        {
            problems.Add($"it sends {sent}, not {record.Settings.Messages}");
        }

        return problems.Count == 0
            ? Pass(ConnectionCheckKind.Webhook, $"Webhook '{id}' on cluster {cluster} posts {sent} to {expectedUrl}.", webhook)
            : ConnectionTester.Fail(
                ConnectionCheckKind.Webhook, $"Webhook '{id}' on cluster {cluster}: {string.Join("; ", problems)}.", webhook.CorrelationId);
    }

    /// <summary>The webhook is paused exactly when the tenant is disabled.</summary>
    public ConnectionCheck Paused(Answer<Webhook> webhook)
    {
        if (!webhook.Reply.Succeeded)
        {
            return ConnectionTester.Fail(ConnectionCheckKind.WebhookPaused, NoWebhook, webhook.CorrelationId);
        }

        var paused = webhook.Reply.Value.Paused == true;
        return (paused, record.Settings.Enabled) switch
        {
            (false, true) => Pass(ConnectionCheckKind.WebhookPaused, "The webhook is not paused.", webhook),
            (true, false) => Pass(ConnectionCheckKind.WebhookPaused, "The webhook is paused, as the tenant is disabled.", webhook),
            (true, true) => ConnectionTester.Fail(
                ConnectionCheckKind.WebhookPaused,
                "The webhook is paused although the tenant is enabled: TTS delivers nothing; update the settings to apply them again.",
                webhook.CorrelationId),
            _ => ConnectionTester.Fail(
                ConnectionCheckKind.WebhookPaused,
                "The webhook is not paused although the tenant is disabled; update the settings to apply them again.",
                webhook.CorrelationId),
        };
    }

    /// <summary>TTS counts the webhook healthy, or has not delivered to it yet.</summary>
    public ConnectionCheck Health(Answer<Webhook> webhook)
    {
        if (!webhook.Reply.Succeeded)
        {
            return ConnectionTester.Fail(ConnectionCheckKind.WebhookHealth, NoWebhook, webhook.CorrelationId);
        }

        return webhook.Reply.Value.HealthStatus switch
        {
            { Unhealthy: { } unhealthy } => ConnectionTester.Fail(
                ConnectionCheckKind.WebhookHealth, Unhealthy(unhealthy), webhook.CorrelationId),
            { Healthy: not null } => Pass(ConnectionCheckKind.WebhookHealth, "TTS counts the webhook healthy.", webhook),
            _ => Pass(ConnectionCheckKind.WebhookHealth, "TTS has no health status for the webhook yet (no delivery so far).", webhook),
        };
    }

    private static string Unhealthy(WebhookUnhealthy unhealthy)
    {
        var attempts = (unhealthy.FailedAttempts ?? 0).ToString(CultureInfo.InvariantCulture);
        var at = unhealthy.LastFailedAttemptAt?.ToString("O", CultureInfo.InvariantCulture) ?? "an unknown time";
        var what = ConnectionTester.Describe(unhealthy.LastFailedAttemptDetails) ?? "no detail";
        return $"TTS counts the webhook unhealthy: {attempts} failed deliveries in a row, the last at {at}: {what}. "
            + "TTS stops delivering to an unhealthy webhook for a while.";
    }

    private static ConnectionCheck Pass<T>(ConnectionCheckKind kind, string message, Answer<T> answer) =>
        new(kind, passed: true, message, answer.CorrelationId);

    private static string Describe(EntityIdentifiers? owner) => owner switch
    {
        { ApplicationIds: { } application } => $"application {application.ApplicationId}",
        { OrganizationIds: { } organization } => $"organization {organization.OrganizationId}",
        { UserIds: { } user } => $"user {user.UserId}",
        { GatewayIds: { } gateway } => $"gateway {gateway.GatewayId}",
        _ => "an unknown entity",
    };
}
