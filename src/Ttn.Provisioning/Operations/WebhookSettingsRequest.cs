using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Applies a tenant's settings to its webhook on its cluster: one <c>PUT /as/webhooks/…</c> whose field mask names
/// <c>paused</c> and every message field, and nothing else (the URL, format and secret header stay as they are), sent
/// with the key that manages the tenant's application.
/// </summary>
internal static class WebhookSettingsRequest
{
    /// <summary>Whether the record has a webhook on TTS whose settings are not confirmed.</summary>
    public static bool IsOutstanding(TenantRecord record) =>
        record.SettingsPending && record.ApplicationId is not null && record.Checkpoints.HasFlag(ProvisioningStep.Webhook);

    /// <summary>Sends the record's settings; null when TTS accepted them, otherwise how it failed.</summary>
    public static async Task<TtsFailure?> SendAsync(
        OperationServices services, OperationContext context, TenantRecord record, CancellationToken cancellationToken)
    {
        if (services.Vault.TryOpenManagementKey(record, out var key) is { } unopened)
        {
            return unopened;
        }

        var applicationId = record.ApplicationId!;
        var webhook = services.Conventions.WebhookSettingsFor(applicationId, record.Settings);
        var cluster = services.Conventions.ClusterOf(record);
        var set = await context.CallAsync(
            "Applying the tenant's settings to its webhook",
            () => services.Client.SetWebhookAsync(cluster, key, applicationId, webhook, WebhookSettingsFields.Mask, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return set.Failure;
    }

    /// <summary>
    /// Applies the leased record's pending settings and gives the lease up: the settings confirmed, or the error recorded
    /// (they stay pending, and a settings update or a retry sends them again). Null when applied.
    /// </summary>
    public static async Task<TenantError?> ApplyAndReleaseAsync(
        OperationServices services, OperationContext context, CancellationToken cancellationToken)
    {
        var run = context.LeasedRun;
        var failure = await SendAsync(services, context, run.Record, cancellationToken).ConfigureAwait(false);
        if (failure is null)
        {
            await run.ReleaseAsync(TenantTransitions.SettingsApplied, CancellationToken.None).ConfigureAwait(false);
            return null;
        }

        var error = failure.ToError(ProvisioningStep.Webhook, context.Now);
        await run.ReleaseAsync(r => TenantTransitions.RecordError(r, error), CancellationToken.None).ConfigureAwait(false);
        return error;
    }
}
