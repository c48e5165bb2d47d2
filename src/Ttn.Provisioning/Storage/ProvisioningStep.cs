namespace Ttn.Provisioning.Storage;

/// <summary>The steps of the provisioning pipeline, in order.</summary>
public enum ProvisioningStep
{
    /// <summary>Checks the admin key (<c>GET /auth_info</c>); re-run on every attempt.</summary>
    Preflight = 1,

    /// <summary>Creates (or adopts) the tenant's organization.</summary>
    Organization = 2,

    /// <summary>Creates the organization API key and stores it sealed.</summary>
    OrganizationApiKey = 3,

    /// <summary>Creates (or adopts) the tenant's application.</summary>
    Application = 4,

    /// <summary>Creates the application API key and stores it sealed.</summary>
    ApplicationApiKey = 5,

    /// <summary>Creates the optional gateway API key; its failure is reported, not fatal.</summary>
    GatewayApiKey = 6,

    /// <summary>Creates or updates the webhook with the stored secret.</summary>
    Webhook = 7,
}

/// <summary>The steps a tenant has completed, persisted after each step.</summary>
[Flags]
public enum ProvisioningCheckpoints
{
    /// <summary>No step completed.</summary>
    None = 0,

    /// <summary>The organization exists and is ours.</summary>
    Organization = 1 << 0,

    /// <summary>The organization API key is stored.</summary>
    OrganizationApiKey = 1 << 1,

    /// <summary>The application exists and is ours.</summary>
    Application = 1 << 2,

    /// <summary>The application API key is stored.</summary>
    ApplicationApiKey = 1 << 3,

    /// <summary>The gateway API key step ran (created or reported as failed).</summary>
    GatewayApiKey = 1 << 4,

    /// <summary>The webhook exists with the stored secret.</summary>
    Webhook = 1 << 5,
}
