using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Gateways;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>A request to a tenant endpoint once its caller is known: the request, the caller, and the service.</summary>
/// <param name="Http">The request.</param>
/// <param name="Caller">Who calls, for the tenant in the URL.</param>
/// <param name="Service">The provisioning service.</param>
internal sealed record TenantCall(HttpContext Http, ProvisioningCaller Caller, IProvisioningService Service)
{
    public string TenantId => Caller.TenantId;

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>The device service (registered by <c>AddDevices</c>).</summary>
    public IDeviceService Devices => Http.RequestServices.GetRequiredService<IDeviceService>();

    /// <summary>The gateway service (registered by <c>AddDevices</c>).</summary>
    public IGatewayService Gateways => Http.RequestServices.GetRequiredService<IGatewayService>();
}
