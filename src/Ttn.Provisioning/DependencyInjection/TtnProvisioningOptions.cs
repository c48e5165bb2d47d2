using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning;

/// <summary>Settings of the provisioning service. Validated when the host starts.</summary>
public sealed class TtnProvisioningOptions
{
    /// <summary>The Things Stack to provision on: Identity Server and cluster addresses, timeouts, retries.</summary>
    public ThingsStackOptions ThingsStack { get; } = new();

    /// <summary>The key ring that seals tenant secrets.</summary>
    public SecretProtectionOptions Secrets { get; } = new();

    /// <summary>
    /// The admin (user) API key the library provisions with: a personal key of the TTS user that will own the
    /// tenants' organizations, with the rights to create organizations and manage them. Never stored in the
    /// credential store. Leave null when a host-supplied <c>IAdminApiKeyProvider</c> is registered.
    /// </summary>
    public string? AdminApiKey { get; set; }

    /// <summary>
    /// The https address TTS posts tenants' webhook calls to. The tenant id is appended as the last path segment:
    /// <c>https://api.example.com/ttn/webhook</c> becomes <c>https://api.example.com/ttn/webhook/{tenantId}</c>.
    /// </summary>
    public Uri? WebhookBaseUrl { get; set; }

    /// <summary>The webhook id used on every tenant's application. Defaults to <c>ttn-provisioning</c>.</summary>
    public string WebhookId { get; set; } = "ttn-provisioning";

    /// <summary>The header TTS sends the webhook secret in. Defaults to <c>X-Webhook-Secret</c>.</summary>
    public string WebhookSecretHeader { get; set; } = "X-Webhook-Secret";

    /// <summary>
    /// The prefix of the organization and application ids derived from tenant ids (1 to 18 characters, lower-case
    /// letters, digits and single hyphens). Defaults to <c>tp</c>: tenant <c>acme</c> gets organization <c>tp-acme</c>.
    /// </summary>
    public string IdPrefix { get; set; } = "tp";

    /// <summary>
    /// The prefix of the names given to the API keys the library creates; the library recognises its own keys by it
    /// when it recovers from a crash. Defaults to <c>ttn-provisioning</c>.
    /// </summary>
    public string ApiKeyNamePrefix { get; set; } = "ttn-provisioning";

    /// <summary>
    /// How long a run's lease lasts without a heartbeat before another caller may take the run over. Defaults to
    /// 2 minutes. Each completed step renews it.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long the webhook secret replaced by a rotation is still accepted by <c>VerifyWebhookSecretAsync</c>, so calls
    /// TTS had already sent with it are not refused. Defaults to 15 minutes; zero accepts only the new secret.
    /// </summary>
    public TimeSpan WebhookSecretGracePeriod { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a host trusts what it knows of a tenant's webhook secrets before reading the tenant's record again
    /// (default 30 seconds; 1 second to 10 minutes). It bounds how long a secret revoked by another host sharing the store
    /// (start fresh, deep clean, a rotation without grace) is still accepted here; changes made through this host are seen
    /// at once, and a new secret is accepted on every host as soon as it is presented (a miss re-reads the record, at most
    /// once a second per tenant). Each tenant costs one store read per interval while it receives deliveries.
    /// </summary>
    public TimeSpan WebhookVerifierRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most tenants whose webhook secret digests a host keeps in memory (default 10,000, about 300 bytes each); past it
    /// the least recently used are dropped, and cost one store read and one opening of their secrets on their next delivery.
    /// </summary>
    public int WebhookVerifierCapacity { get; set; } = 10_000;

    /// <summary>
    /// How many history entries each tenant keeps (<c>GetHistoryAsync</c>); the oldest are dropped beyond it. Device and
    /// gateway changes count too (one entry per registration, import, repair or removal): a tenant that registers devices
    /// one by one needs a larger limit to keep its credential reveals and rotations in view. Defaults to 200; 1 to 10,000.
    /// </summary>
    public int HistoryLimit { get; set; } = 200;

    /// <summary>Whether provisioning also creates a gateway API key for the tenant. Defaults to false.</summary>
    public bool CreateGatewayApiKey { get; set; }

    /// <summary>How many collision-safe organization ids to try when the derived one belongs to someone else. Defaults to 3.</summary>
    internal int MaxOrganizationIdRotations { get; set; } = 3;

    /// <summary>The rights of the organization API key the library creates.</summary>
    public IList<string> OrganizationApiKeyRights { get; } =
    [
        ThingsStackRights.OrganizationInfo,
        ThingsStackRights.OrganizationSettingsApiKeys,
        ThingsStackRights.OrganizationApplicationsList,
        ThingsStackRights.OrganizationApplicationsCreate,
        ThingsStackRights.OrganizationGatewaysList,
        ThingsStackRights.OrganizationGatewaysCreate,
        ThingsStackRights.ApplicationAll,
        ThingsStackRights.GatewayAll,
    ];

    /// <summary>
    /// The rights of the application API key the library creates (core, webhook, devices with their root keys, and
    /// downlink by default). The device service registers devices with it: writing root keys to the Join Server needs
    /// <c>RIGHT_APPLICATION_DEVICES_WRITE_KEYS</c>.
    /// </summary>
    public IList<string> ApplicationApiKeyRights { get; } =
    [
        ThingsStackRights.ApplicationInfo,
        ThingsStackRights.ApplicationSettingsBasic,
        ThingsStackRights.ApplicationDevicesRead,
        ThingsStackRights.ApplicationDevicesWrite,
        ThingsStackRights.ApplicationDevicesWriteKeys,
        ThingsStackRights.ApplicationTrafficRead,
        ThingsStackRights.ApplicationTrafficDownWrite,
    ];

    /// <summary>The rights of the optional gateway API key.</summary>
    public IList<string> GatewayApiKeyRights { get; } = [ThingsStackRights.GatewayAll];
}
