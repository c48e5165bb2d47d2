namespace Ttn.Provisioning.Testing.Internal;

/// <summary>Effective rights of an API key on an entity, and the checks that answer 403 as TTS does.</summary>
internal sealed partial class TtsApi
{
    /// <summary>
    /// The key's expanded rights intersected with what its owner holds on the target: a user through its own
    /// membership or an organization it belongs to; an organization on itself and where it is a collaborator;
    /// an application or gateway on itself. An admin user holds every right. Deleted entities give no rights
    /// unless <paramref name="includeDeleted"/> (restore).
    /// </summary>
    private HashSet<string> RightsOn(Caller? caller, EntityKind kind, string id, bool includeDeleted = false)
    {
        var none = new HashSet<string>(StringComparer.Ordinal);
        if (caller is null)
        {
            return none;
        }
        RegistryEntity? target = null;
        if (kind == EntityKind.User)
        {
            if (!_state.Users.ContainsKey(id))
            {
                return none;
            }
        }
        else if (!_state.Registry(kind).TryGetValue(id, out target) || (target.IsDeleted && !includeDeleted))
        {
            return none;
        }

        var key = caller.Key;
        HashSet<string> held;
        if (caller.IsAdmin)
        {
            held = [.. Rights.AllConcrete];
        }
        else
        {
            held = key.OwnerKind switch
            {
                EntityKind.User when kind == EntityKind.User => key.OwnerId == id ? [.. Rights.AllConcrete] : none,
                EntityKind.User => UserRightsOn(key.OwnerId, target!),
                EntityKind.Organization when kind == EntityKind.Organization => key.OwnerId == id ? [.. Rights.AllConcrete] : none,
                EntityKind.Organization when kind is EntityKind.Application or EntityKind.Gateway =>
                    OrganizationLive(key.OwnerId) && target!.Organizations.TryGetValue(key.OwnerId, out var orgRights) ? orgRights.Expanded
                        : none,
                _ => key.OwnerKind == kind && key.OwnerId == id ? [.. Rights.AllConcrete] : none,
            };
        }
        var result = new HashSet<string>(key.Expanded, StringComparer.Ordinal);
        result.IntersectWith(held);
        return result;
    }

    private bool OrganizationLive(string organizationId) =>
        _state.Organizations.TryGetValue(organizationId, out var org) && !org.IsDeleted;

    private HashSet<string> UserRightsOn(string userId, RegistryEntity target)
    {
        var held = new HashSet<string>(StringComparer.Ordinal);
        if (target.Users.TryGetValue(userId, out var direct))
        {
            held.UnionWith(direct.Expanded);
        }
        foreach (var (orgId, orgRightsOnTarget) in target.Organizations)
        {
            if (_state.Organizations.TryGetValue(orgId, out var org) && !org.IsDeleted && org.Users.TryGetValue(userId, out var membership))
            {
                held.UnionWith(orgRightsOnTarget.Expanded.Intersect(membership.Expanded));
            }
        }
        return held;
    }

    /// <summary>
    /// Throws <c>no_*_rights</c> when the caller holds nothing on the entity, <c>insufficient_*_rights</c> when some are missing.
    /// </summary>
    private HashSet<string> Require(RequestContext context, EntityKind kind, string id, params string[] required) =>
        Require(context, kind, id, includeDeleted: false, required);

    private HashSet<string> Require(RequestContext context, EntityKind kind, string id, bool includeDeleted, params string[] required)
    {
        var rights = RightsOn(context.Caller, kind, id, includeDeleted);
        if (rights.Count == 0)
        {
            throw new TtsException(Errors.NoRights(kind, id));
        }
        var missing = required.Where(r => !rights.Contains(r)).ToList();
        if (missing.Count > 0)
        {
            throw new TtsException(Errors.InsufficientRights(kind, id, missing));
        }
        return rights;
    }

    private static void RequireAdmin(RequestContext context, TtsError error)
    {
        if (context.Caller is not { IsAdmin: true })
        {
            throw new TtsException(error);
        }
    }
}
