using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ttn.Provisioning;
using Ttn.Provisioning.AspNetCore.Endpoints;

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
    /// </list>
    /// Success is 200 with JSON; every other outcome is an RFC 9457 problem (written through <c>IProblemDetailsService</c>
    /// when the host registered one) with a <c>reasonCode</c>: 400 invalid request or missing confirmation, 401
    /// unauthenticated, 403 denied (with the policy's reason) or tenant-mismatch, 404 not-configured, 409
    /// already-in-progress, use-start-fresh, not-applicable or tenant-disabled, 502 failed (with <c>step</c>,
    /// <c>ttsErrorName</c>, <c>correlationId</c>; never a body from The Things Stack, never a secret).
    /// </summary>
    /// <param name="endpoints">The application.</param>
    /// <param name="prefix">The route prefix, for example <c>/ttn</c>.</param>
    /// <returns>The group, for the host to secure (<c>RequireAuthorization</c>), tag, and rate-limit.</returns>
    /// <remarks>
    /// <para>
    /// The caller comes from <see cref="ITtnCallerResolver"/> (by default the claims named in <see cref="TtnEndpointOptions"/>);
    /// the tenant in the URL must be the caller's. Register <c>AddTtnProvisioning</c> first.
    /// </para>
    /// <para>
    /// Cross-site request forgery: every state change is a POST. A host whose browsers call these endpoints with cookie
    /// authentication must keep the cookie <c>SameSite=Lax</c> or <c>Strict</c> (the ASP.NET Core default), must not allow
    /// credentialed cross-origin requests (CORS), and should set <see cref="TtnEndpointOptions.RequireAntiforgeryToken"/>
    /// with <c>services.AddAntiforgery()</c>, sending the token from <c>IAntiforgery.GetAndStoreTokens</c> in the
    /// <c>RequestVerificationToken</c> header. Hosts that authenticate with bearer tokens need none of this.
    /// </para>
    /// </remarks>
    /// <exception cref="InvalidOperationException"><c>AddTtnProvisioning</c> was not called.</exception>
    public static RouteGroupBuilder MapTtnProvisioning(this IEndpointRouteBuilder endpoints, string prefix = "/ttn")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(prefix);
        if (endpoints.ServiceProvider.GetService<IServiceProviderIsService>() is { } registry
            && !registry.IsService(typeof(IProvisioningService)))
        {
            throw new InvalidOperationException(
                "MapTtnProvisioning needs the provisioning service: call services.AddTtnProvisioning(...) first.");
        }

        var options = endpoints.ServiceProvider.GetService<IOptions<TtnEndpointOptions>>()?.Value ?? new TtnEndpointOptions();
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
        return group;
    }
}
