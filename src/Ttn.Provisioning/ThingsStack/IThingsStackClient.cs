namespace Ttn.Provisioning.ThingsStack;

/// <summary>The Things Stack components that keep part of an end device's record.</summary>
internal enum EndDeviceComponent
{
    /// <summary>Identity Server (the registry; served on the Identity Server host).</summary>
    IdentityServer = 0,

    /// <summary>Join Server (<c>/js</c>, cluster host).</summary>
    JoinServer = 1,

    /// <summary>Network Server (<c>/ns</c>, cluster host).</summary>
    NetworkServer = 2,

    /// <summary>Application Server (<c>/as</c>, cluster host).</summary>
    ApplicationServer = 3,
}

/// <summary>
/// A typed client for the parts of The Things Stack HTTP API a tenant provisioner uses. Every call takes the API
/// key to use (admin, organization or application key) and sends it as <c>Authorization: Bearer</c> on that
/// request only. IDs are validated before anything is sent. Failures throw <see cref="ThingsStackException"/>;
/// invalid arguments throw <see cref="ArgumentException"/>.
/// </summary>
/// <remarks>
/// Requests served by a cluster (<c>/as</c>, <c>/ns</c>, <c>/js</c>, <c>/gs</c>) take the cluster's name first: one of
/// <see cref="ThingsStackOptions.Clusters"/>, normally the tenant's (see <c>TenantConventions.ClusterOf</c>). An
/// unknown name is an <see cref="ArgumentException"/> before anything is sent.
/// </remarks>
internal partial interface IThingsStackClient
{
    /// <summary><c>GET /auth_info</c>: which entity the key belongs to, its (expanded) rights, admin or not.</summary>
    Task<AuthInfo> GetAuthInfoAsync(string apiKey, CancellationToken cancellationToken = default);

    /// <summary><c>POST /users/{user_id}/organizations</c> (needs a user key).</summary>
    Task<Organization> CreateOrganizationAsync(
        string apiKey, string userId, Organization organization, CancellationToken cancellationToken = default);

    /// <summary><c>GET /organizations/{organization_id}?field_mask=…</c>.</summary>
    Task<Organization> GetOrganizationAsync(
        string apiKey, string organizationId, IReadOnlyCollection<string>? fieldMask = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /organizations/{organization_id}/rights</c>: the caller's rights on the organization.</summary>
    Task<IReadOnlyList<string>> ListOrganizationRightsAsync(
        string apiKey, string organizationId, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /organizations/{organization_id}</c> (soft delete; the ID stays reserved).</summary>
    Task DeleteOrganizationAsync(string apiKey, string organizationId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /organizations/{organization_id}/restore</c> (within the restore window).</summary>
    Task RestoreOrganizationAsync(string apiKey, string organizationId, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /organizations/{organization_id}/purge</c> (admin only; releases the ID).</summary>
    Task PurgeOrganizationAsync(string apiKey, string organizationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /organizations/{organization_id}/api-keys</c>. The answer holds the secret, shown only once. Never retried.
    /// </summary>
    Task<ThingsStackApiKey> CreateOrganizationApiKeyAsync(
        string apiKey,
        string organizationId,
        string name,
        IReadOnlyCollection<string> rights,
        DateTimeOffset? expiresAt = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /organizations/{organization_id}/api-keys</c>, paged.</summary>
    IAsyncEnumerable<ThingsStackApiKey> ListOrganizationApiKeysAsync(
        string apiKey, string organizationId, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /organizations/{organization_id}/api-keys/{key_id}</c>.</summary>
    Task DeleteOrganizationApiKeyAsync(string apiKey, string organizationId, string keyId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /organizations/{organization_id}/applications</c>.</summary>
    Task<Application> CreateApplicationInOrganizationAsync(
        string apiKey, string organizationId, Application application, CancellationToken cancellationToken = default);

    /// <summary><c>POST /users/{user_id}/applications</c>.</summary>
    Task<Application> CreateApplicationForUserAsync(
        string apiKey, string userId, Application application, CancellationToken cancellationToken = default);

    /// <summary><c>GET /applications/{application_id}?field_mask=…</c>.</summary>
    Task<Application> GetApplicationAsync(
        string apiKey, string applicationId, IReadOnlyCollection<string>? fieldMask = null, CancellationToken cancellationToken = default);

    /// <summary><c>GET /applications/{application_id}/rights</c> (empty for a missing or foreign application).</summary>
    Task<IReadOnlyList<string>> ListApplicationRightsAsync(
        string apiKey, string applicationId, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /applications/{application_id}</c> (fails with <c>application_has_devices</c> while devices remain).</summary>
    Task DeleteApplicationAsync(string apiKey, string applicationId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /applications/{application_id}/restore</c>.</summary>
    Task RestoreApplicationAsync(string apiKey, string applicationId, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /applications/{application_id}/purge</c> (admin only).</summary>
    Task PurgeApplicationAsync(string apiKey, string applicationId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /applications/{application_id}/api-keys</c>. The answer holds the secret, shown only once. Never retried.</summary>
    Task<ThingsStackApiKey> CreateApplicationApiKeyAsync(
        string apiKey,
        string applicationId,
        string name,
        IReadOnlyCollection<string> rights,
        DateTimeOffset? expiresAt = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /applications/{application_id}/api-keys</c>, paged.</summary>
    IAsyncEnumerable<ThingsStackApiKey> ListApplicationApiKeysAsync(
        string apiKey, string applicationId, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /applications/{application_id}/api-keys/{key_id}</c>.</summary>
    Task DeleteApplicationApiKeyAsync(string apiKey, string applicationId, string keyId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /organizations/{organization_id}/collaborators</c>, paged: the organization's members.</summary>
    IAsyncEnumerable<Collaborator> ListOrganizationCollaboratorsAsync(
        string apiKey, string organizationId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /applications/{application_id}/collaborators</c>, paged: users and organizations with rights on it.</summary>
    IAsyncEnumerable<Collaborator> ListApplicationCollaboratorsAsync(
        string apiKey, string applicationId, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>PUT /as/webhooks/{application_id}/{webhook_id}</c> with <c>"field_mask": "a,b"</c> (create or update).
    /// A create must name <c>base_url</c> and <c>format</c> in the mask.
    /// </summary>
    Task<Webhook> SetWebhookAsync(
        string cluster,
        string apiKey,
        string applicationId,
        Webhook webhook,
        IReadOnlyCollection<string> fieldMask,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /as/webhooks/{application_id}/{webhook_id}?field_mask=…</c>.</summary>
    Task<Webhook> GetWebhookAsync(
        string cluster,
        string apiKey,
        string applicationId,
        string webhookId,
        IReadOnlyCollection<string>? fieldMask = null,
        CancellationToken cancellationToken = default);

    /// <summary><c>GET /as/webhooks/{application_id}?field_mask=…</c> (not paged by the server).</summary>
    Task<IReadOnlyList<Webhook>> ListWebhooksAsync(
        string cluster,
        string apiKey, string applicationId, IReadOnlyCollection<string>? fieldMask = null, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /as/webhooks/{application_id}/{webhook_id}</c> (also succeeds when it did not exist).</summary>
    Task DeleteWebhookAsync(
        string cluster, string apiKey, string applicationId, string webhookId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /applications/{application_id}/devices?field_mask=…</c>, paged.</summary>
    IAsyncEnumerable<EndDevice> ListEndDevicesAsync(
        string apiKey, string applicationId, IReadOnlyCollection<string>? fieldMask = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>POST /applications/{application_id}/devices</c>: the Identity Server record (first step of a device). Never retried.
    /// </summary>
    Task<EndDevice> CreateEndDeviceAsync(
        string apiKey, string applicationId, EndDevice endDevice, CancellationToken cancellationToken = default);

    /// <summary><c>PUT /{js|ns|as}/applications/{application_id}/devices/{device_id}</c> with a field mask.</summary>
    Task<EndDevice> SetEndDeviceAsync(
        string cluster,
        string apiKey,
        EndDeviceComponent component,
        string applicationId,
        EndDevice endDevice,
        IReadOnlyCollection<string> fieldMask,
        CancellationToken cancellationToken = default);

    /// <summary><c>DELETE [/{js|ns|as}]/applications/{application_id}/devices/{device_id}</c>. Delete AS → NS → JS → IS.</summary>
    Task DeleteEndDeviceAsync(
        string cluster,
        string apiKey, EndDeviceComponent component, string applicationId, string deviceId, CancellationToken cancellationToken = default);

    /// <summary><c>POST /organizations/{organization_id}/gateways</c>. Never retried.</summary>
    Task<Gateway> CreateGatewayAsync(string apiKey, string organizationId, Gateway gateway, CancellationToken cancellationToken = default);

    /// <summary><c>GET /organizations/{organization_id}/gateways?field_mask=…</c>, paged.</summary>
    IAsyncEnumerable<Gateway> ListGatewaysAsync(
        string apiKey, string organizationId, IReadOnlyCollection<string>? fieldMask = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// <c>GET /organizations/{organization_id}/applications</c>, paged: the organization's applications (soft-deleted ones only when
    /// <paramref name="deleted"/>).
    /// </summary>
    IAsyncEnumerable<Application> ListOrganizationApplicationsAsync(
        string apiKey, string organizationId, bool deleted = false, CancellationToken cancellationToken = default);

    /// <summary><c>GET /organizations/{organization_id}/gateways?deleted=true</c>, paged: the soft-deleted ones (to purge them).</summary>
    IAsyncEnumerable<Gateway> ListDeletedGatewaysAsync(string apiKey, string organizationId, CancellationToken cancellationToken = default);

    /// <summary><c>GET /gateways/{gateway_id}</c> (public fields; 404 once deleted).</summary>
    Task<Gateway> GetGatewayAsync(string apiKey, string gatewayId, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /gateways/{gateway_id}</c> (soft delete; the EUI is released at once).</summary>
    Task DeleteGatewayAsync(string apiKey, string gatewayId, CancellationToken cancellationToken = default);

    /// <summary><c>DELETE /gateways/{gateway_id}/purge</c> (admin only).</summary>
    Task PurgeGatewayAsync(string apiKey, string gatewayId, CancellationToken cancellationToken = default);
}
