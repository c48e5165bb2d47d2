using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Steps;

/// <summary>
/// Creates or updates the tenant's webhook. Its secret is generated and stored sealed (pending) before it is ever sent,
/// and promoted to the secret in force only once TTS has accepted it: TTS and the store never disagree. The webhook of
/// a brought application is set with the tenant's own application key; otherwise with the organization key. The webhook
/// carries the tenant's settings (paused when disabled, the message kinds selected), which are then applied.
/// </summary>
internal sealed class WebhookStep : PipelineStep
{
    private readonly bool _broughtApplication;

    /// <param name="broughtApplication">Whether the application was brought by the tenant.</param>
    public WebhookStep(bool broughtApplication)
    {
        _broughtApplication = broughtApplication;
    }

    public override ProvisioningStep Step => ProvisioningStep.Webhook;

    public override ProvisioningStep DependsOn =>
        _broughtApplication ? ProvisioningStep.Application : ProvisioningStep.Application | ProvisioningStep.OrganizationApiKey;

    public override bool UsesOrganizationKey => !_broughtApplication;

    /// <summary>
    /// Stages a new pending secret when there is none, or when the one stored is damaged (it can never be sent, and TTS
    /// cannot hold a secret the store cannot open): TTS and the store agree again once the webhook is set with the new one.
    /// A pending secret sealed with a key this host does not hold is kept: another host can open it.
    /// </summary>
    public override TenantRecord Prepare(TenantRecord record, StepContext context)
    {
        var vault = context.Services.Vault;
        var pending = record.WebhookSecret.PendingSealed;
        var opened = vault.Open(record.TenantId, SecretField.WebhookSecret, pending);
        var damaged = opened.Status == SafeDecryptStatus.Failed && TenantVault.MissingKeyProblem(opened, pending, "") is null;
        return pending is null || damaged
            ? TenantTransitions.StagePendingWebhookSecret(record, vault.NewWebhookSecret(record.TenantId))
            : record;
    }

    public override async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var (client, conventions, vault, _, _) = context.Services;
        var record = context.Record;
        string key;
        if (!_broughtApplication)
        {
            key = context.OrganizationKey;
        }
        else if (!vault.OpenApplicationKey(record).TryGetValue(out key!))
        {
            return StepOutcome.Failed(TtsFailure.Refusal(
                "The stored application API key of the brought application could not be opened; configure the application again with its "
                    + "key."));
        }

        var pending = record.WebhookSecret.PendingSealed;
        var secret = vault.Open(record.TenantId, SecretField.WebhookSecret, pending);
        if (!secret.TryGetValue(out var plain))
        {
            return StepOutcome.Failed(TtsFailure.Refusal(
                TenantVault.MissingKeyProblem(secret, pending, "pending webhook secret")
                    ?? $"The pending webhook secret could not be opened ({secret}); retrying generates a new one.",
                isTransient: true));
        }

        var applicationId = record.ApplicationId!;
        var webhook = conventions.WebhookFor(record.TenantId, applicationId, plain, record.Settings);
        var cluster = conventions.ClusterOf(record);
        var set = await context.Operation.CallAsync(
            "Setting the webhook",
            () => client.SetWebhookAsync(
                cluster, key, applicationId, webhook, TenantConventions.WebhookFieldMask, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (!set.Succeeded)
        {
            return StepOutcome.Failed(set.Failure);
        }

        var lastFour = SafeDecrypt.GetLastFour(plain);
        var url = conventions.WebhookUrlFor(record.TenantId);
        return StepOutcome.Done(
            r => TenantTransitions.SettingsApplied(TenantTransitions.PromoteWebhookSecret(r, conventions.WebhookId, url, lastFour)));
    }
}
