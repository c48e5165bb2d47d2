using Microsoft.Extensions.Logging;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Steps;

/// <summary>Log events of the provisioning steps. Ids, steps and counts only: never a secret.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 2004, Level = LogLevel.Debug, Message = "Tenant {TenantId}: step {Step} started")]
    public static partial void StepStarted(ILogger logger, string tenantId, ProvisioningStep step);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Information, Message = "Tenant {TenantId}: step {Step} completed")]
    public static partial void StepCompleted(ILogger logger, string tenantId, ProvisioningStep step);

    [LoggerMessage(
        EventId = 2009,
        Level = LogLevel.Warning,
        Message = "Tenant {TenantId}: organization id {OrganizationId} belongs to someone else; trying {NextOrganizationId}")]
    public static partial void OrganizationIdRotated(ILogger logger, string tenantId, string organizationId, string nextOrganizationId);

    [LoggerMessage(
        EventId = 2010,
        Level = LogLevel.Warning,
        Message = "Tenant {TenantId}: revoked {Count} orphaned {Kind} API key(s) left by an interrupted run")]
    public static partial void OrphanKeysRevoked(ILogger logger, string tenantId, int count, string kind);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Warning, Message = "Tenant {TenantId}: optional step {Step} failed: {Message}")]
    public static partial void OptionalStepFailed(ILogger logger, string tenantId, ProvisioningStep step, string message);

    [LoggerMessage(
        EventId = 2017,
        Level = LogLevel.Warning,
        Message = "Tenant {TenantId}: the existing {Kind} carries our owner marker but also the collaborator {Collaborator}; not adopted")]
    public static partial void StrangerCollaborator(ILogger logger, string tenantId, string kind, string collaborator);
}
