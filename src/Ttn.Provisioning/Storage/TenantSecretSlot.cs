using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.Storage;

/// <summary>The sealed secrets a <see cref="TenantRecord"/> holds, one per column.</summary>
internal enum TenantSecretSlot
{
    /// <summary><see cref="TenantRecord.OrganizationApiKey"/>.</summary>
    OrganizationApiKey = 1,

    /// <summary><see cref="TenantRecord.ApplicationApiKey"/>.</summary>
    ApplicationApiKey = 2,

    /// <summary><see cref="TenantRecord.GatewayApiKey"/>.</summary>
    GatewayApiKey = 3,

    /// <summary><see cref="WebhookSecretSet.Sealed"/>.</summary>
    WebhookSecret = 4,

    /// <summary><see cref="WebhookSecretSet.PendingSealed"/> (sealed as a <see cref="SecretField.WebhookSecret"/>).</summary>
    PendingWebhookSecret = 5,

    /// <summary><see cref="WebhookSecretSet.PreviousSealed"/> (sealed as a <see cref="SecretField.WebhookSecret"/>).</summary>
    PreviousWebhookSecret = 6,
}

/// <summary>Reads and writes the sealed secrets of a <see cref="TenantRecord"/> by slot.</summary>
internal static class TenantSecretSlots
{
    /// <summary>Every slot, in declaration order.</summary>
    public static IReadOnlyList<TenantSecretSlot> All { get; } =
    [
        TenantSecretSlot.OrganizationApiKey,
        TenantSecretSlot.ApplicationApiKey,
        TenantSecretSlot.GatewayApiKey,
        TenantSecretSlot.WebhookSecret,
        TenantSecretSlot.PendingWebhookSecret,
        TenantSecretSlot.PreviousWebhookSecret,
    ];

    /// <summary>
    /// The secret field a slot is sealed as (its associated data); the pending and previous webhook secrets are webhook secrets.
    /// </summary>
    /// <param name="slot">The slot.</param>
    public static SecretField ToSecretField(this TenantSecretSlot slot) => slot switch
    {
        TenantSecretSlot.OrganizationApiKey => SecretField.OrganizationApiKey,
        TenantSecretSlot.ApplicationApiKey => SecretField.ApplicationApiKey,
        TenantSecretSlot.GatewayApiKey => SecretField.GatewayApiKey,
        TenantSecretSlot.WebhookSecret or TenantSecretSlot.PendingWebhookSecret or TenantSecretSlot.PreviousWebhookSecret =>
            SecretField.WebhookSecret,
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "Unknown secret slot."),
    };

    /// <summary>The sealed text a record holds in a slot.</summary>
    /// <param name="record">The record.</param>
    /// <param name="slot">The slot.</param>
    public static string? GetSealed(this TenantRecord record, TenantSecretSlot slot) => slot switch
    {
        TenantSecretSlot.OrganizationApiKey => record.OrganizationApiKey?.Sealed,
        TenantSecretSlot.ApplicationApiKey => record.ApplicationApiKey?.Sealed,
        TenantSecretSlot.GatewayApiKey => record.GatewayApiKey?.Sealed,
        TenantSecretSlot.WebhookSecret => record.WebhookSecret.Sealed,
        TenantSecretSlot.PendingWebhookSecret => record.WebhookSecret.PendingSealed,
        TenantSecretSlot.PreviousWebhookSecret => record.WebhookSecret.PreviousSealed,
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "Unknown secret slot."),
    };

    /// <summary>A copy of the record with <paramref name="sealedValue"/> in the slot (an API key slot must hold a key).</summary>
    /// <param name="record">The record.</param>
    /// <param name="slot">The slot.</param>
    /// <param name="sealedValue">The sealed text to store.</param>
    public static TenantRecord WithSealed(this TenantRecord record, TenantSecretSlot slot, string sealedValue) => slot switch
    {
        TenantSecretSlot.OrganizationApiKey => record with { OrganizationApiKey = Reseal(record.OrganizationApiKey, sealedValue) },
        TenantSecretSlot.ApplicationApiKey => record with { ApplicationApiKey = Reseal(record.ApplicationApiKey, sealedValue) },
        TenantSecretSlot.GatewayApiKey => record with { GatewayApiKey = Reseal(record.GatewayApiKey, sealedValue) },
        TenantSecretSlot.WebhookSecret => record with { WebhookSecret = Reseal(record.WebhookSecret, sealedValue, null, null) },
        TenantSecretSlot.PendingWebhookSecret => record with { WebhookSecret = Reseal(record.WebhookSecret, null, sealedValue, null) },
        TenantSecretSlot.PreviousWebhookSecret => record with { WebhookSecret = Reseal(record.WebhookSecret, null, null, sealedValue) },
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "Unknown secret slot."),
    };

    private static WebhookSecretSet Reseal(WebhookSecretSet secrets, string? current, string? pending, string? previous) => new(
        sealedSecret: current ?? secrets.Sealed,
        lastFour: secrets.LastFour,
        pendingSealed: pending ?? secrets.PendingSealed,
        previousSealed: previous ?? secrets.PreviousSealed,
        previousValidUntil: secrets.PreviousValidUntil);

    private static StoredApiKey Reseal(StoredApiKey? key, string sealedValue) =>
        key is null ? throw new InvalidOperationException("The record holds no key in that slot.") : new StoredApiKey(
            sealedKey: sealedValue, lastFour: key.LastFour, keyId: key.KeyId);
}
