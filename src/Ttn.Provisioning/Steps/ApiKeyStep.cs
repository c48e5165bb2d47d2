using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Steps;

/// <summary>
/// Creates an API key the library keeps for the tenant, and stores it sealed. TTS shows a key's secret only once, so a
/// run that stopped inside this step may have left a live key nobody holds: before creating another, every key of ours
/// (by name) on the entity is revoked.
/// </summary>
internal abstract class ApiKeyStep : PipelineStep
{
    /// <summary>The field the key is sealed as.</summary>
    protected abstract SecretField Field { get; }

    /// <summary>What kind of key it is, in words ("organization", "application", "gateway").</summary>
    protected abstract string Kind { get; }

    /// <summary>The key to act with: the admin key, or the organization key.</summary>
    protected abstract string ActingKey(StepContext context);

    /// <summary>The rights the new key gets.</summary>
    protected abstract IReadOnlyCollection<string> Rights(TtnProvisioningOptions options);

    protected abstract IAsyncEnumerable<ThingsStackApiKey> List(StepContext context, string actingKey, CancellationToken cancellationToken);

    protected abstract Task<ThingsStackApiKey> CreateAsync(
        StepContext context, string actingKey, string name, IReadOnlyCollection<string> rights, CancellationToken cancellationToken);

    protected abstract Task DeleteAsync(StepContext context, string actingKey, string keyId, CancellationToken cancellationToken);

    public override async Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var name = context.Services.Conventions.KeyName(Step);
        var actingKey = ActingKey(context);
        if (context.WasInterrupted(Step)
            && await RevokeOrphansAsync(context, actingKey, name, cancellationToken).ConfigureAwait(false) is { } listFailed)
        {
            return StepOutcome.Failed(listFailed);
        }

        var created = await context.Operation.CallAsync(
            $"Creating the {Kind} API key",
            () => CreateAsync(context, actingKey, name, Rights(context.Services.Options), cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            return StepOutcome.Failed(created.Failure);
        }

        if (string.IsNullOrEmpty(created.Value.Key))
        {
            return StepOutcome.Failed(
                TtsFailure.Refusal("The Things Stack created the API key but returned no secret.", isTransient: true));
        }

        var key = context.Services.Vault.SealApiKey(context.TenantId, Field, created.Value.Key, created.Value.Id);
        var now = context.Operation.Now;
        var keyId = created.Value.Id;
        return StepOutcome.Done(
            r => TenantTransitions.StoreApiKey(r, Step, key, now),
            keyId is null ? null : () => DeleteAsync(context, actingKey, keyId, CancellationToken.None));
    }

    /// <summary>Revokes every key of ours on the entity; null when done, otherwise how it failed.</summary>
    private async Task<TtsFailure?> RevokeOrphansAsync(
        StepContext context, string actingKey, string name, CancellationToken cancellationToken)
    {
        var listed = await context.Operation.ListAsync(
            $"Listing {Kind} API keys", () => List(context, actingKey, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        if (!listed.Succeeded)
        {
            return listed.Failure;
        }

        var orphans = listed.Value.Where(k => string.Equals(k.Name, name, StringComparison.Ordinal)
            && k.Id is not null).Select(k => k.Id!).ToList();
        foreach (var id in orphans)
        {
            var failure = await context.Operation.CallAsync(
                $"Revoking an orphaned {Kind} API key",
                () => DeleteAsync(context, actingKey, id, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            if (failure is { IsNotFound: false })
            {
                return failure;
            }
        }

        if (orphans.Count > 0)
        {
            Log.OrphanKeysRevoked(context.Services.Logger, context.TenantId, orphans.Count, Kind);
        }

        return null;
    }
}
