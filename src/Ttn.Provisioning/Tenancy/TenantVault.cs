using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Tenancy;

/// <summary>Seals and opens a tenant's secrets, each bound to its tenant and field.</summary>
internal sealed class TenantVault
{
    private readonly ISecretProtector _protector;

    public TenantVault(ISecretProtector protector)
    {
        _protector = protector;
    }

    /// <summary>Seals a secret for a tenant's field.</summary>
    public string Seal(string tenantId, SecretField field, string plaintext) => _protector.Protect(
        plaintext, new SecretContext(tenantId, field));

    /// <summary>Opens a sealed secret of a tenant's field; never throws.</summary>
    public SafeDecrypt Open(string tenantId, SecretField field, string? token) => _protector.Unprotect(
        token, new SecretContext(tenantId, field));

    /// <summary>Seals an API key TTS created (or a tenant brought) into what the record keeps.</summary>
    public StoredApiKey SealApiKey(string tenantId, SecretField field, string key, string? keyId) =>
        new(Seal(tenantId, field, key), SafeDecrypt.GetLastFour(key), keyId);

    /// <summary>A new webhook secret, sealed (the plain secret never leaves this method but through the token).</summary>
    public string NewWebhookSecret(string tenantId) => Seal(tenantId, SecretField.WebhookSecret, WebhookSecrets.Generate());

    /// <summary>Opens the tenant's organization key.</summary>
    public SafeDecrypt OpenOrganizationKey(TenantRecord record) =>
        Open(record.TenantId, SecretField.OrganizationApiKey, record.OrganizationApiKey?.Sealed);

    /// <summary>Opens the tenant's application key.</summary>
    public SafeDecrypt OpenApplicationKey(TenantRecord record) =>
        Open(record.TenantId, SecretField.ApplicationApiKey, record.ApplicationApiKey?.Sealed);

    /// <summary>
    /// The key that manages the tenant's application: the organization key, or the tenant's own key for a brought application.
    /// </summary>
    public SafeDecrypt OpenManagementKey(TenantRecord record) =>
        record.IsExistingApplication ? OpenApplicationKey(record) : OpenOrganizationKey(record);

    /// <summary>Opens the key that manages the tenant's application; null when it opened, otherwise why it did not.</summary>
    /// <param name="record">The tenant's record.</param>
    /// <param name="key">The key, when it opened.</param>
    public TtsFailure? TryOpenManagementKey(TenantRecord record, out string key)
    {
        var opened = OpenManagementKey(record);
        if (opened.TryGetValue(out var value))
        {
            key = value;
            return null;
        }

        key = string.Empty;
        var field = record.IsExistingApplication ? "application API key" : "organization API key";
        var token = record.IsExistingApplication ? record.ApplicationApiKey?.Sealed : record.OrganizationApiKey?.Sealed;
        return TtsFailure.Refusal(MissingKeyProblem(opened, token, field) ?? $"The stored {field} could not be opened ({opened}).");
    }

    /// <summary>
    /// The id of the key a token was sealed with (<c>ttn1.&lt;keyId&gt;.…</c>; not secret), or null for a value in another
    /// format.
    /// </summary>
    public static string? KeyIdOf(string? token) =>
        token?.Split('.', 3) is ["ttn1", { Length: > 0 } keyId, _] ? keyId : null;

    /// <summary>
    /// Why a stored secret that did not open is a configuration problem rather than a damaged value: it was sealed with a
    /// key this host's key ring does not hold (a host still on an older ring during a rotation, say). Such a value is
    /// never replaced: another host can open it. Null when the value is damaged (or opened).
    /// </summary>
    public static string? MissingKeyProblem(SafeDecrypt opened, string? token, string what) =>
        opened.FailureReason == SafeDecryptFailureReason.UnknownKey
            ? $"The stored {what} was sealed with key id '{KeyIdOf(token) ?? "?"}', which this host's key ring does not hold: "
                + "add that key to SecretProtectionOptions.Keys (nothing was changed or revoked)."
            : null;

    /// <summary>The last four characters of a sealed webhook secret.</summary>
    public string? WebhookSecretLastFour(string tenantId, string? token) => Open(tenantId, SecretField.WebhookSecret, token).LastFour;
}
