using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Replaces the webhook secret. The new secret is stored (pending) before it is sent to TTS and promoted once TTS has
/// accepted it, so TTS and the store never disagree; until then the old one stays in force, and after it the old one is
/// still accepted for the grace period. A failed rotation leaves the tenant's state as it was.
/// </summary>
internal sealed class RotateWebhookSecretOperation : TenantOperation<WebhookSecretRotationResult>
{
    private readonly OperationServices _services;

    public RotateWebhookSecretOperation(OperationServices services)
    {
        _services = services;
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.RotateWebhookSecret;

    public override bool WouldCreateResources(TenantRecord record) => true;

    public override Admission Admit(string tenantId, TenantRecord? current, DateTimeOffset now) =>
        current is { ApplicationId: not null } && current.Checkpoints.HasFlag(ProvisioningStep.Webhook)
            ? Admission.Lease(current)
            : Admission.Refuse(ProvisioningOutcome.NotConfigured);

    public override async Task<WebhookSecretRotationResult> ExecuteAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var client = _services.Client;
        var conventions = _services.Conventions;
        var vault = _services.Vault;
        var options = _services.Options;
        var run = context.LeasedRun;
        var tenantId = context.TenantId;

        // A rotation that failed earlier left its secret pending (TTS may already have it): it is used again, unless it is
        // damaged (it could never be sent), in which case a new one replaces it.
        var pending = run.Record.WebhookSecret.PendingSealed;
        var opened = vault.Open(tenantId, SecretField.WebhookSecret, pending);
        if (pending is null || (opened.Status == SafeDecryptStatus.Failed && TenantVault.MissingKeyProblem(opened, pending, "") is null))
        {
            var staged = vault.NewWebhookSecret(tenantId);
            await run.SaveAsync(r => TenantTransitions.StagePendingWebhookSecret(r, staged), cancellationToken).ConfigureAwait(false);
        }

        var record = run.Record;
        var failure = await SetWebhookAsync(context, record, cancellationToken).ConfigureAwait(false);
        if (failure is not null)
        {
            var error = failure.ToError(null, context.Now);
            await run.ReleaseAsync(r => TenantTransitions.RecordError(r, error), CancellationToken.None).ConfigureAwait(false);
            return Result(context, ProvisioningOutcome.Failed, run.Record.WebhookSecret.LastFour, error);
        }

        var lastFour = vault.WebhookSecretLastFour(tenantId, record.WebhookSecret.PendingSealed);
        var grace = options.WebhookSecretGracePeriod;
        await run.ReleaseAsync(
            r => TenantTransitions.RotateWebhookSecret(
                r,
                conventions.WebhookId,
                conventions.WebhookUrlFor(tenantId),
                lastFour,
                grace > TimeSpan.Zero ? run.Now + grace : null,
                run.Now),
            CancellationToken.None).ConfigureAwait(false);
        return Result(context, ProvisioningOutcome.Succeeded, run.Record.WebhookSecret.LastFour);
    }

    /// <summary>An interrupted rotation keeps the tenant's state: the old secret stays in force, the pending one stays stored.</summary>
    public override TenantRecord AfterInterruption(TenantRecord record, TenantError error) => TenantTransitions.RecordError(record, error);

    protected override WebhookSecretRotationResult CreateResult(TenantRecord? record) => new();

    /// <summary>Sends the pending secret to TTS (only the webhook's headers change); null when TTS accepted it.</summary>
    private async Task<TtsFailure?> SetWebhookAsync(OperationContext context, TenantRecord record, CancellationToken cancellationToken)
    {
        var client = _services.Client;
        var conventions = _services.Conventions;
        var vault = _services.Vault;
        if (vault.TryOpenManagementKey(record, out var key) is { } unopened)
        {
            return unopened;
        }

        var pending = record.WebhookSecret.PendingSealed;
        var secret = vault.Open(record.TenantId, SecretField.WebhookSecret, pending);
        if (!secret.TryGetValue(out var plain))
        {
            return TtsFailure.Refusal(
                TenantVault.MissingKeyProblem(secret, pending, "pending webhook secret")
                    ?? $"The pending webhook secret could not be opened ({secret}); retrying generates a new one.",
                isTransient: true);
        }

        var applicationId = record.ApplicationId!;
        var webhook = conventions.WebhookFor(record.TenantId, applicationId, plain, record.Settings);
        var cluster = conventions.ClusterOf(record);
        var set = await context.CallAsync(
            "Setting the webhook",
            () => client.SetWebhookAsync(
                cluster, key, applicationId, webhook, TenantConventions.WebhookSecretFieldMask, cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return set.Failure;
    }

    private static WebhookSecretRotationResult Result(
        OperationContext context, ProvisioningOutcome outcome, string? lastFour, TenantError? error = null) => new()
        {
            Outcome = outcome,
            SecretLastFour = lastFour,
            Error = error,
        };
}
