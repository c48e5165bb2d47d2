namespace Ttn.Provisioning.ThingsStack;

/// <summary>API keys of organizations and applications (Identity Server).</summary>
internal sealed partial class ThingsStackClient
{
    // ---- organization API keys ----

    public async Task<ThingsStackApiKey> CreateOrganizationApiKeyAsync(
        string apiKey,
        string organizationId,
        string name,
        IReadOnlyCollection<string> rights,
        DateTimeOffset? expiresAt = null,
        CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        var body = Content(ApiKeyRequest(name, rights, expiresAt), Json.ApiKeyCreateRequest);
        var result = await SendAsync(
            HttpMethod.Post,
            "/organizations/{organization_id}/api-keys",
            $"/organizations/{organizationId}/api-keys",
            null,
            apiKey,
            body,
            Json.ThingsStackApiKey,
            cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public IAsyncEnumerable<ThingsStackApiKey> ListOrganizationApiKeysAsync(
        string apiKey, string organizationId, CancellationToken cancellationToken = default)
    {
        ValidateApiKey(apiKey);
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        return ListPagedAsync(
            "/organizations/{organization_id}/api-keys",
            $"/organizations/{organizationId}/api-keys",
            null,
            apiKey,
            Json.ApiKeyList,
            static p => p.ApiKeys,
            cancellationToken);
    }

    public Task DeleteOrganizationApiKeyAsync(
        string apiKey, string organizationId, string keyId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        ValidateKeyId(keyId);
        return SendEmptyAsync(
            HttpMethod.Delete,
            "/organizations/{organization_id}/api-keys/{key_id}",
            $"/organizations/{organizationId}/api-keys/{keyId}",
            null,
            apiKey,
            cancellationToken);
    }

    // ---- application API keys ----

    public async Task<ThingsStackApiKey> CreateApplicationApiKeyAsync(
        string apiKey,
        string applicationId,
        string name,
        IReadOnlyCollection<string> rights,
        DateTimeOffset? expiresAt = null,
        CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        var body = Content(ApiKeyRequest(name, rights, expiresAt), Json.ApiKeyCreateRequest);
        var result = await SendAsync(
            HttpMethod.Post,
            "/applications/{application_id}/api-keys",
            $"/applications/{applicationId}/api-keys",
            null,
            apiKey,
            body,
            Json.ThingsStackApiKey,
            cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public IAsyncEnumerable<ThingsStackApiKey> ListApplicationApiKeysAsync(
        string apiKey, string applicationId, CancellationToken cancellationToken = default)
    {
        ValidateApiKey(apiKey);
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        return ListPagedAsync(
            "/applications/{application_id}/api-keys",
            $"/applications/{applicationId}/api-keys",
            null,
            apiKey,
            Json.ApiKeyList,
            static p => p.ApiKeys,
            cancellationToken);
    }

    public Task DeleteApplicationApiKeyAsync(
        string apiKey, string applicationId, string keyId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        ValidateKeyId(keyId);
        return SendEmptyAsync(
            HttpMethod.Delete,
            "/applications/{application_id}/api-keys/{key_id}",
            $"/applications/{applicationId}/api-keys/{keyId}",
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
