namespace Ttn.Provisioning.Testing.Internal;

/// <summary>Gateways under an organization or a user.</summary>
internal sealed partial class TtsApi
{
    private void MapGateways()
    {
        const EntityKind Gtw = EntityKind.Gateway;
        _router.Map("POST", "/organizations/{org}/gateways", c => CreateRegistry(c, Gtw, EntityKind.Organization, c["org"]));
        _router.Map("GET", "/organizations/{org}/gateways", c => ListRegistry(c, Gtw, EntityKind.Organization, c["org"]));
        _router.Map("POST", "/users/{user}/gateways", c => CreateRegistry(c, Gtw, EntityKind.User, c["user"]));
        _router.Map("GET", "/users/{user}/gateways", c => ListRegistry(c, Gtw, EntityKind.User, c["user"]));
        _router.Map("GET", "/gateways/{gtw}", c => GetRegistry(c, Gtw, c["gtw"]));
        _router.Map("GET", "/gateways/{gtw}/rights", c => RegistryRights(c, Gtw, c["gtw"]));
        _router.Map("PUT", "/gateways/{gtw}", c => UpdateRegistry(c, Gtw, c["gtw"]));
        _router.Map("DELETE", "/gateways/{gtw}", c => DeleteRegistry(c, Gtw, c["gtw"]));
        _router.Map("POST", "/gateways/{gtw}/restore", c => RestoreRegistry(c, Gtw, c["gtw"]));
        _router.Map("DELETE", "/gateways/{gtw}/purge", c => PurgeRegistry(c, Gtw, c["gtw"]));
    }
}
