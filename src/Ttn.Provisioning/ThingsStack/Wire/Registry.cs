
namespace Ttn.Provisioning.ThingsStack;

// Organizations and applications in the Identity Server.
// Only the fields the library uses are modelled; unknown fields in answers are ignored, null fields left out of requests.

/// <summary><c>Organization</c>.</summary>
internal sealed record Organization
{
    public required OrganizationIdentifiers Ids { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}

/// <summary><c>Application</c>.</summary>
internal sealed record Application
{
    public required ApplicationIdentifiers Ids { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public string? NetworkServerAddress { get; init; }

    public string? ApplicationServerAddress { get; init; }

    public string? JoinServerAddress { get; init; }
}
