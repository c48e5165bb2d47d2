using System.Globalization;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.EntityFrameworkCore;

/// <summary>Converts between <see cref="TenantRecord"/> and its stored row.</summary>
internal static class TenantRowMapper
{
    /// <summary>The most characters of an unrecognised stored state quoted in the error that names it.</summary>
    private const int MaxQuotedStateLength = 64;

    public static TenantRow ToRow(TenantRecord record)
    {
        var error = record.LastError;
        return new TenantRow
        {
            TenantId = record.TenantId,
            Version = record.Version,
            State = record.State.ToStoredName(),
            CurrentStep = record.CurrentStep?.ToString(),
            Checkpoints = record.Checkpoints.ToString(),
            PendingSteps = record.PendingSteps == ProvisioningStep.None ? null : record.PendingSteps.ToString(),
            AttemptCount = record.AttemptCount,
            TtsUserId = record.TtsUserId,
            Cluster = record.Cluster,
            OrganizationId = record.OrganizationId,
            OrganizationIdRotations = record.OrganizationIdRotations,
            ApplicationId = record.ApplicationId,
            IsExistingApplication = record.IsExistingApplication,
            WebhookId = record.WebhookId,
            WebhookUrl = record.WebhookUrl,
            OrganizationApiKeySealed = record.OrganizationApiKey?.Sealed,
            OrganizationApiKeyLastFour = record.OrganizationApiKey?.LastFour,
            OrganizationApiKeyId = record.OrganizationApiKey?.KeyId,
            ApplicationApiKeySealed = record.ApplicationApiKey?.Sealed,
            ApplicationApiKeyLastFour = record.ApplicationApiKey?.LastFour,
            ApplicationApiKeyId = record.ApplicationApiKey?.KeyId,
            GatewayApiKeySealed = record.GatewayApiKey?.Sealed,
            GatewayApiKeyLastFour = record.GatewayApiKey?.LastFour,
            GatewayApiKeyId = record.GatewayApiKey?.KeyId,
            WebhookSecretSealed = record.WebhookSecret.Sealed,
            WebhookSecretLastFour = record.WebhookSecret.LastFour,
            PendingWebhookSecretSealed = record.WebhookSecret.PendingSealed,
            PreviousWebhookSecretSealed = record.WebhookSecret.PreviousSealed,
            PreviousWebhookSecretValidUntilTicks = ToTicks(record.WebhookSecret.PreviousValidUntil),
            CredentialsUpdatedAtTicks = ToTicks(record.CredentialsUpdatedAt),
            LastErrorStep = error?.Step?.ToString(),
            LastErrorMessage = error?.Message,
            LastErrorIsTransient = error?.IsTransient,
            LastErrorHttpStatus = error?.HttpStatus,
            LastErrorNamespace = error?.ErrorNamespace,
            LastErrorName = error?.ErrorName,
            LastErrorCorrelationId = error?.CorrelationId,
            LastErrorOccurredAtTicks = error is null ? null : ToTicks(error.OccurredAt),
            RequiresStartFresh = record.RequiresStartFresh,
            SettingsEnabled = record.Settings.Enabled,
            SettingsWebhookMessages = record.Settings.Messages.ToString(),
            SettingsPending = record.SettingsPending,
            LastConnectionTestAtTicks = ToTicks(record.LastConnectionTest?.TestedAt),
            LastConnectionTestPassed = record.LastConnectionTest?.Passed,
            LastConnectionTest = ConnectionTestDocument.Write(record.LastConnectionTest),
            LeaseHolder = record.Lease?.Holder,
            LeaseHeartbeatAtTicks = ToTicks(record.Lease?.HeartbeatAt),
            LeaseExpiresAtTicks = ToTicks(record.Lease?.ExpiresAt),
            CreatedAtTicks = ToTicks(record.CreatedAt),
            UpdatedAtTicks = ToTicks(record.UpdatedAt),
            StartedAtTicks = ToTicks(record.StartedAt),
            CompletedAtTicks = ToTicks(record.CompletedAt),
        };
    }

    public static TenantRecord ToRecord(TenantRow row)
    {
        var state = ProvisioningStateNames.FromStoredName(row.State, out var recognised);
        var currentStep = ParseStep(row.CurrentStep);
        var updatedAt = FromTicks(row.UpdatedAtTicks);

        TenantError? error = row.LastErrorMessage is null
            ? null
            : new TenantError(
                step: ParseStep(row.LastErrorStep),
                message: row.LastErrorMessage,
                httpStatus: row.LastErrorHttpStatus,
                errorNamespace: row.LastErrorNamespace,
                errorName: row.LastErrorName,
                correlationId: row.LastErrorCorrelationId,
                occurredAt: FromTicks(row.LastErrorOccurredAtTicks) ?? updatedAt,
                isTransient: row.LastErrorIsTransient ?? false);

        if (!recognised)
        {
            // Never silently Idle: the tenant is Failed, and the error names the value that was found.
            var quoted = Quote(row.State);
            var message = string.Create(
                CultureInfo.InvariantCulture,
                $"The stored provisioning state '{quoted}' is not recognised; the tenant is treated as Failed.");
            if (error is not null)
            {
                message += " Previous error: " + error.Message;
            }

            error = new TenantError(
                step: currentStep,
                message: message,
                httpStatus: error?.HttpStatus,
                errorNamespace: error?.ErrorNamespace,
                errorName: error?.ErrorName,
                correlationId: error?.CorrelationId,
                occurredAt: error?.OccurredAt ?? updatedAt);
        }

        return new TenantRecord
        {
            TenantId = row.TenantId,
            Version = row.Version,
            State = state,
            UnrecognisedState = recognised ? null : Quote(row.State),
            CurrentStep = currentStep,
            Checkpoints = ParseCheckpoints(row.Checkpoints, row.TenantId),
            PendingSteps = row.PendingSteps is null ? ProvisioningStep.None : ParseCheckpoints(row.PendingSteps, row.TenantId),
            AttemptCount = row.AttemptCount,
            TtsUserId = row.TtsUserId,
            Cluster = row.Cluster,
            OrganizationId = row.OrganizationId,
            OrganizationIdRotations = row.OrganizationIdRotations,
            ApplicationId = row.ApplicationId,
            IsExistingApplication = row.IsExistingApplication,
            WebhookId = row.WebhookId,
            WebhookUrl = row.WebhookUrl,
            OrganizationApiKey = ApiKey(row.OrganizationApiKeySealed, row.OrganizationApiKeyLastFour, row.OrganizationApiKeyId),
            ApplicationApiKey = ApiKey(row.ApplicationApiKeySealed, row.ApplicationApiKeyLastFour, row.ApplicationApiKeyId),
            GatewayApiKey = ApiKey(row.GatewayApiKeySealed, row.GatewayApiKeyLastFour, row.GatewayApiKeyId),
            WebhookSecret = new WebhookSecretSet(
                sealedSecret: row.WebhookSecretSealed,
                lastFour: row.WebhookSecretLastFour,
                pendingSealed: row.PendingWebhookSecretSealed,
                previousSealed: row.PreviousWebhookSecretSealed,
                previousValidUntil: FromTicks(row.PreviousWebhookSecretValidUntilTicks)),
            CredentialsUpdatedAt = FromTicks(row.CredentialsUpdatedAtTicks),
            LastError = error,
            RequiresStartFresh = row.RequiresStartFresh,
            Settings = new TenantSettings(
                enabled: row.SettingsEnabled ?? true,
                messages: ParseMessages(row.SettingsWebhookMessages, row.TenantId)),
            SettingsPending = row.SettingsPending ?? false,
            LastConnectionTest = ConnectionTestDocument.Read(row.LastConnectionTest),
            Lease = row.LeaseHolder is { } holder
                ? new TenantLease(
                    holder, FromTicks(row.LeaseHeartbeatAtTicks) ?? updatedAt, FromTicks(row.LeaseExpiresAtTicks) ?? updatedAt)
                : null,
            CreatedAt = FromTicks(row.CreatedAtTicks),
            UpdatedAt = updatedAt,
            StartedAt = FromTicks(row.StartedAtTicks),
            CompletedAt = FromTicks(row.CompletedAtTicks),
        };
    }

    private static long ToTicks(DateTimeOffset value) => value.UtcTicks;

    /// <summary>An unrecognised stored state as shown to people: at most <see cref="MaxQuotedStateLength"/> characters.</summary>
    private static string Quote(string state) => state.Length > MaxQuotedStateLength ? state[..MaxQuotedStateLength] + "…" : state;

    /// <summary>A stored API key, from its columns: none when no sealed key is stored.</summary>
    private static StoredApiKey? ApiKey(string? sealedKey, string? lastFour, string? keyId) =>
        string.IsNullOrEmpty(sealedKey) ? null : new StoredApiKey(sealedKey: sealedKey, lastFour: lastFour, keyId: keyId);

    private static long? ToTicks(DateTimeOffset? value) => value?.UtcTicks;

    private static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    private static DateTimeOffset? FromTicks(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    /// <summary>A selection a tenant may have: at least one defined kind of message, nothing else (as the core checks an update).</summary>
    private static bool IsValidSelection(WebhookMessageTypes messages) =>
        messages != WebhookMessageTypes.None && (messages & ~WebhookMessageTypes.All) == WebhookMessageTypes.None;

    private static ProvisioningStep? ParseStep(string? stored) =>
        Enum.TryParse<ProvisioningStep>(stored, ignoreCase: true, out var step) && Enum.IsDefined(step) ? step : null;

    private static WebhookMessageTypes ParseMessages(string? stored, string tenantId)
    {
        if (stored is null)
        {
            return TenantSettings.Default.Messages;
        }

        return Enum.TryParse<WebhookMessageTypes>(stored, ignoreCase: true, out var messages) && IsValidSelection(messages)
            ? messages
            : throw new InvalidOperationException(
                $"The stored webhook messages of tenant '{tenantId}' are not recognised: '{Quote(stored)}'. "
                + $"Expected names of {nameof(WebhookMessageTypes)} separated by commas.");
    }

    private static ProvisioningStep ParseCheckpoints(string stored, string tenantId)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return ProvisioningStep.None;
        }

        if (Enum.TryParse<ProvisioningStep>(stored, ignoreCase: true, out var checkpoints))
        {
            return checkpoints;
        }

        throw new InvalidOperationException(
            $"The stored checkpoints of tenant '{tenantId}' are not recognised: '{stored}'. "
            + $"Expected names of {nameof(ProvisioningStep)} separated by commas.");
    }
}
