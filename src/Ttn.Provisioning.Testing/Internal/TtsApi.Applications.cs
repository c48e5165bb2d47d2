namespace Ttn.Provisioning.Testing.Internal;

/// <summary>Applications.</summary>
internal sealed partial class TtsApi
{
    private void MapApplications()
    {
        const EntityKind App = EntityKind.Application;
        _router.Map("POST", "/users/{user}/applications", c => CreateRegistry(c, App, EntityKind.User, c["user"]));
        _router.Map("GET", "/users/{user}/applications", c => ListRegistry(c, App, EntityKind.User, c["user"]));
        _router.Map("POST", "/organizations/{org}/applications", c => CreateRegistry(c, App, EntityKind.Organization, c["org"]));
        _router.Map("GET", "/organizations/{org}/applications", c => ListRegistry(c, App, EntityKind.Organization, c["org"]));
        _router.Map("GET", "/applications/{app}", c => GetRegistry(c, App, c["app"]));
        _router.Map("GET", "/applications/{app}/rights", c => RegistryRights(c, App, c["app"]));
        _router.Map("PUT", "/applications/{app}", c => UpdateRegistry(c, App, c["app"]));
        _router.Map("DELETE", "/applications/{app}", c => DeleteRegistry(c, App, c["app"]));
        _router.Map("POST", "/applications/{app}/restore", c => RestoreRegistry(c, App, c["app"]));
        _router.Map("DELETE", "/applications/{app}/purge", c => PurgeRegistry(c, App, c["app"]));
    }
}
