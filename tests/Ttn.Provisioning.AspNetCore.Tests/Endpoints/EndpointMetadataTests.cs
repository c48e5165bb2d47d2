using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ttn.Provisioning.AspNetCore.Tests.Endpoints;

/// <summary>OpenAPI metadata on every endpoint, and what API explorers (OpenAPI generators) see of them.</summary>
public sealed class EndpointMetadataTests
{
    [Fact]
    public async Task Every_endpoint_has_a_name_a_summary_its_answer_and_its_problems()
    {
        await using var host = await EndpointHost.StartAsync();

        var endpoints = Endpoints(host);

        Assert.Equal(EndpointCase.All.Length, endpoints.Count);
        Assert.All(endpoints, endpoint =>
        {
            var metadata = endpoint.Metadata;
            Assert.StartsWith("Ttn", metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(metadata.GetMetadata<IEndpointSummaryMetadata>()?.Summary));
            Assert.False(string.IsNullOrWhiteSpace(metadata.GetMetadata<IEndpointDescriptionMetadata>()?.Description));
            var produces = metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>();
            Assert.Contains(produces, p => p.StatusCode == 200 && p.ContentTypes.Contains("application/json") && p.Type is not null);
            Assert.Contains(produces, p => p.StatusCode == 401 && p.ContentTypes.Contains("application/problem+json"));
            Assert.Contains(produces, p => p.StatusCode == 403 && p.ContentTypes.Contains("application/problem+json"));
        });
    }

    [Fact]
    public async Task Only_reads_are_GETs_and_every_endpoint_that_reads_a_body_declares_it()
    {
        await using var host = await EndpointHost.StartAsync();

        var endpoints = Endpoints(host);

        var gets = endpoints
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods.Contains("GET"))
            .Select(e => e.RoutePattern.RawText);
        Assert.Equal(
            [
                "/ttn/tenants/{tenant}/credentials", "/ttn/tenants/{tenant}/devices", "/ttn/tenants/{tenant}/devices/{deviceId}",
                "/ttn/tenants/{tenant}/devices/{deviceId}/diagnosis", "/ttn/tenants/{tenant}/gateways",
                "/ttn/tenants/{tenant}/gateways/{gatewayId}/status", "/ttn/tenants/{tenant}/history", "/ttn/tenants/{tenant}/status",
            ],
            gets.Order(StringComparer.Ordinal));
        var bodies = endpoints
            .Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>() is not null)
            .Select(e => e.RoutePattern.RawText!["/ttn/tenants/{tenant}".Length..]);
        Assert.Equal(
            ["/api-key-check", "/deep-clean", "/devices", "/devices/import", "/devices/{deviceId}/repair", "/existing-application",
                "/gateways", "/settings", "/start-fresh"],
            bodies.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_registrations_declare_their_201_and_the_import_its_csv_body()
    {
        await using var host = await EndpointHost.StartAsync();

        var endpoints = Endpoints(host).ToDictionary(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()!.EndpointName);

        Assert.All(
            new[] { "TtnRegisterDevice", "TtnRegisterGateway" },
            name => Assert.Contains(
                endpoints[name].Metadata.GetOrderedMetadata<IProducesResponseTypeMetadata>(), p => p.StatusCode == 201));
        Assert.Equal(
            ["text/csv", "multipart/form-data"],
            endpoints["TtnImportDevices"].Metadata.GetMetadata<IAcceptsMetadata>()!.ContentTypes);
        Assert.NotNull(endpoints["TtnImportDevices"].Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize);
    }

    [Fact]
    public async Task An_api_explorer_describes_every_endpoint_with_its_tenant_parameter()
    {
        await using var host = await EndpointHost.StartAsync(services: s => s.AddEndpointsApiExplorer());

        var descriptions = host.Services.GetRequiredService<IApiDescriptionGroupCollectionProvider>().ApiDescriptionGroups.Items
            .SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith("ttn/", StringComparison.Ordinal) == true)
            .ToList();

        Assert.Equal(EndpointCase.All.Length, descriptions.Count);
        Assert.All(descriptions, d => Assert.Contains(d.ParameterDescriptions, p => p.Name == "tenant"));
        Assert.All(descriptions, d => Assert.Contains(d.SupportedResponseTypes, r => r.StatusCode == 200));
    }

    [Fact]
    public async Task Without_the_device_services_no_device_or_gateway_endpoint_is_mapped()
    {
        await using var host = await EndpointHost.StartAsync(devices: false);

        var patterns = Endpoints(host).Select(e => e.RoutePattern.RawText!).ToList();

        Assert.Contains(patterns, p => p.EndsWith("/status", StringComparison.Ordinal));
        Assert.DoesNotContain(patterns, p => p.Contains("/devices", StringComparison.Ordinal));
        Assert.DoesNotContain(patterns, p => p.Contains("/gateways", StringComparison.Ordinal));
        var tenantCases = EndpointCase.All.Where(c =>
            !c.Route.StartsWith("devices", StringComparison.Ordinal) && !c.Route.StartsWith("gateways", StringComparison.Ordinal));
        Assert.Equal(tenantCases.Count(), patterns.Count);
        var skipped = host.Logs.GetSnapshot().Where(r => r.Id.Id == 6103).Select(r => r.Message).ToList();
        Assert.Equal(2, skipped.Count);
        Assert.All(skipped, message => Assert.Contains(".AddDevices()", message, StringComparison.Ordinal));
    }

    private static List<RouteEndpoint> Endpoints(EndpointHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/ttn/", StringComparison.Ordinal) == true)
            .ToList();
}
