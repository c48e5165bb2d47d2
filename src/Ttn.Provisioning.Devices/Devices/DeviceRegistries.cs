namespace Ttn.Provisioning.Devices;

/// <summary>
/// The four registries of The Things Stack that each keep a part of an end device: the Identity Server (the registry
/// entry), and the tenant's cluster's Join Server (root keys), Network Server (MAC settings) and Application Server.
/// A flags enum: a value names one registry or a set of them.
/// </summary>
[Flags]
public enum DeviceRegistries
{
    /// <summary>No registry.</summary>
    None = 0,

    /// <summary>The Identity Server: the device's entry in the application (id, EUIs, name, model).</summary>
    IdentityServer = 1,

    /// <summary>The Join Server: the OTAA root keys.</summary>
    JoinServer = 2,

    /// <summary>The Network Server: frequency plan, LoRaWAN versions, MAC state.</summary>
    NetworkServer = 4,

    /// <summary>The Application Server: payload formatters, application session.</summary>
    ApplicationServer = 8,

    /// <summary>All four: a device registered completely.</summary>
    All = IdentityServer | JoinServer | NetworkServer | ApplicationServer,
}
