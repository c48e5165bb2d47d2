using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.Operations;

namespace Ttn.Provisioning.Gateways;

/// <summary>The default <see cref="IGatewayService"/>: a facade that hands each call to its operation.</summary>
internal sealed class GatewayService(DeviceRuntime runtime) : IGatewayService
{
    /// <inheritdoc />
    public Task<GatewayRegistrationResult> RegisterGatewayAsync(
        ProvisioningCaller caller, GatewayDefinition gateway, CancellationToken cancellationToken = default) =>
        runtime.RunAsync(caller, s => new RegisterGatewayOperation(s, gateway), cancellationToken);

    /// <inheritdoc />
    public Task<GatewayStatusResult> GetGatewayStatusAsync(
        ProvisioningCaller caller, IReadOnlyCollection<string>? gatewayIds = null, CancellationToken cancellationToken = default) =>
        runtime.RunAsync(caller, s => new GatewayStatusOperation(s, gatewayIds), cancellationToken);

    /// <inheritdoc />
    public Task<GatewayRemovalResult> RemoveGatewayAsync(
        ProvisioningCaller caller, string gatewayId, CancellationToken cancellationToken = default) =>
        runtime.RunAsync(caller, s => new RemoveGatewayOperation(s, gatewayId), cancellationToken);
}
