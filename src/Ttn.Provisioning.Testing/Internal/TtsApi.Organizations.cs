namespace Ttn.Provisioning.Testing.Internal;

/// <summary>Organizations.</summary>
internal sealed partial class TtsApi
{
    private void MapOrganizations()
    {
        const EntityKind Org = EntityKind.Organization;
        _router.Map("POST", "/users/{user}/organizations", c => CreateRegistry(c, Org, EntityKind.User, c["user"]));
        _router.Map("GET", "/users/{user}/organizations", c => ListRegistry(c, Org, EntityKind.User, c["user"]));
        _router.Map("GET", "/organizations/{org}", c => GetRegistry(c, Org, c["org"]));
        _router.Map("GET", "/organizations/{org}/rights", c => RegistryRights(c, Org, c["org"]));
        _router.Map("PUT", "/organizations/{org}", c => UpdateRegistry(c, Org, c["org"]));
        _router.Map("DELETE", "/organizations/{org}", c => DeleteRegistry(c, Org, c["org"]));
        _router.Map("POST", "/organizations/{org}/restore", c => RestoreRegistry(c, Org, c["org"]));
        _router.Map("DELETE", "/organizations/{org}/purge", c => PurgeRegistry(c, Org, c["org"]));
    }
}
