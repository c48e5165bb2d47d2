using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>
/// Organization members and application collaborators (pkg/identityserver/*_access.go). The entity's
/// user and organization membership maps are the state the rights checks read, so a change here changes who may act.
/// </summary>
internal sealed partial class TtsApi
{
    private void MapCollaborators()
    {
        const EntityKind Org = EntityKind.Organization;
        const EntityKind App = EntityKind.Application;
        _router.Map("GET", "/organizations/{id}/collaborators", c => ListCollaborators(c, Org));
        _router.Map("PUT", "/organizations/{id}/collaborators", c => SetCollaborator(c, Org));
        _router.Map("GET", "/organizations/{id}/collaborator/user/{member}", c => GetCollaborator(c, Org, EntityKind.User));
        _router.Map("DELETE", "/organizations/{id}/collaborators/user/{member}", c => DeleteCollaborator(c, Org, EntityKind.User));
        _router.Map("GET", "/applications/{id}/collaborators", c => ListCollaborators(c, App));
        _router.Map("PUT", "/applications/{id}/collaborators", c => SetCollaborator(c, App));
        foreach (var (memberKind, segment) in new[] { (EntityKind.User, "user"), (EntityKind.Organization, "organization") })
        {
            _router.Map("GET", $"/applications/{{id}}/collaborator/{segment}/{{member}}", c => GetCollaborator(c, App, memberKind));
            _router.Map("DELETE", $"/applications/{{id}}/collaborator/{segment}/{{member}}", c => DeleteCollaborator(c, App, memberKind));
        }
    }

    private static string CollaboratorsRight(EntityKind kind) =>
        kind == EntityKind.Organization ? "RIGHT_ORGANIZATION_SETTINGS_MEMBERS" : "RIGHT_APPLICATION_SETTINGS_COLLABORATORS";

    private static Dictionary<string, Membership> Members(RegistryEntity entity, EntityKind memberKind) =>
        memberKind == EntityKind.User ? entity.Users : entity.Organizations;

    /// <summary>Any authenticated caller may list; without the collaborators right only the identifiers are shown.</summary>
    private ApiResult ListCollaborators(RequestContext context, EntityKind kind)
    {
        if (context.Caller is null)
        {
            throw new TtsException(Errors.Unauthenticated());
        }
        var entity = LiveEntity(kind, context["id"]);
        var withRights = RightsOn(context.Caller, kind, entity.Id).Contains(CollaboratorsRight(kind));
        var members = entity.Users.Select(m => (Kind: EntityKind.User, Id: m.Key, m.Value))
            .Concat(entity.Organizations.Select(m => (Kind: EntityKind.Organization, Id: m.Key, m.Value)));
        members = context.QueryValue("order") == "-id"
            ? members.OrderByDescending(m => m.Id, StringComparer.Ordinal)
            : members.OrderBy(m => m.Id, StringComparer.Ordinal);
        var (page, total) = Paginate(members, context);
        var list = page.Select(m => (JsonNode)CollaboratorJson(m.Kind, m.Id, withRights ? m.Value : null));
        return new ApiResult(new JsonObject { ["collaborators"] = new JsonArray([.. list]) }, total);
    }

    private ApiResult GetCollaborator(RequestContext context, EntityKind kind, EntityKind memberKind)
    {
        Require(context, kind, context["id"], CollaboratorsRight(kind));
        var entity = LiveEntity(kind, context["id"]);
        return Members(entity, memberKind).TryGetValue(context["member"], out var membership)
            ? new ApiResult(CollaboratorJson(memberKind, context["member"], membership))
            : throw new TtsException(Errors.MembershipNotFound(memberKind, context["member"], kind, entity.Id));
    }

    /// <summary>
    /// Sets a collaborator's rights (empty rights remove it). The caller must hold every right added and, unless removing,
    /// every right taken away; the last collaborator with all rights cannot lose them; organizations cannot be members of
    /// organizations.
    /// </summary>
    private ApiResult SetCollaborator(RequestContext context, EntityKind kind)
    {
        Require(context, kind, context["id"], CollaboratorsRight(kind));
        var collaborator = Obj(context.Body, "collaborator");
        var (memberKind, memberId) = CollaboratorIds(collaborator);
        if (kind == EntityKind.Organization && memberKind == EntityKind.Organization)
        {
            throw new TtsException(Errors.NestedOrganizations());
        }
        var raw = ParseRights(collaborator["rights"]);
        var entity = LiveEntity(kind, context["id"]);
        var members = Members(entity, memberKind);
        var existing = members.TryGetValue(memberId, out var current) ? current.Expanded : [];
        var wanted = Rights.Expand(raw);
        var added = wanted.Except(existing).ToArray();
        var removed = existing.Except(wanted).ToArray();
        if (added.Length > 0)
        {
            Require(context, kind, entity.Id, added);
        }
        if (wanted.Count > 0 && removed.Length > 0)
        {
            Require(context, kind, entity.Id, removed);
        }
        if (RemovesLastOwner(entity, kind, memberKind, memberId, current?.Rights, raw))
        {
            throw new TtsException(Errors.NeedsCollaborator(kind));
        }
        if (raw.Count == 0)
        {
            members.Remove(memberId);
            return Empty();
        }
        var accountExists = memberKind == EntityKind.User ? _state.Users.ContainsKey(memberId) : _state.Organizations.ContainsKey(memberId);
        if (!accountExists)
        {
            throw new TtsException(Errors.AccountNotFound(memberKind, memberId));
        }
        members[memberId] = new Membership(raw);
        return Empty();
    }

    /// <summary>Refuses removing a contact, and (with TTS's own error name, for applications too) the last owner.</summary>
    private ApiResult DeleteCollaborator(RequestContext context, EntityKind kind, EntityKind memberKind)
    {
        Require(context, kind, context["id"], CollaboratorsRight(kind));
        var entity = LiveEntity(kind, context["id"]);
        var memberId = context["member"];
        var members = Members(entity, memberKind);
        if (!members.TryGetValue(memberId, out var membership))
        {
            throw new TtsException(Errors.MembershipNotFound(memberKind, memberId, kind, entity.Id));
        }
        var ids = EntityIdsJson(memberKind, memberId).ToJsonString();
        if (entity.Fields["administrative_contact"]?.ToJsonString() == ids || entity.Fields["technical_contact"]?.ToJsonString() == ids)
        {
            throw new TtsException(Errors.CollaboratorIsContact(memberId));
        }
        if (RemovesLastOwner(entity, kind, memberKind, memberId, membership.Rights, []))
        {
            throw new TtsException(Errors.NeedsCollaborator(EntityKind.Organization));
        }
        members.Remove(memberId);
        return Empty();
    }

    /// <summary>
    /// Whether the member loses the entity's <c>_ALL</c> right (held through it or <c>RIGHT_ALL</c>, as TTS's implied
    /// rights count) while no other collaborator holds it.
    /// </summary>
    private static bool RemovesLastOwner(RegistryEntity entity, EntityKind kind, EntityKind memberKind, string memberId,
        IReadOnlyList<string>? before,
        IReadOnlyList<string> after)
    {
        var all = $"RIGHT_{Upper(kind)}_ALL";
        bool Owns(IEnumerable<string>? rights) => rights?.Any(r => r == all || r == "RIGHT_ALL") == true;
        if (!Owns(before) || Owns(after))
        {
            return false;
        }
        var others = entity.Users.Where(m => memberKind != EntityKind.User || m.Key != memberId)
            .Concat(entity.Organizations.Where(m => memberKind != EntityKind.Organization || m.Key != memberId));
        return !others.Any(m => Owns(m.Value.Rights));
    }

    private RegistryEntity LiveEntity(EntityKind kind, string id) =>
        _state.Registry(kind).TryGetValue(id, out var entity) && !entity.IsDeleted ? entity
            : throw new TtsException(Errors.NotFound(kind, id));

    private static (EntityKind Kind, string Id) CollaboratorIds(JsonObject collaborator)
    {
        if (Str(collaborator, "ids", "user_ids", "user_id") is { } userId)
        {
            return (EntityKind.User, Identifiers.Require(userId, "user_id", "UserIdentifiers", user: true));
        }
        if (Str(collaborator, "ids", "organization_ids", "organization_id") is { } organizationId)
        {
            return (EntityKind.Organization, Identifiers.Require(organizationId, "organization_id", "OrganizationIdentifiers"));
        }
        throw new TtsException(Errors.Validation("ids", "value is required", "CollaboratorValidationError"));
    }

    /// <summary>The rights of a collaborator; unlike an API key's they may be empty (which removes the collaborator).</summary>
    private static List<string> ParseRights(JsonNode? node)
    {
        var rights = new List<string>();
        foreach (var item in node as JsonArray ?? [])
        {
            if (!Rights.TryParse(item, out var right))
            {
                throw new TtsException(Errors.Validation("rights", "value must be one of the defined enum values",
                    "RightsValidationError"));
            }
            if (!rights.Contains(right))
            {
                rights.Add(right);
            }
        }
        return rights;
    }

    private static JsonObject CollaboratorJson(EntityKind memberKind, string memberId, Membership? membership)
    {
        var json = new JsonObject { ["ids"] = EntityIdsJson(memberKind, memberId) };
        if (membership is not null)
        {
            json["rights"] = new JsonArray([.. membership.Rights.Select(r => (JsonNode)r)]);
        }
        return json;
    }
}
