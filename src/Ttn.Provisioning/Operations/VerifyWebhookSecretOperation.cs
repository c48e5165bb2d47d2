using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Checks a secret presented to the host's webhook endpoint, in constant time, against the tenant's secret in force,
/// the one being rotated in, and the one rotated out while its grace period lasts. Both inputs come from an
/// unauthenticated request: bad ones are a "no", never an exception.
/// </summary>
internal sealed class VerifyWebhookSecretOperation
{
    private readonly ICredentialStore _store;
    private readonly TenantVault _vault;
    private readonly TimeProvider _time;

    public VerifyWebhookSecretOperation(ICredentialStore store, TenantVault vault, TimeProvider time)
    {
        _store = store;
        _vault = vault;
        _time = time;
    }

    public async Task<bool> VerifyAsync(string tenantId, string? presentedSecret, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(presentedSecret) || !SecretContext.IsValidTenantId(tenantId))
        {
            return false;
        }

        var record = await _store.GetAsync(tenantId, cancellationToken).ConfigureAwait(false);
        if (record is null || !string.Equals(record.TenantId, tenantId, StringComparison.Ordinal))
        {
            return false;
        }

        var secrets = record.WebhookSecret;
        var current = _vault.Open(tenantId, SecretField.WebhookSecret, secrets.Sealed);
        var pending = _vault.Open(tenantId, SecretField.WebhookSecret, secrets.PendingSealed);
        var previous = secrets.PreviousValidUntil > _time.GetUtcNow()
            ? _vault.Open(tenantId, SecretField.WebhookSecret, secrets.PreviousSealed)
            : SafeDecrypt.Empty;

        // Each is compared (always each, so the time taken does not say which matched).
        var matchesCurrent = current.TryGetValue(out var currentSecret) && WebhookSecrets.FixedTimeEquals(presentedSecret, currentSecret);
        var matchesPending = pending.TryGetValue(out var pendingSecret) && WebhookSecrets.FixedTimeEquals(presentedSecret, pendingSecret);
        var matchesPrevious = previous.TryGetValue(out var previousSecret)
            && WebhookSecrets.FixedTimeEquals(presentedSecret, previousSecret);
        return matchesCurrent | matchesPending | matchesPrevious;
    }
}
