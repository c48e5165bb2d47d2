namespace Ttn.Provisioning.Storage;

/// <summary>Facts derived from a tenant record.</summary>
internal static class TenantRecordFacts
{
    /// <summary>Whether the record needs a start fresh because of its organization (its id could not be made ours).</summary>
    public static bool RequiresStartFreshForOrganization(this TenantRecord record) =>
        record.RequiresStartFresh && record.CurrentStep == ProvisioningStep.Organization;

    /// <summary>Whether the record's application id was found to belong to another account (so it must never be deleted).</summary>
    public static bool ApplicationIsNotOurs(this TenantRecord record) =>
        record.RequiresStartFresh
        && record.CurrentStep == ProvisioningStep.Application
        && !record.Checkpoints.HasFlag(ProvisioningStep.Application);

    /// <summary>Whether a provisioning run is in progress but its lease has expired (the host running it stopped).</summary>
    public static bool IsStalled(this TenantRecord record, DateTimeOffset now) =>
        record.State == ProvisioningState.Provisioning && !TenantRun.IsLeaseLive(record, now);
}
