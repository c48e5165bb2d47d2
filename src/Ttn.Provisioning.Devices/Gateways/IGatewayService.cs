namespace Ttn.Provisioning.Gateways;

/// <summary>
/// Registers, watches and removes the gateways of a tenant's organization on The Things Stack. Every call takes the
/// <see cref="ProvisioningCaller"/>, is decided by the role policy before any I/O, needs a Ready tenant with an
/// organization, and acts with the tenant's organization API key.
/// </summary>
public interface IGatewayService
{
    /// <summary>
    /// Registers a gateway under the tenant's organization (or claims it, with its claim authentication code), with the
    /// tenant's cluster as its Gateway Server address and its status and location private unless asked. An EUI or id
    /// held by another gateway answers <see cref="GatewayRegistrationStatus.Conflict"/>; registering the same gateway
    /// again answers <see cref="GatewayRegistrationStatus.AlreadyPresent"/>.
    /// </summary>
    /// <param name="caller">Who asks (owner, admin or manager by default).</param>
    /// <param name="gateway">The gateway.</param>
    /// <param name="cancellationToken">Stops the registration.</param>
    /// <exception cref="ArgumentException">The definition breaks a rule (never echoed: the claim code is a secret).</exception>
    Task<GatewayRegistrationResult> RegisterGatewayAsync(
        ProvisioningCaller caller, GatewayDefinition gateway, CancellationToken cancellationToken = default);

    /// <summary>
    /// Reads the connection status of gateways from the Gateway Server of the tenant's cluster: one request for one
    /// gateway, one batch request for several. A gateway that is not connected is reported as such.
    /// </summary>
    /// <param name="caller">Who asks (every role that may read the status, by default).</param>
    /// <param name="gatewayIds">The gateways; null for every gateway of the tenant's organization.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ArgumentException">A gateway id is not a valid TTS id.</exception>
    Task<GatewayStatusResult> GetGatewayStatusAsync(
        ProvisioningCaller caller, IReadOnlyCollection<string>? gatewayIds = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes a gateway (its EUI is free at once) and purges it when the admin key may (otherwise its id stays reserved:
    /// the result says so).
    /// </summary>
    /// <param name="caller">Who asks (owner, admin or manager by default).</param>
    /// <param name="gatewayId">The gateway id.</param>
    /// <param name="cancellationToken">Stops the removal.</param>
    /// <exception cref="ArgumentException">The gateway id is not a valid TTS id.</exception>
    Task<GatewayRemovalResult> RemoveGatewayAsync(
        ProvisioningCaller caller, string gatewayId, CancellationToken cancellationToken = default);
}
