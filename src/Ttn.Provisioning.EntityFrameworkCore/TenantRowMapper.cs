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
            PendingSteps = record.PendingSteps == ProvisioningCheckpoints.None ? null : record.PendingSteps.ToString(),
            AttemptCount = record.AttemptCount,
            TtsUserId = record.TtsUserId,
            OrganizationId = record.OrganizationId,
            OrganizationIdRotations = record.OrganizationIdRotations,
            ApplicationId = record.ApplicationId,
            IsExistingApplication = record.IsExistingApplication,
            WebhookId = record.WebhookId,
            WebhookUrl = record.WebhookUrl,
            OrganizationApiKeySealed = record.OrganizationApiKeySealed,
            OrganizationApiKeyLastFour = record.OrganizationApiKeyLastFour,
            OrganizationApiKeyId = record.OrganizationApiKeyId,
            ApplicationApiKeySealed = record.ApplicationApiKeySealed,
            ApplicationApiKeyLastFour = record.ApplicationApiKeyLastFour,
            ApplicationApiKeyId = record.ApplicationApiKeyId,
            GatewayApiKeySealed = record.GatewayApiKeySealed,
            GatewayApiKeyLastFour = record.GatewayApiKeyLastFour,
            GatewayApiKeyId = record.GatewayApiKeyId,
            WebhookSecretSealed = record.WebhookSecretSealed,
            WebhookSecretLastFour = record.WebhookSecretLastFour,
            PendingWebhookSecretSealed = record.PendingWebhookSecretSealed,
            PreviousWebhookSecretSealed = record.PreviousWebhookSecretSealed,
            PreviousWebhookSecretValidUntilTicks = record.PreviousWebhookSecretValidUntil is { } validUntil ? ToTicks(validUntil) : null,
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
            LeaseHolder = record.LeaseHolder,
            LeaseHeartbeatAtTicks = ToTicks(record.LeaseHeartbeatAt),
            LeaseExpiresAtTicks = ToTicks(record.LeaseExpiresAt),
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
                ParseStep(row.LastErrorStep),
                row.LastErrorMessage,
                row.LastErrorHttpStatus,
                row.LastErrorNamespace,
                row.LastErrorName,
                row.LastErrorCorrelationId,
                FromTicks(row.LastErrorOccurredAtTicks) ?? updatedAt,
                row.LastErrorIsTransient ?? false);

        if (!recognised)
        {
            // Never silently Idle: the tenant is Failed, and the error names the value that was found.
            var quoted = row.State.Length > MaxQuotedStateLength ? row.State[..MaxQuotedStateLength] + "…" : row.State;
            var message = string.Create(CultureInfo.InvariantCulture, $"The stored provisioning state '{quoted}' is not recognised; the tenant is treated as Failed.");
            if (error is not null)
            {
                message += " Previous error: " + error.Message;
            }

            error = new TenantError(currentStep, message, error?.HttpStatus, error?.ErrorNamespace, error?.ErrorName, error?.CorrelationId, error?.OccurredAt ?? updatedAt);
        }

        return new TenantRecord
        {
            TenantId = row.TenantId,
            Version = row.Version,
            State = state,
            CurrentStep = currentStep,
            Checkpoints = ParseCheckpoints(row.Checkpoints, row.TenantId),
            PendingSteps = row.PendingSteps is null ? ProvisioningCheckpoints.None : ParseCheckpoints(row.PendingSteps, row.TenantId),
            AttemptCount = row.AttemptCount,
            TtsUserId = row.TtsUserId,
            OrganizationId = row.OrganizationId,
            OrganizationIdRotations = row.OrganizationIdRotations,
            ApplicationId = row.ApplicationId,
            IsExistingApplication = row.IsExistingApplication,
            WebhookId = row.WebhookId,
            WebhookUrl = row.WebhookUrl,
            OrganizationApiKeySealed = row.OrganizationApiKeySealed,
            OrganizationApiKeyLastFour = row.OrganizationApiKeyLastFour,
            OrganizationApiKeyId = row.OrganizationApiKeyId,
            ApplicationApiKeySealed = row.ApplicationApiKeySealed,
            ApplicationApiKeyLastFour = row.ApplicationApiKeyLastFour,
            ApplicationApiKeyId = row.ApplicationApiKeyId,
            GatewayApiKeySealed = row.GatewayApiKeySealed,
            GatewayApiKeyLastFour = row.GatewayApiKeyLastFour,
            GatewayApiKeyId = row.GatewayApiKeyId,
            WebhookSecretSealed = row.WebhookSecretSealed,
            WebhookSecretLastFour = row.WebhookSecretLastFour,
            PendingWebhookSecretSealed = row.PendingWebhookSecretSealed,
            PreviousWebhookSecretSealed = row.PreviousWebhookSecretSealed,
            PreviousWebhookSecretValidUntil = FromTicks(row.PreviousWebhookSecretValidUntilTicks),
            CredentialsUpdatedAt = FromTicks(row.CredentialsUpdatedAtTicks),
            LastError = error,
            RequiresStartFresh = row.RequiresStartFresh,
            LeaseHolder = row.LeaseHolder,
            LeaseHeartbeatAt = FromTicks(row.LeaseHeartbeatAtTicks),
            LeaseExpiresAt = FromTicks(row.LeaseExpiresAtTicks),
            CreatedAt = FromTicks(row.CreatedAtTicks),
            UpdatedAt = updatedAt,
            StartedAt = FromTicks(row.StartedAtTicks),
            CompletedAt = FromTicks(row.CompletedAtTicks),
        };
    }

    private static long ToTicks(DateTimeOffset value) => value.UtcTicks;

    private static long? ToTicks(DateTimeOffset? value) => value?.UtcTicks;

    private static DateTimeOffset FromTicks(long ticks) => new(ticks, TimeSpan.Zero);

    private static DateTimeOffset? FromTicks(long? ticks) => ticks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null;

    private static ProvisioningStep? ParseStep(string? stored) =>
        Enum.TryParse<ProvisioningStep>(stored, ignoreCase: true, out var step) && Enum.IsDefined(step) ? step : null;

    private static ProvisioningCheckpoints ParseCheckpoints(string stored, string tenantId)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return ProvisioningCheckpoints.None;
        }

        if (Enum.TryParse<ProvisioningCheckpoints>(stored, ignoreCase: true, out var checkpoints))
        {
            return checkpoints;
        }

        throw new InvalidOperationException(
            $"The stored checkpoints of tenant '{tenantId}' are not recognised: '{stored}'. Expected names of {nameof(ProvisioningCheckpoints)} separated by commas.");
    }
}
