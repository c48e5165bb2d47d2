
namespace Ttn.Provisioning.ThingsStack;

/// <summary>Webhooks (Application Server), end devices in all four registries, and gateways.</summary>
internal sealed partial class ThingsStackClient
{
    // ---- webhooks (AS, cluster host) ----

    public async Task<Webhook> SetWebhookAsync(
        string cluster,
        string apiKey,
        string applicationId,
        Webhook webhook,
        IReadOnlyCollection<string> fieldMask,
        CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        ArgumentNullException.ThrowIfNull(webhook);
        var webhookId = webhook.Ids?.WebhookId;
        ThingsStackIds.Validate(webhookId, nameof(webhook));
        var mask = WriteMask(fieldMask);
        var wire = webhook with { Ids = new WebhookIdentifiers(webhookId!), CreatedAt = null, UpdatedAt = null, HealthStatus = null };
        var body = Content(new WebhookSetRequest(wire, mask), Json.WebhookSetRequest);
        var result = await SendAsync(
            HttpMethod.Put,
            "/as/webhooks/{application_id}/{webhook_id}",
            $"/as/webhooks/{applicationId}/{webhookId}",
            cluster,
            apiKey,
            body,
            Json.Webhook,
            cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public async Task<Webhook> GetWebhookAsync(
        string cluster,
        string apiKey,
        string applicationId,
        string webhookId,
        IReadOnlyCollection<string>? fieldMask = null,
        CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        ThingsStackIds.Validate(webhookId, nameof(webhookId));
        var path = $"/as/webhooks/{applicationId}/{webhookId}" + ReadMask(fieldMask, '?');
        var result = await SendAsync(
            HttpMethod.Get,
            "/as/webhooks/{application_id}/{webhook_id}",
            path,
            cluster,
            apiKey,
            null,
            Json.Webhook,
            cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public async Task<IReadOnlyList<Webhook>> ListWebhooksAsync(
        string cluster,
        string apiKey,
        string applicationId,
        IReadOnlyCollection<string>? fieldMask = null,
        CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        var path = $"/as/webhooks/{applicationId}" + ReadMask(fieldMask, '?');
        var result = await SendAsync(
            HttpMethod.Get,
            "/as/webhooks/{application_id}",
            path,
            cluster,
            apiKey,
            null,
            Json.WebhookList,
            cancellationToken).ConfigureAwait(false);
        return result.Value.Webhooks ?? [];
    }

    public Task DeleteWebhookAsync(
        string cluster, string apiKey, string applicationId, string webhookId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        ThingsStackIds.Validate(webhookId, nameof(webhookId));
        return SendEmptyAsync(
            HttpMethod.Delete,
            "/as/webhooks/{application_id}/{webhook_id}",
            $"/as/webhooks/{applicationId}/{webhookId}",
            cluster,
            apiKey,
            cancellationToken);
    }

    // ---- end devices ----

    public IAsyncEnumerable<EndDevice> ListEndDevicesAsync(
        string apiKey, string applicationId, IReadOnlyCollection<string>? fieldMask = null, CancellationToken cancellationToken = default)
    {
        ValidateApiKey(apiKey);
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        var query = ReadMask(fieldMask, null);
        return ListPagedAsync(
            "/applications/{application_id}/devices",
            $"/applications/{applicationId}/devices",
            query,
            apiKey,
            Json.EndDeviceList,
            static p => p.EndDevices,
            cancellationToken);
    }

    public async Task<EndDevice> CreateEndDeviceAsync(
        string apiKey, string applicationId, EndDevice endDevice, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        var wire = ToWire(endDevice);
        var body = Content(new EndDeviceCreateRequest(wire), Json.EndDeviceCreateRequest);
        var result = await SendAsync(
            HttpMethod.Post,
            "/applications/{application_id}/devices",
            $"/applications/{applicationId}/devices",
            null,
            apiKey,
            body,
            Json.EndDevice,
            cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public async Task<EndDevice> SetEndDeviceAsync(
        string cluster,
        string apiKey,
        EndDeviceComponent component,
        string applicationId,
        EndDevice endDevice,
        IReadOnlyCollection<string> fieldMask,
        CancellationToken cancellationToken = default)
    {
        var prefix = component switch
        {
            EndDeviceComponent.JoinServer => "/js",
            EndDeviceComponent.NetworkServer => "/ns",
            EndDeviceComponent.ApplicationServer => "/as",
            _ => throw new ArgumentOutOfRangeException(
                nameof(component),
                component,
                "Set applies to the Join, Network and Application Servers; create the Identity Server record with CreateEndDeviceAsync."),
        };
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        var wire = ToWire(endDevice);
        var body = Content(new EndDeviceSetRequest(wire, WriteMask(fieldMask)), Json.EndDeviceSetRequest);
        var result = await SendAsync(
            HttpMethod.Put,
            prefix + "/applications/{application_id}/devices/{device_id}",
            $"{prefix}/applications/{applicationId}/devices/{wire.Ids.DeviceId}",
            cluster,
            apiKey,
            body,
            Json.EndDevice,
            cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public Task DeleteEndDeviceAsync(
        string cluster,
        string apiKey,
        EndDeviceComponent component,
        string applicationId,
        string deviceId,
        CancellationToken cancellationToken = default)
    {
        var prefix = ComponentPrefix(component);
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        ThingsStackIds.Validate(deviceId, nameof(deviceId));
        return SendEmptyAsync(
            HttpMethod.Delete,
            prefix + "/applications/{application_id}/devices/{device_id}",
            $"{prefix}/applications/{applicationId}/devices/{deviceId}",
            cluster,
            apiKey,
            cancellationToken);
    }

    // ---- gateways ----

    public async Task<Gateway> CreateGatewayAsync(
        string apiKey, string organizationId, Gateway gateway, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        ArgumentNullException.ThrowIfNull(gateway);
        ThingsStackIds.Validate(gateway.Ids?.GatewayId, nameof(gateway));
        var ids = gateway.Ids!.Eui is { } eui ? gateway.Ids with { Eui = ThingsStackIds.NormalizeEui(eui, nameof(gateway)) } : gateway.Ids;
        var wire = gateway with { Ids = ids, CreatedAt = null, UpdatedAt = null, DeletedAt = null };
        var body = Content(new GatewayCreateRequest(wire), Json.GatewayCreateRequest);
        var result = await SendAsync(
            HttpMethod.Post,
            "/organizations/{organization_id}/gateways",
            $"/organizations/{organizationId}/gateways",
            null,
            apiKey,
            body,
            Json.Gateway,
            cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public IAsyncEnumerable<Gateway> ListGatewaysAsync(
        string apiKey, string organizationId, IReadOnlyCollection<string>? fieldMask = null, CancellationToken cancellationToken = default)
    {
        ValidateApiKey(apiKey);
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        var query = ReadMask(fieldMask, null);
        return ListPagedAsync(
            "/organizations/{organization_id}/gateways",
            $"/organizations/{organizationId}/gateways",
            query,
            apiKey,
            Json.GatewayList,
            static p => p.Gateways,
            cancellationToken);
    }

    public IAsyncEnumerable<Gateway> ListDeletedGatewaysAsync(
        string apiKey, string organizationId, CancellationToken cancellationToken = default)
    {
        ValidateApiKey(apiKey);
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        return ListPagedAsync(
            "/organizations/{organization_id}/gateways",
            $"/organizations/{organizationId}/gateways",
            "deleted=true",
            apiKey,
            Json.GatewayList,
            static p => p.Gateways,
            cancellationToken);
    }

    public async Task<Gateway> GetGatewayAsync(string apiKey, string gatewayId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(gatewayId, nameof(gatewayId));
        var result = await SendAsync(
            HttpMethod.Get,
            "/gateways/{gateway_id}",
            $"/gateways/{gatewayId}",
            null,
            apiKey,
            null,
            Json.Gateway,
            cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public Task DeleteGatewayAsync(string apiKey, string gatewayId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(gatewayId, nameof(gatewayId));
        return SendEmptyAsync(HttpMethod.Delete, "/gateways/{gateway_id}", $"/gateways/{gatewayId}", null, apiKey, cancellationToken);
    }

    public Task PurgeGatewayAsync(string apiKey, string gatewayId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(gatewayId, nameof(gatewayId));
        return SendEmptyAsync(
            HttpMethod.Delete, "/gateways/{gateway_id}/purge", $"/gateways/{gatewayId}/purge", null, apiKey, cancellationToken);
    }

    private static EndDevice ToWire(EndDevice endDevice)
    {
        ArgumentNullException.ThrowIfNull(endDevice);
        ArgumentNullException.ThrowIfNull(endDevice.Ids, nameof(endDevice));
        ThingsStackIds.Validate(endDevice.Ids.DeviceId, nameof(endDevice));
        var ids = endDevice.Ids with
        {
            ApplicationIds = null, // filled from the path by the server; not part of the body schema
            DevEui = endDevice.Ids.DevEui is { } dev ? ThingsStackIds.NormalizeEui(dev, nameof(endDevice)) : null,
            JoinEui = endDevice.Ids.JoinEui is { } join ? ThingsStackIds.NormalizeEui(join, nameof(endDevice)) : null,
        };
        return endDevice with { Ids = ids, CreatedAt = null, UpdatedAt = null };
    }
}
