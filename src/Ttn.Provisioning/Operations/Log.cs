using Microsoft.Extensions.Logging;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>Log events of the provisioning service. Ids, steps, statuses and correlation ids only: never a secret.</summary>
internal static partial class Log
{
    [LoggerMessage(
        EventId = 2001, Level = LogLevel.Information, Message = "Tenant {TenantId}: {Operation} denied for role {Role}: {Reason}")]
    public static partial void Denied(ILogger logger, string tenantId, ProvisioningOperation operation, TenantRole role, string reason);

    [LoggerMessage(
        EventId = 2002, Level = LogLevel.Information, Message = "Tenant {TenantId}: {Operation} not started, a run is already in progress")]
    public static partial void AlreadyInProgress(ILogger logger, string tenantId, ProvisioningOperation operation);

    [LoggerMessage(
        EventId = 2003,
        Level = LogLevel.Information,
        Message = "Tenant {TenantId}: run {RunId} started ({Operation}, attempt {Attempt}, resuming after {Checkpoints})")]
    public static partial void RunStarted(
        ILogger logger, string tenantId, string runId, ProvisioningOperation operation, int attempt, ProvisioningStep checkpoints);

    [LoggerMessage(
        EventId = 2006,
        Level = LogLevel.Warning,
        Message = "Tenant {TenantId}: step {Step} failed (HTTP {HttpStatus}, {ErrorName}, correlation id {CorrelationId}, transient "
            + "{IsTransient}): {Message}")]
    public static partial void StepFailed(
        ILogger logger,
        string tenantId,
        ProvisioningStep? step,
        int? httpStatus,
        string? errorName,
        string? correlationId,
        bool isTransient,
        string message);

    [LoggerMessage(
        EventId = 2007,
        Level = LogLevel.Information,
        Message = "Tenant {TenantId}: Ready (organization {OrganizationId}, application {ApplicationId}, {RequestCount} TTS requests)")]
    public static partial void Ready(ILogger logger, string tenantId, string? organizationId, string? applicationId, int requestCount);

    [LoggerMessage(
        EventId = 2008, Level = LogLevel.Warning, Message = "Tenant {TenantId}: run {RunId} lost its lease to another run and stopped")]
    public static partial void LeaseLost(ILogger logger, string tenantId, string runId);

    [LoggerMessage(
        EventId = 2012, Level = LogLevel.Information, Message = "Tenant {TenantId}: credentials read by user {UserId} ({Role}): {Fields}")]
    public static partial void CredentialsRead(ILogger logger, string tenantId, string userId, TenantRole role, string fields);

    [LoggerMessage(EventId = 2014, Level = LogLevel.Information, Message = "Tenant {TenantId}: {Operation} finished with {Outcome}")]
    public static partial void OperationFinished(
        ILogger logger, string tenantId, ProvisioningOperation operation, ProvisioningOutcome outcome);

    [LoggerMessage(EventId = 2015, Level = LogLevel.Warning, Message = "Tenant {TenantId}: stored {Field} could not be opened ({Reason})")]
    public static partial void SecretUnreadable(ILogger logger, string tenantId, string field, string reason);

    [LoggerMessage(EventId = 2016, Level = LogLevel.Information, Message = "Tenant {TenantId}: run cancelled by the caller at step {Step}")]
    public static partial void Cancelled(ILogger logger, string tenantId, ProvisioningStep? step);

    [LoggerMessage(
        EventId = 2017,
        Level = LogLevel.Warning,
        Message = "Tenant {TenantId}: the history entry of {Operation} could not be written ({FailureType}); the operation stands")]
    public static partial void HistoryWriteFailed(
        ILogger logger, string tenantId, ProvisioningOperation operation, string failureType, Exception exception);
}
