namespace Ttn.Provisioning.Authorization;

/// <summary>The operations of the provisioning service, each decided by the role policy before any I/O.</summary>
public enum ProvisioningOperation
{
    /// <summary>Read the tenant's provisioning status (never a secret).</summary>
    GetStatus = 1,

    /// <summary>Read the tenant's credentials in plain text (audited).</summary>
    GetCredentials = 2,

    /// <summary>Provision the tenant's resources on The Things Stack.</summary>
    Provision = 3,

    /// <summary>Resume a failed or stalled provisioning run.</summary>
    Retry = 4,

    /// <summary>Remove what can be removed and provision again under new ids.</summary>
    StartFresh = 5,

    /// <summary>Remove everything the tenant owns on The Things Stack.</summary>
    DeepClean = 6,

    /// <summary>Bring an existing application and key instead of provisioning one.</summary>
    ConfigureExistingApplication = 7,

    /// <summary>Replace the webhook secret on The Things Stack and in the store.</summary>
    RotateWebhookSecret = 8,

    /// <summary>Check which rights an API key has.</summary>
    CheckApiKey = 9,

    /// <summary>Replace the organization API key (the key that manages the tenant's resources) and revoke the old one.</summary>
    RotateOrganizationKey = 10,

    /// <summary>Change the tenant's settings (enabled, which webhook messages TTS sends).</summary>
    UpdateSettings = 11,

    /// <summary>Test the tenant's connection to The Things Stack with its application key (read-only on TTS).</summary>
    TestConnection = 12,

    /// <summary>Read what happened to the tenant (its provisioning history), newest first.</summary>
    GetHistory = 13,

    /// <summary>Register an end device (also: complete it with a repair).</summary>
    RegisterDevice = 20,

    /// <summary>Read, list and diagnose the tenant's end devices (never a key).</summary>
    ReadDevices = 21,

    /// <summary>Repair a half-registered end device: complete or remove it.</summary>
    RepairDevice = 22,

    /// <summary>Remove an end device from every registry.</summary>
    RemoveDevice = 23,

    /// <summary>Import end devices from a The Things Stack CSV file or a list of definitions.</summary>
    ImportDevices = 24,

    /// <summary>Register (or claim) a gateway under the tenant's organization.</summary>
    RegisterGateway = 25,

    /// <summary>Read the connection status of the tenant's gateways.</summary>
    ReadGateways = 26,

    /// <summary>Remove (and, with an admin key, purge) a gateway of the tenant.</summary>
    RemoveGateway = 27,
}
