namespace Ttn.Provisioning.Secrets;

/// <summary>
/// The stored secrets of a tenant. The field is part of a sealed secret's associated data, so a token
/// copied from one field to another does not open.
/// </summary>
public enum SecretField
{
    /// <summary>The organization API key created for the tenant (a TTS API key).</summary>
    OrganizationApiKey = 1,

    /// <summary>The application API key created for, or supplied by, the tenant (a TTS API key).</summary>
    ApplicationApiKey = 2,

    /// <summary>The optional gateway API key (a TTS API key).</summary>
    GatewayApiKey = 3,

    /// <summary>The secret TTS sends with every webhook call.</summary>
    WebhookSecret = 4,

    /// <summary>
    /// A gateway's LNS API key (<c>RIGHT_GATEWAY_LINK</c>, for LoRa Basics Station), sealed for the host when it asks
    /// (a TTS API key).
    /// </summary>
    GatewayLnsKey = 5,

    /// <summary>An end device's AppKey (LoRaWAN root key), sealed for the host when it asks (32 hex characters).</summary>
    DeviceAppKey = 6,

    /// <summary>An end device's NwkKey (LoRaWAN 1.1 root key), sealed for the host when it asks (32 hex characters).</summary>
    DeviceNwkKey = 7,
}

/// <summary>Facts about <see cref="SecretField"/> values.</summary>
internal static class SecretFieldExtensions
{
    /// <summary>The stable name of the field used in a sealed secret's associated data; it never changes once shipped.</summary>
    /// <param name="field">The field.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="field"/> is not a defined field.</exception>
    public static string ToWireName(this SecretField field) => field switch
    {
        SecretField.OrganizationApiKey => "organization_api_key",
        SecretField.ApplicationApiKey => "application_api_key",
        SecretField.GatewayApiKey => "gateway_api_key",
        SecretField.WebhookSecret => "webhook_secret",
        SecretField.GatewayLnsKey => "gateway_lns_key",
        SecretField.DeviceAppKey => "device_app_key",
        SecretField.DeviceNwkKey => "device_nwk_key",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Unknown secret field."),
    };

    /// <summary>Whether the field holds a TTS API key (<c>NNSXS.</c> + 39 + <c>.</c> + 52 characters).</summary>
    /// <param name="field">The field.</param>
    public static bool HoldsApiKey(this SecretField field) =>
        field is SecretField.OrganizationApiKey or SecretField.ApplicationApiKey or SecretField.GatewayApiKey
            or SecretField.GatewayLnsKey;
}
