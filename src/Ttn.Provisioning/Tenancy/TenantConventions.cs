using System.Security.Cryptography;
using System.Text;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Tenancy;

/// <summary>
/// How the library names and marks what it creates for a tenant on The Things Stack: organization and application
/// ids, API key names, the webhook id and URL, and the owner marker that tells this deployment's entities from others'.
/// </summary>
internal sealed class TenantConventions
{
    /// <summary>The attribute that marks an organization or application as created by this deployment for this tenant.</summary>
    public const string OwnerAttribute = "ttn-provisioning-owner";

    private const string MarkerVersion = "v1";

    private readonly TtnProvisioningOptions _options;
    private readonly PurposeKeys _ownerKeys;
    private ThingsStackClusters? _clusters;

    public TenantConventions(TtnProvisioningOptions options)
    {
        _options = options;
        _ownerKeys = new PurposeKeys(options.Secrets, "owner-marker");
    }

    /// <summary>Gets the configured clusters.</summary>
    public ThingsStackClusters Clusters => _clusters ??= ThingsStackClusters.From(_options.ThingsStack);

    /// <summary>The cluster that serves a tenant: the one on its record, or the default for a record that names none.</summary>
    public string ClusterOf(TenantRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Cluster ?? Clusters.DefaultName;
    }

    /// <summary>
    /// The host (and port) of a cluster, as The Things Stack stores it in an application's or gateway's server
    /// addresses.
    /// </summary>
    public string ClusterAddress(string cluster) => Clusters.RootOf(cluster).Authority;

    /// <summary>The webhook id used on every tenant's application.</summary>
    public string WebhookId => _options.WebhookId;

    /// <summary>The header TTS sends the webhook secret in.</summary>
    public string WebhookSecretHeader => _options.WebhookSecretHeader;

    /// <summary>The organization id derived from the tenant id (<c>tp-acme</c>).</summary>
    public string OrganizationIdFor(string tenantId) => ThingsStackIds.Derive(_options.IdPrefix, tenantId);

    /// <summary>A new collision-safe organization id for the tenant (the derived one belongs to someone else, or is reserved).</summary>
    public string NewOrganizationId(string tenantId) => ThingsStackIds.CreateUnique(_options.IdPrefix, tenantId);

    /// <summary>The application id derived from the tenant id (<c>tp-app-acme</c>).</summary>
    public string ApplicationIdFor(string tenantId) => ThingsStackIds.Derive(ApplicationPrefix, tenantId);

    /// <summary>A new collision-safe application id (TTS keeps deleted ids reserved).</summary>
    public string NewApplicationId(string tenantId) => ThingsStackIds.CreateUnique(ApplicationPrefix, tenantId);

    /// <summary>The name the library gives the API key of a key step, by which it recognises its own keys.</summary>
    public string KeyName(ProvisioningStep keyStep) => keyStep switch
    {
        ProvisioningStep.OrganizationApiKey => $"{_options.ApiKeyNamePrefix}-organization",
        ProvisioningStep.ApplicationApiKey => $"{_options.ApiKeyNamePrefix}-application",
        ProvisioningStep.GatewayApiKey => $"{_options.ApiKeyNamePrefix}-gateway",
        _ => throw new ArgumentOutOfRangeException(nameof(keyStep), keyStep, "Not a key step."),
    };

    /// <summary>Whether a TTS API key's name says the library created it.</summary>
    public bool IsOurKeyName(string? name) => name?.StartsWith($"{_options.ApiKeyNamePrefix}-", StringComparison.Ordinal) == true;

    /// <summary>The URL TTS posts the tenant's webhook calls to: <c>{base}/{tenant id, escaped}</c>.</summary>
    public string WebhookUrlFor(string tenantId) =>
        $"{_options.WebhookBaseUrl!.AbsoluteUri.TrimEnd('/')}/{Uri.EscapeDataString(tenantId)}";

    /// <summary>The field mask of a webhook the library creates or updates whole (its settings included).</summary>
    public static IReadOnlyCollection<string> WebhookFieldMask { get; } = ["base_url", "format", "headers", .. WebhookSettingsFields.Mask];

    /// <summary>The field mask that changes only a webhook's secret (a rotation).</summary>
    public static IReadOnlyCollection<string> WebhookSecretFieldMask { get; } = ["headers"];

    /// <summary>
    /// The tenant's webhook as the library sets it: its URL, JSON, the secret header, and the tenant's settings (paused
    /// when disabled; the message kinds selected, by default uplinks and join accepts).
    /// </summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="applicationId">The application the webhook belongs to.</param>
    /// <param name="secret">The webhook secret TTS will send (plain; it goes only into the request).</param>
    /// <param name="settings">The tenant's settings.</param>
    public Webhook WebhookFor(string tenantId, string applicationId, string secret, TenantSettings settings) =>
        WebhookSettingsFields.Apply(
            new Webhook
            {
                Ids = new WebhookIdentifiers(WebhookId, new ApplicationIdentifiers(applicationId)),
                BaseUrl = WebhookUrlFor(tenantId),
                Format = "json",
                Headers = new Dictionary<string, string> { [WebhookSecretHeader] = secret },
            },
            settings);

    /// <summary>The tenant's webhook with only its settings (for a masked update of <see cref="WebhookSettingsFields.Mask"/>).</summary>
    public Webhook WebhookSettingsFor(string applicationId, TenantSettings settings) =>
        WebhookSettingsFields.Apply(
            new Webhook { Ids = new WebhookIdentifiers(WebhookId, new ApplicationIdentifiers(applicationId)) }, settings);

    /// <summary>The display name of an organization or application created for the tenant (at most 50 characters).</summary>
    public static string EntityName(string tenantId) => Truncate($"Tenant {tenantId}", 50);

    /// <summary>The description of an organization or application created for the tenant.</summary>
    public static string EntityDescription(string tenantId) => Truncate($"Provisioned by Ttn.Provisioning for tenant {tenantId}.", 2000);

    /// <summary>The attributes that mark an entity as this deployment's, for this tenant.</summary>
    public Dictionary<string, string> OwnerAttributes(string tenantId) => new() { [OwnerAttribute] = OwnerMarker(tenantId) };

    /// <summary>Whether an entity's attributes carry this deployment's owner marker for the tenant.</summary>
    public bool CarriesOwnerMarker(IReadOnlyDictionary<string, string>? attributes, string tenantId) =>
        attributes is not null
        && attributes.TryGetValue(OwnerAttribute, out var marker)
        && IsOwnerMarker(marker, tenantId);

    /// <summary>
    /// The owner marker, <c>v1.{key id}.{32 hex}</c>: an HMAC-SHA256, under a key derived from the secret key ring's
    /// primary key, of the id prefix, the webhook base URL and the tenant id. Nobody without the key ring can make one
    /// (ids are predictable; the marker is not), and another deployment sharing the admin key (staging and production,
    /// say) has another ring or base URL, so it never adopts this one's resources, nor a tenant another's.
    /// </summary>
    private string OwnerMarker(string tenantId)
    {
        var keyId = _ownerKeys.PrimaryKeyId;
        return $"{MarkerVersion}.{keyId}.{OwnerDigest(_ownerKeys.Primary, tenantId)}";
    }

    /// <summary>
    /// Whether a marker was made by this deployment for the tenant, under any key still in the ring (so rotating the
    /// primary key orphans no tenant). Markers of the unkeyed first format are refused: anyone could compute them.
    /// </summary>
    private bool IsOwnerMarker(string marker, string tenantId)
    {
        var parts = marker.Split('.');
        if (parts is not [MarkerVersion, { Length: > 0 } keyId, { Length: 32 } digest] || !_ownerKeys.TryGet(keyId, out var key))
        {
            return false;
        }

        var expected = OwnerDigest(key, tenantId);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(digest));
    }

    private string OwnerDigest(byte[] key, string tenantId)
    {
        var material = Encoding.UTF8.GetBytes($"{_options.IdPrefix}\n{_options.WebhookBaseUrl?.AbsoluteUri}\n{tenantId}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, material))[..32];
    }

    private string ApplicationPrefix => $"{_options.IdPrefix}-app";

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
