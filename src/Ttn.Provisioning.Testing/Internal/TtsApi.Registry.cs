using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>Create, get, list, rights, delete, restore and purge, shared by organizations, applications and gateways.</summary>
internal sealed partial class TtsApi
{
    private static string Name(EntityKind kind) => Errors.KindName(kind);

    private static string Upper(EntityKind kind) => Name(kind).ToUpperInvariant();

    private static string IdsMessage(EntityKind kind) => kind switch
    {
        EntityKind.Organization => "OrganizationIdentifiers",
        EntityKind.Application => "ApplicationIdentifiers",
        _ => "GatewayIdentifiers",
    };

    /// <summary>Creates an entity from <c>{"&lt;kind&gt;":{…}}</c>, owned by a user or an organization (which gets RIGHT_ALL).</summary>
    private ApiResult CreateRegistry(RequestContext context, EntityKind kind, EntityKind ownerKind, string ownerId)
    {
        var entityJson = Obj(context.Body, Name(kind));
        var id = Identifiers.Require(Str(entityJson, "ids", $"{Name(kind)}_id"), $"{Name(kind)}_id", IdsMessage(kind));
        var eui = kind == EntityKind.Gateway ? Identifiers.Eui(Str(entityJson, "ids", "eui"), "eui", IdsMessage(kind)) : null;
        var fields = WritableFields(entityJson);
        ValidateFields(fields, char.ToUpperInvariant(Name(kind)[0]) + Name(kind)[1..]);

        var createRight = $"RIGHT_{Upper(ownerKind)}_{Upper(kind)}S_CREATE";
        Require(context, ownerKind, ownerId, createRight);
        if (ownerKind == EntityKind.User && context.Caller is not { IsAdmin: true })
        {
            if (kind == EntityKind.Organization && !_options.UsersMayCreateOrganizations)
            {
                throw new TtsException(Errors.AdminsCreateOrganizations());
            }
            if (kind == EntityKind.Application && !_options.UsersMayCreateApplications)
            {
                throw new TtsException(Errors.AdminsCreateApplications());
            }
        }
        Identifiers.CheckBlocklist(id);

        var registry = _state.Registry(kind);
        if (kind == EntityKind.Organization && (registry.ContainsKey(id) || _state.Users.ContainsKey(id)))
        {
            throw new TtsException(Errors.AlreadyExists());
        }
        if (registry.ContainsKey(id))
        {
            throw new TtsException(Errors.IdTaken());
        }
        if (eui is not null && _state.Gateways.Values.FirstOrDefault(g => !g.IsDeleted && g.Eui == eui) is { } holder)
        {
            throw new TtsException(Errors.GatewayEuiTaken(eui, holder.Id, ContactId(holder.Fields["administrative_contact"])));
        }
        return new ApiResult(RegistryJson(AddEntity(kind, id, eui, fields, ownerKind, ownerId, context.Now), mask: null));
    }

    /// <summary>Stores a new entity; its creator becomes collaborator with RIGHT_ALL and, unless given, both contacts.</summary>
    private RegistryEntity AddEntity(EntityKind kind, string id, string? eui, JsonObject fields, EntityKind ownerKind, string ownerId,
        DateTimeOffset now)
    {
        var entity = new RegistryEntity(kind, id, now) { Fields = fields, Eui = eui };
        var members = ownerKind == EntityKind.User ? entity.Users : entity.Organizations;
        members[ownerId] = new Membership(["RIGHT_ALL"]);
        var contact = EntityIdsJson(ownerKind, ownerId);
        fields["administrative_contact"] ??= contact.DeepClone();
        fields["technical_contact"] ??= contact.DeepClone();
        _state.Registry(kind)[id] = entity;
        return entity;
    }

    /// <summary>The ID inside <c>{"user_ids":{"user_id":…}}</c> or <c>{"organization_ids":{"organization_id":…}}</c>.</summary>
    private static string? ContactId(JsonNode? contact) =>
        Str(contact, "user_ids", "user_id") ?? Str(contact, "organization_ids", "organization_id");

    /// <summary>PUT: writes the masked fields (the <c>SETTINGS_BASIC</c> right); ids and timestamps cannot be written.</summary>
    private ApiResult UpdateRegistry(RequestContext context, EntityKind kind, string id)
    {
        var mask = FieldMask(context.Body);
        var forbidden = mask.Where(p => p.Split('.')[0] is "ids" or "created_at" or "updated_at" or "deleted_at").ToList();
        if (forbidden.Count > 0)
        {
            throw new TtsException(Errors.FieldMaskPaths(forbidden));
        }
        Require(context, kind, id, $"RIGHT_{Upper(kind)}_SETTINGS_BASIC");
        var entity = _state.Registry(kind)[id];
        var fields = (JsonObject)entity.Fields.DeepClone();
        FieldMasks.Apply(fields, Obj(context.Body, Name(kind)), mask);
        ValidateFields(fields, char.ToUpperInvariant(Name(kind)[0]) + Name(kind)[1..]);
        entity.Fields = fields;
        entity.UpdatedAt = context.Now;
        return new ApiResult(RegistryJson(entity, [.. FieldMasks.TopLevel(mask)]));
    }

    /// <summary>GET: the masked fields with the INFO right; only the public fields (or 404) without it.</summary>
    private ApiResult GetRegistry(RequestContext context, EntityKind kind, string id)
    {
        var mask = ReadMask(context);
        var rights = RightsOn(context.Caller, kind, id);
        var live = _state.Registry(kind).TryGetValue(id, out var entity) && !entity.IsDeleted;
        if (rights.Contains($"RIGHT_{Upper(kind)}_INFO") && live)
        {
            return new ApiResult(RegistryJson(entity!, mask));
        }
        string[] publicFields = ["name", "administrative_contact", "technical_contact"];
        if (mask.All(publicFields.Contains))
        {
            return live
                ? new ApiResult(RegistryJson(entity!, mask))
                : throw new TtsException(Errors.NotFound(kind, id));
        }
        throw new TtsException(rights.Count == 0
            ? Errors.NoRights(kind, id)
            : Errors.InsufficientRights(kind, id, [$"RIGHT_{Upper(kind)}_INFO"]));
    }

    /// <summary><c>GET …/rights</c>: the caller's rights, <c>{}</c> when none.</summary>
    private ApiResult RegistryRights(RequestContext context, EntityKind kind, string id)
    {
        var rights = RightsOn(context.Caller, kind, id);
        return rights.Count == 0 ? Empty() : new ApiResult(new JsonObject { ["rights"] = Rights.ToJson(rights) });
    }

    /// <summary>Lists the entities an owner collaborates on (<c>deleted=true</c>: only soft-deleted ones), paged.</summary>
    private ApiResult ListRegistry(RequestContext context, EntityKind kind, EntityKind ownerKind, string ownerId)
    {
        Require(context, ownerKind, ownerId, $"RIGHT_{Upper(ownerKind)}_{Upper(kind)}S_LIST");
        var deleted = string.Equals(context.QueryValue("deleted"), "true", StringComparison.OrdinalIgnoreCase);
        var items = _state.Registry(kind).Values
            .Where(e => e.IsDeleted == deleted)
            .Where(e => ownerKind == EntityKind.User ? e.Users.ContainsKey(ownerId) : e.Organizations.ContainsKey(ownerId))
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id, StringComparer.Ordinal);
        var (page, total) = Paginate(items, context);
        var mask = ReadMask(context);
        return new ApiResult(
            new JsonObject { [Name(kind) + "s"] = new JsonArray([.. page.Select(e => (JsonNode)RegistryJson(e, mask))]) },
            total);
    }

    private ApiResult DeleteRegistry(RequestContext context, EntityKind kind, string id)
    {
        Require(context, kind, id, $"RIGHT_{Upper(kind)}_DELETE");
        var entity = _state.Registry(kind)[id];
        if (kind == EntityKind.Application)
        {
            RequireNoDevices(id);
        }
        entity.DeletedAt = context.Now;
        entity.UpdatedAt = context.Now;
        if (kind == EntityKind.Gateway)
        {
            entity.Eui = null; // the EUI index is partial: the EUI is released at once and not restored
        }
        return Empty();
    }

    private ApiResult RestoreRegistry(RequestContext context, EntityKind kind, string id)
    {
        Require(context, kind, id, includeDeleted: true, $"RIGHT_{Upper(kind)}_DELETE");
        var entity = _state.Registry(kind)[id];
        if (entity.DeletedAt is { } deletedAt)
        {
            if (context.Now - deletedAt > _options.RestoreWindow)
            {
                throw new TtsException(Errors.RestoreWindowExpired());
            }
            entity.DeletedAt = null;
            entity.UpdatedAt = context.Now;
        }
        return Empty();
    }

    /// <summary>Admin only. Removes the entity, its API keys and memberships, and frees the ID.</summary>
    private ApiResult PurgeRegistry(RequestContext context, EntityKind kind, string id)
    {
        RequireAdmin(context, Errors.AdminsPurge(kind));
        var registry = _state.Registry(kind);
        if (!registry.ContainsKey(id))
        {
            throw new TtsException(Errors.NotFound(kind, id));
        }
        if (kind == EntityKind.Application)
        {
            RequireNoDevices(id);
        }
        registry.Remove(id);
        foreach (var key in _state.ApiKeys.Values.Where(k => k.OwnerKind == kind && k.OwnerId == id).ToList())
        {
            _state.ApiKeys.Remove(key.Id);
        }
        if (kind == EntityKind.Organization)
        {
            foreach (var entity in _state.Applications.Values.Concat(_state.Gateways.Values))
            {
                entity.Organizations.Remove(id);
            }
        }
        return Empty();
    }

    private void RequireNoDevices(string applicationId)
    {
        var count = _state.IdentityServerDevices.Values.Count(d => d.ApplicationId == applicationId);
        if (count > 0)
        {
            throw new TtsException(Errors.ApplicationHasDevices(count));
        }
    }
}
