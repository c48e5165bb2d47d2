using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.Storage;

/// <summary>The sealed secrets a <see cref="TenantRecord"/> holds, one per column.</summary>
public enum TenantSecretSlot
{
    /// <summary><see cref="TenantRecord.OrganizationApiKeySealed"/>.</summary>
    OrganizationApiKey = 1,

    /// <summary><see cref="TenantRecord.ApplicationApiKeySealed"/>.</summary>
    ApplicationApiKey = 2,

    /// <summary><see cref="TenantRecord.GatewayApiKeySealed"/>.</summary>
    GatewayApiKey = 3,

    /// <summary><see cref="TenantRecord.WebhookSecretSealed"/>.</summary>
    WebhookSecret = 4,

    /// <summary><see cref="TenantRecord.PendingWebhookSecretSealed"/> (sealed as a <see cref="SecretField.WebhookSecret"/>).</summary>
    PendingWebhookSecret = 5,

    /// <summary><see cref="TenantRecord.PreviousWebhookSecretSealed"/> (sealed as a <see cref="SecretField.WebhookSecret"/>).</summary>
    PreviousWebhookSecret = 6,
}

/// <summary>Reads and writes the sealed secrets of a <see cref="TenantRecord"/> by slot.</summary>
public static class TenantSecretSlots
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

    /// <summary>The secret field a slot is sealed as (its associated data); the pending webhook secret is a webhook secret.</summary>
    /// <param name="slot">The slot.</param>
    public static SecretField ToSecretField(this TenantSecretSlot slot) => slot switch
    {
        TenantSecretSlot.OrganizationApiKey => SecretField.OrganizationApiKey,
        TenantSecretSlot.ApplicationApiKey => SecretField.ApplicationApiKey,
        TenantSecretSlot.GatewayApiKey => SecretField.GatewayApiKey,
        TenantSecretSlot.WebhookSecret or TenantSecretSlot.PendingWebhookSecret or TenantSecretSlot.PreviousWebhookSecret => SecretField.WebhookSecret,
        _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "Unknown secret slot."),
    };

    /// <summary>The sealed text a record holds in a slot.</summary>
    /// <param name="record">The record.</param>
    /// <param name="slot">The slot.</param>
    public static string? GetSealed(this TenantRecord record, TenantSecretSlot slot)
    {
        ArgumentNullException.ThrowIfNull(record);
        return slot switch
        {
            TenantSecretSlot.OrganizationApiKey => record.OrganizationApiKeySealed,
            TenantSecretSlot.ApplicationApiKey => record.ApplicationApiKeySealed,
            TenantSecretSlot.GatewayApiKey => record.GatewayApiKeySealed,
            TenantSecretSlot.WebhookSecret => record.WebhookSecretSealed,
            TenantSecretSlot.PendingWebhookSecret => record.PendingWebhookSecretSealed,
            TenantSecretSlot.PreviousWebhookSecret => record.PreviousWebhookSecretSealed,
            _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "Unknown secret slot."),
        };
    }

    /// <summary>A copy of the record with <paramref name="sealedValue"/> in the slot.</summary>
    /// <param name="record">The record.</param>
    /// <param name="slot">The slot.</param>
    /// <param name="sealedValue">The sealed text to store.</param>
    public static TenantRecord WithSealed(this TenantRecord record, TenantSecretSlot slot, string? sealedValue)
    {
        ArgumentNullException.ThrowIfNull(record);
        return slot switch
        {
            TenantSecretSlot.OrganizationApiKey => record with { OrganizationApiKeySealed = sealedValue },
            TenantSecretSlot.ApplicationApiKey => record with { ApplicationApiKeySealed = sealedValue },
            TenantSecretSlot.GatewayApiKey => record with { GatewayApiKeySealed = sealedValue },
            TenantSecretSlot.WebhookSecret => record with { WebhookSecretSealed = sealedValue },
            TenantSecretSlot.PendingWebhookSecret => record with { PendingWebhookSecretSealed = sealedValue },
            TenantSecretSlot.PreviousWebhookSecret => record with { PreviousWebhookSecretSealed = sealedValue },
            _ => throw new ArgumentOutOfRangeException(nameof(slot), slot, "Unknown secret slot."),
        };
    }
}
