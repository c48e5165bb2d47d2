namespace Ttn.Provisioning.ThingsStack;

/// <summary><c>OrganizationOrUserIdentifiers</c>: exactly one member is set.</summary>
internal sealed record OrganizationOrUserIdentifiers
{
    public OrganizationIdentifiers? OrganizationIds { get; init; }

    public UserIdentifiers? UserIds { get; init; }

    /// <summary>The member as <c>user:{id}</c> or <c>organization:{id}</c>, for comparisons and messages.</summary>
    public string Describe() => UserIds is { } user ? $"user:{user.UserId}" : $"organization:{OrganizationIds?.OrganizationId}";
}

/// <summary><c>Collaborator</c>: a member of an organization or a collaborator of an application, with its rights.</summary>
internal sealed record Collaborator(OrganizationOrUserIdentifiers Ids, IReadOnlyList<string>? Rights = null);

/// <summary><c>Collaborators</c>: one page of a collaborator listing.</summary>
internal sealed record CollaboratorList(IReadOnlyList<Collaborator>? Collaborators);
