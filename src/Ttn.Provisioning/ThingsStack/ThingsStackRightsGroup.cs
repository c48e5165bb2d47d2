namespace Ttn.Provisioning.ThingsStack;

/// <summary>The groups of rights a tenant provisioner needs (see <see cref="ThingsStackRights.For"/>).</summary>
public enum ThingsStackRightsGroup
{
    /// <summary>Create, read and delete the tenant's application in its organization.</summary>
    Core = 0,

    /// <summary>
    /// Create, list and revoke organization and application API keys. Creating a key also needs every right
    /// placed on it.
    /// </summary>
    KeyCreation = 1,

    /// <summary>Configure webhooks: settings basic, traffic read and downlink write.</summary>
    Webhook = 2,

    /// <summary>Create, read and delete end devices, with their OTAA root keys.</summary>
    Devices = 3,

    /// <summary>Read traffic and send downlinks.</summary>
    Downlink = 4,

    /// <summary>Create, list and delete gateways in the tenant's organization.</summary>
    Gateway = 5,
}
