using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Ttn.Provisioning;
using Ttn.Provisioning.AspNetCore.Endpoints;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Gateways;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the provisioning service's tenant operations as minimal-API endpoints.</summary>
public static class TtnProvisioningEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the tenant operations under <paramref name="prefix"/>, each with OpenAPI metadata:
    /// <list type="table">
    /// <item><term><c>GET {prefix}/tenants/{tenant}/status</c></term><description>the status (every role)</description></item>
    /// <item><term><c>GET …/credentials</c></term><description>credentials masked, with what the role may reveal</description></item>
    /// <item><term><c>POST …/credentials/reveal</c></term><description>the secrets the role may see, audited</description></item>
    /// <item><term><c>POST …/provision</c>, <c>POST …/retry</c></term><description>provision, resume</description></item>
    /// <item><term><c>POST …/start-fresh</c>, <c>POST …/deep-clean</c></term>
    /// <description>destructive: body <c>{"confirm":"&lt;tenant id&gt;"}</c></description></item>
    /// <item><term><c>POST …/api-key-check</c>, <c>POST …/existing-application</c></term>
    /// <description>a key in the body</description></item>
    /// <item><term><c>POST …/webhook-secret/rotate</c>, <c>POST …/organization-key/rotate</c></term>
    /// <description>rotations</description></item>
    /// <item><term><c>POST …/settings</c></term><description>enabled and webhook messages (owner, admin)</description></item>
    /// <item><term><c>POST …/connection-test</c></term>
    /// <description>the tenant's key, application and webhook (staff up)</description></item>
    /// <item><term><c>GET …/history?limit=&amp;pageToken=</c></term>
    /// <description>what happened, newest first (readers)</description></item>
    /// <item><term><c>GET …/devices</c> (<c>?page=&amp;limit=</c>), <c>GET …/devices/{deviceId}</c>,
    /// <c>GET …/devices/{deviceId}/diagnosis</c></term>
    /// <description>devices, never a key (every role)</description></item>
    /// <item><term><c>POST …/devices</c>, <c>POST …/devices/{deviceId}/repair</c>, <c>DELETE …/devices/{deviceId}</c></term>
    /// <description>register (201; AppKey and NwkKey write-only), complete or remove, remove (owner, admin, manager)</description></item>
    /// <item><term><c>POST …/devices/import</c></term>
    /// <description>a The Things Stack CSV file (<c>text/csv</c> or a form's <c>file</c>): the job id and every row's outcome
    /// </description></item>
    /// <item><term><c>GET …/gateways</c>, <c>GET …/gateways/{gatewayId}/status</c>, <c>POST …/gateways</c>,
    /// <c>DELETE …/gateways/{gatewayId}</c></term>
    /// <description>gateways of the tenant's organization and their connection status</description></item>
    /// </list>
    /// Success is 200 with JSON (201 for a registration that created a device or gateway); every other outcome is an RFC 9457
    /// problem (written through <c>IProblemDetailsService</c> when the host registered one) with a <c>reasonCode</c>: 400
    /// invalid request, missing confirmation or invalid-rows (an import's file, with every row's errors), 401 unauthenticated,
    /// 403 denied (with the policy's reason) or tenant-mismatch, 404 not-configured or not-found, 409 already-in-progress,
    /// use-start-fresh, not-applicable, tenant-disabled, device-conflict, gateway-conflict or refused (the device limit), 502
    /// failed (with <c>step</c>, <c>ttsErrorName</c>, <c>correlationId</c>; never a body from The Things Stack, never a secret).
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">The route prefix, for example <c>/ttn</c>.</param>
    /// <returns>The group, for the host to secure (<c>RequireAuthorization</c>), tag, and rate-limit.</returns>
    /// <remarks>
    /// <para>
    /// The caller comes from <see cref="ITtnCallerResolver"/> (by default the claims named in <see cref="TtnEndpointOptions"/>);
    /// the tenant in the URL must be the caller's. Register <c>AddTtnProvisioning</c> first. The device and gateway endpoints
    /// are mapped when the device services are registered (<c>AddTtnProvisioning(...).AddDevices()</c>, package
    /// Ttn.Provisioning.Devices).
    /// </para>
    /// <para>
    /// Cross-site request forgery: every state change is a POST or a DELETE. A host whose browsers call these endpoints with cookie
    /// authentication must keep the cookie <c>SameSite=Lax</c> or <c>Strict</c> (the ASP.NET Core default), must not allow
    /// credentialed cross-origin requests (CORS), and should set <see cref="TtnEndpointOptions.RequireAntiforgeryToken"/>
    /// with <c>services.AddAntiforgery()</c>, sending the token from <c>IAntiforgery.GetAndStoreTokens</c> in the
    /// <c>RequestVerificationToken</c> header. The device import also accepts <c>multipart/form-data</c>, which a page on another
    /// site can post without a CORS preflight: only the cookie's SameSite or the antiforgery token stop that. Removals are
    /// DELETEs, which a cross-site page cannot send without a preflight. Hosts that authenticate with bearer tokens need none
    /// of this.
    /// </para>
    /// </remarks>
    /// <exception cref="InvalidOperationException"><c>AddTtnProvisioning</c> was not called.</exception>
    public static RouteGroupBuilder MapTtnProvisioning(this IEndpointRouteBuilder endpoints, string prefix = "/ttn")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        var registry = endpoints.ServiceProvider.GetService<IServiceProviderIsService>();
        if (registry is not null && !registry.IsService(typeof(IProvisioningService)))
        {
            throw new InvalidOperationException(
                "MapTtnProvisioning needs the provisioning service: call services.AddTtnProvisioning(...) first.");
        }

        var options = endpoints.ServiceProvider.GetService<IOptions<TtnEndpointOptions>>()?.Value ?? new TtnEndpointOptions();
        EnsureValid(options);
        var group = endpoints.MapGroup(prefix);
        var tenants = group.MapGroup("/tenants/{tenant}");

        // One line per endpoint file; an endpoint for a new operation is one more file and one more line here.
        StatusEndpoint.Map(tenants);
        CredentialsEndpoints.Map(tenants);
        ProvisionEndpoints.Map(tenants);
        DestructiveEndpoints.Map(tenants, options);
        KeyEndpoints.Map(tenants);
        RotationEndpoints.Map(tenants);
        SettingsEndpoint.Map(tenants);
        ConnectionTestEndpoint.Map(tenants);
        HistoryEndpoint.Map(tenants);

        // The device and gateway endpoints come with their services (AddDevices), as an endpoint without its service would
        // answer every request with a 500; what is left out is logged, so a host that forgot AddDevices can tell why.
        var logger = endpoints.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger(
            typeof(TtnProvisioningEndpointRouteBuilderExtensions))
            ?? NullLogger.Instance;
        if (registry is null || registry.IsService(typeof(IDeviceService)))
        {
            DeviceEndpoints.Map(tenants);
            DeviceImportEndpoint.Map(tenants, options);
        }
        else
        {
            Log.EndpointsNotMapped(logger, "device");
        }

        if (registry is null || registry.IsService(typeof(IGatewayService)))
        {
            GatewayEndpoints.Map(tenants);
        }
        else
        {
            Log.EndpointsNotMapped(logger, "gateway");
        }

        return group;
    }

    // Checked when the endpoints are mapped, at start-up, rather than on the first import.
    private static void EnsureValid(TtnEndpointOptions options)
    {
        if (!DeviceImportOptions.IsValidRate(options.ImportMaxRequestsPerSecond))
        {
            throw new InvalidOperationException(
                "TtnEndpointOptions.ImportMaxRequestsPerSecond must be positive and finite (or null for no pacing); "
                    + $"it is {options.ImportMaxRequestsPerSecond}.");
        }

        if (!DeviceImportOptions.IsValidConcurrency(options.ImportMaxConcurrency))
        {
            throw new InvalidOperationException(
                $"TtnEndpointOptions.ImportMaxConcurrency must be 1 to 64; it is {options.ImportMaxConcurrency}.");
        }
    }
}
