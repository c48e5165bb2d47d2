namespace Ttn.Provisioning.Storage;

/// <summary>
/// The steps of the provisioning pipeline. A single value names one step (the step in progress, or the one that
/// failed); a combination is a set of steps (the steps completed, or started but not confirmed).
/// </summary>
/// <remarks>
/// Stores keep a set by the names of its steps (<c>Organization, OrganizationApiKey</c>), never by number.
/// <see cref="Preflight"/> runs on every attempt, so it never appears among a tenant's completed steps.
/// </remarks>
[Flags]
public enum ProvisioningStep
{
    /// <summary>No step (an empty set).</summary>
    None = 0,

    /// <summary>Checks the admin key (<c>GET /auth_info</c>); runs on every attempt.</summary>
    Preflight = 1 << 0,

    /// <summary>Creates (or adopts) the tenant's organization.</summary>
    Organization = 1 << 1,

    /// <summary>Creates the organization API key and stores it sealed.</summary>
    OrganizationApiKey = 1 << 2,

    /// <summary>Creates (or adopts) the tenant's application.</summary>
    Application = 1 << 3,

    /// <summary>Creates the application API key and stores it sealed.</summary>
    ApplicationApiKey = 1 << 4,

    /// <summary>Creates the optional gateway API key; its failure is reported, not fatal.</summary>
    GatewayApiKey = 1 << 5,

    /// <summary>Creates or updates the webhook with the stored secret.</summary>
    Webhook = 1 << 6,
}
