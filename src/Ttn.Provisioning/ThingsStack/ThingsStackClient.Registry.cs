namespace Ttn.Provisioning.ThingsStack;

/// <summary>Organizations and applications (Identity Server); their API keys are in ThingsStackClient.ApiKeys.cs.</summary>
internal sealed partial class ThingsStackClient
{
    // ---- organizations ----

    public async Task<Organization> CreateOrganizationAsync(
        string apiKey, string userId, Organization organization, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(userId, nameof(userId), ThingsStackIdKind.User);
        ArgumentNullException.ThrowIfNull(organization);
        ThingsStackIds.Validate(organization.Ids?.OrganizationId, nameof(organization));
        var body = Content(new OrganizationCreateRequest(organization), Json.OrganizationCreateRequest);
        var result = await SendAsync(
            HttpMethod.Post,
            "/users/{user_id}/organizations",
            $"/users/{userId}/organizations",
            null,
            apiKey,
            body,
            Json.Organization,
            cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public async Task<Organization> GetOrganizationAsync(
        string apiKey, string organizationId, IReadOnlyCollection<string>? fieldMask = null, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        var path = $"/organizations/{organizationId}" + ReadMask(fieldMask, '?');
        var result = await SendAsync(
            HttpMethod.Get,
            "/organizations/{organization_id}",
            path,
            null,
            apiKey,
            null,
            Json.Organization,
            cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public async Task<IReadOnlyList<string>> ListOrganizationRightsAsync(
        string apiKey, string organizationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        var result = await SendAsync(
            HttpMethod.Get,
            "/organizations/{organization_id}/rights",
            $"/organizations/{organizationId}/rights",
            null,
            apiKey,
            null,
            Json.RightsList,
            cancellationToken).ConfigureAwait(false);
        return result.Value.Rights ?? [];
    }

    public Task DeleteOrganizationAsync(string apiKey, string organizationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        return SendEmptyAsync(
            HttpMethod.Delete, "/organizations/{organization_id}", $"/organizations/{organizationId}", null, apiKey, cancellationToken);
    }

    public Task RestoreOrganizationAsync(string apiKey, string organizationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        return SendEmptyAsync(
            HttpMethod.Post,
            "/organizations/{organization_id}/restore",
            $"/organizations/{organizationId}/restore",
            null,
            apiKey,
            cancellationToken);
    }

    public Task PurgeOrganizationAsync(string apiKey, string organizationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        return SendEmptyAsync(
            HttpMethod.Delete,
            "/organizations/{organization_id}/purge",
            $"/organizations/{organizationId}/purge",
            null,
            apiKey,
            cancellationToken);
    }

    // ---- applications ----

    public Task<Application> CreateApplicationInOrganizationAsync(
        string apiKey, string organizationId, Application application, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        return CreateApplicationAsync(
            apiKey,
            "/organizations/{organization_id}/applications",
            $"/organizations/{organizationId}/applications",
            application,
            cancellationToken);
    }

    public Task<Application> CreateApplicationForUserAsync(
        string apiKey, string userId, Application application, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(userId, nameof(userId), ThingsStackIdKind.User);
        return CreateApplicationAsync(
            apiKey, "/users/{user_id}/applications", $"/users/{userId}/applications", application, cancellationToken);
    }

    public async Task<Application> GetApplicationAsync(
        string apiKey, string applicationId, IReadOnlyCollection<string>? fieldMask = null, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        var path = $"/applications/{applicationId}" + ReadMask(fieldMask, '?');
        var result = await SendAsync(
            HttpMethod.Get,
            "/applications/{application_id}",
            path,
            null,
            apiKey,
            null,
            Json.Application,
            cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public async Task<IReadOnlyList<string>> ListApplicationRightsAsync(
        string apiKey, string applicationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        var result = await SendAsync(
            HttpMethod.Get,
            "/applications/{application_id}/rights",
            $"/applications/{applicationId}/rights",
            null,
            apiKey,
            null,
            Json.RightsList,
            cancellationToken).ConfigureAwait(false);
        return result.Value.Rights ?? [];
    }

    public Task DeleteApplicationAsync(string apiKey, string applicationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        return SendEmptyAsync(
            HttpMethod.Delete, "/applications/{application_id}", $"/applications/{applicationId}", null, apiKey, cancellationToken);
    }

    public Task RestoreApplicationAsync(string apiKey, string applicationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        return SendEmptyAsync(
            HttpMethod.Post,
            "/applications/{application_id}/restore",
            $"/applications/{applicationId}/restore",
            null,
            apiKey,
            cancellationToken);
    }

    public Task PurgeApplicationAsync(string apiKey, string applicationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        return SendEmptyAsync(
            HttpMethod.Delete,
            "/applications/{application_id}/purge",
            $"/applications/{applicationId}/purge",
            null,
            apiKey,
            cancellationToken);
    }

    public IAsyncEnumerable<Application> ListOrganizationApplicationsAsync(
        string apiKey, string organizationId, bool deleted = false, CancellationToken cancellationToken = default)
    {
        ValidateApiKey(apiKey);
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        return ListPagedAsync(
            "/organizations/{organization_id}/applications",
            $"/organizations/{organizationId}/applications",
            deleted ? "deleted=true" : null,
            apiKey,
            Json.ApplicationList,
            static p => p.Applications,
            cancellationToken);
    }

    private async Task<Application> CreateApplicationAsync(
        string apiKey, string route, string path, Application application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ThingsStackIds.Validate(application.Ids?.ApplicationId, nameof(application));
        var wire = application with { CreatedAt = null, UpdatedAt = null, DeletedAt = null };
        var body = Content(new ApplicationCreateRequest(wire), Json.ApplicationCreateRequest);
        var result = await SendAsync(HttpMethod.Post, route, path, null, apiKey, body, Json.Application, cancellationToken)
            .ConfigureAwait(false);
        return result.Value;
    }
}
