using Microsoft.AspNetCore.Http;

namespace Ttn.Provisioning.AspNetCore.Endpoints;

/// <summary>A request to a tenant endpoint once its caller is known: the request, the caller, and the service.</summary>
/// <param name="Http">The request.</param>
/// <param name="Caller">Who calls, for the tenant in the URL.</param>
/// <param name="Service">The provisioning service.</param>
internal sealed record TenantCall(HttpContext Http, ProvisioningCaller Caller, IProvisioningService Service)
{
    public string TenantId => Caller.TenantId;

    public CancellationToken Aborted => Http.RequestAborted;
}
