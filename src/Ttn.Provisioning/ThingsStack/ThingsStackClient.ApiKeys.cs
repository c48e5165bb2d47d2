namespace Ttn.Provisioning.ThingsStack;

/// <summary>API keys of organizations and applications (Identity Server): the same three calls under either entity.</summary>
internal sealed partial class ThingsStackClient
{
    public Task<ThingsStackApiKey> CreateOrganizationApiKeyAsync(
        string apiKey,
        string organizationId,
        string name,
        IReadOnlyCollection<string> rights,
        DateTimeOffset? expiresAt = null,
        CancellationToken cancellationToken = default) =>
        CreateApiKeyAsync(Organizations, apiKey, organizationId, name, rights, expiresAt, cancellationToken);

    public IAsyncEnumerable<ThingsStackApiKey> ListOrganizationApiKeysAsync(
        string apiKey, string organizationId, CancellationToken cancellationToken = default) =>
        ListApiKeysAsync(Organizations, apiKey, organizationId, cancellationToken);

    public Task DeleteOrganizationApiKeyAsync(
        string apiKey, string organizationId, string keyId, CancellationToken cancellationToken = default) =>
        DeleteApiKeyAsync(Organizations, apiKey, organizationId, keyId, cancellationToken);

    public Task<ThingsStackApiKey> CreateApplicationApiKeyAsync(
        string apiKey,
        string applicationId,
        string name,
        IReadOnlyCollection<string> rights,
        DateTimeOffset? expiresAt = null,
        CancellationToken cancellationToken = default) =>
        CreateApiKeyAsync(Applications, apiKey, applicationId, name, rights, expiresAt, cancellationToken);

    public IAsyncEnumerable<ThingsStackApiKey> ListApplicationApiKeysAsync(
        string apiKey, string applicationId, CancellationToken cancellationToken = default) =>
        ListApiKeysAsync(Applications, apiKey, applicationId, cancellationToken);

    public Task DeleteApplicationApiKeyAsync(
        string apiKey, string applicationId, string keyId, CancellationToken cancellationToken = default) =>
        DeleteApiKeyAsync(Applications, apiKey, applicationId, keyId, cancellationToken);

    /// <summary>The path segment and route parameter of an entity that holds API keys.</summary>
    private readonly record struct KeyHolder(string Segment, string Parameter);

    private static readonly KeyHolder Organizations = new("organizations", "organization_id");
    private static readonly KeyHolder Applications = new("applications", "application_id");

    private async Task<ThingsStackApiKey> CreateApiKeyAsync(
        KeyHolder holder,
        string apiKey,
        string entityId,
        string name,
        IReadOnlyCollection<string> rights,
        DateTimeOffset? expiresAt,
        CancellationToken cancellationToken)
    {
        ThingsStackIds.Validate(entityId, nameof(entityId));
        var body = Content(ApiKeyRequest(name, rights, expiresAt), Json.ApiKeyCreateRequest);
        var result = await SendAsync(
            HttpMethod.Post,
            $"/{holder.Segment}/{{{holder.Parameter}}}/api-keys",
            $"/{holder.Segment}/{entityId}/api-keys",
            null,
            apiKey,
            body,
            Json.ThingsStackApiKey,
            cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    private IAsyncEnumerable<ThingsStackApiKey> ListApiKeysAsync(
        KeyHolder holder, string apiKey, string entityId, CancellationToken cancellationToken)
    {
        ValidateApiKey(apiKey);
        ThingsStackIds.Validate(entityId, nameof(entityId));
        return ListPagedAsync(
            $"/{holder.Segment}/{{{holder.Parameter}}}/api-keys",
            $"/{holder.Segment}/{entityId}/api-keys",
            null,
            apiKey,
            Json.ApiKeyList,
            static p => p.ApiKeys,
            cancellationToken);
    }

    private Task DeleteApiKeyAsync(KeyHolder holder, string apiKey, string entityId, string keyId, CancellationToken cancellationToken)
    {
        ThingsStackIds.Validate(entityId, nameof(entityId));
        ValidateKeyId(keyId);
        return SendEmptyAsync(
            HttpMethod.Delete,
            $"/{holder.Segment}/{{{holder.Parameter}}}/api-keys/{{key_id}}",
            $"/{holder.Segment}/{entityId}/api-keys/{keyId}",
            null,
            apiKey,
            cancellationToken);
    }

    private static ApiKeyCreateRequest ApiKeyRequest(string name, IReadOnlyCollection<string> rights, DateTimeOffset? expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 50)
        {
            throw new ArgumentException("An API key name must be at most 50 characters long.", nameof(name));
        }

        ArgumentNullException.ThrowIfNull(rights);
        var normalized = rights.Select(ThingsStackRights.Normalize).Distinct(StringComparer.Ordinal).ToArray();
        if (normalized.Length == 0)
        {
            throw new ArgumentException("An API key needs at least one right.", nameof(rights));
        }

        return new ApiKeyCreateRequest(name, normalized, expiresAt?.ToUniversalTime());
    }
}
