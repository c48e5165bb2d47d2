namespace Ttn.Provisioning.Storage;

/// <summary>The changes of a tenant's cluster, settings and connection test (the rest is in TenantTransitions.cs).</summary>
internal static partial class TenantTransitions
{
    /// <summary>The tenant is provisioned on <paramref name="cluster"/> (written with the first write of a run).</summary>
    public static TenantRecord OnCluster(TenantRecord record, string cluster) => record with { Cluster = cluster };

    /// <summary>
    /// New settings are asked for. With a webhook on TTS they are pending until TTS confirms them; without one there is
    /// nothing to disagree with (the webhook step sets them when it creates the webhook).
    /// </summary>
    public static TenantRecord RequestSettings(TenantRecord record, TenantSettings settings) => record with
    {
        Settings = settings,
        SettingsPending = record.Checkpoints.HasFlag(ProvisioningStep.Webhook),
    };

    /// <summary>TTS accepted the webhook with the record's settings: nothing is pending any more.</summary>
    public static TenantRecord SettingsApplied(TenantRecord record) => record with { SettingsPending = false };

    /// <summary>A connection test ran: its result is the last one.</summary>
    public static TenantRecord RecordConnectionTest(TenantRecord record, ConnectionTest test) => record with { LastConnectionTest = test };
}
