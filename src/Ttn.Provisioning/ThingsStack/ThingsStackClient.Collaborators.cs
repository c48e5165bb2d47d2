namespace Ttn.Provisioning.ThingsStack;

/// <summary>Collaborators of organizations and applications (Identity Server), paged.</summary>
internal sealed partial class ThingsStackClient
{
    public IAsyncEnumerable<Collaborator> ListOrganizationCollaboratorsAsync(
        string apiKey, string organizationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        return ListPagedAsync(
            "/organizations/{organization_id}/collaborators",
            $"/organizations/{organizationId}/collaborators",
            null,
            apiKey,
            Json.CollaboratorList,
            static p => p.Collaborators,
            cancellationToken);
    }

    public IAsyncEnumerable<Collaborator> ListApplicationCollaboratorsAsync(
        string apiKey, string applicationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        return ListPagedAsync(
            "/applications/{application_id}/collaborators",
            $"/applications/{applicationId}/collaborators",
            null,
            apiKey,
            Json.CollaboratorList,
            static p => p.Collaborators,
            cancellationToken);
    }
}
