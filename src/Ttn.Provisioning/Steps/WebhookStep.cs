using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Steps;

/// <summary>
/// Creates or updates the tenant's webhook. Its secret is generated and stored sealed (pending) before it is ever sent,
/// and promoted to the secret in force only once TTS has accepted it: TTS and the store never disagree. The webhook of
/// a brought application is set with the tenant's own application key; otherwise with the organization key.
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

    public override TenantRecord Prepare(TenantRecord record, StepContext context) =>
        record.WebhookSecret.PendingSealed is null
            ? TenantTransitions.StagePendingWebhookSecret(record, context.Services.Vault.NewWebhookSecret(record.TenantId))
            : record;

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

        var secret = vault.Open(record.TenantId, SecretField.WebhookSecret, record.WebhookSecret.PendingSealed);
        if (!secret.TryGetValue(out var plain))
        {
            return StepOutcome.Failed(
                TtsFailure.Refusal(
                    $"The pending webhook secret could not be opened ({secret}); retrying generates a new one.", isTransient: true));
        }

        var applicationId = record.ApplicationId!;
        var webhook = conventions.WebhookFor(record.TenantId, applicationId, plain);
        var set = await context.Operation.CallAsync(
            "Setting the webhook",
            () => client.SetWebhookAsync(key, applicationId, webhook, TenantConventions.WebhookFieldMask, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (!set.Succeeded)
        {
            return StepOutcome.Failed(set.Failure);
        }

        var lastFour = SafeDecrypt.GetLastFour(plain);
        var url = conventions.WebhookUrlFor(record.TenantId);
        return StepOutcome.Done(r => TenantTransitions.PromoteWebhookSecret(r, conventions.WebhookId, url, lastFour));
    }
}
