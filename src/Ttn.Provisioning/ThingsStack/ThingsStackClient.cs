using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace Ttn.Provisioning.ThingsStack;

/// <summary>The <see cref="IThingsStackClient"/> over the named <see cref="HttpClient"/> of <see cref="IHttpClientFactory"/>.</summary>
internal sealed partial class ThingsStackClient : IThingsStackClient
{
    /// <summary>The name of the <see cref="HttpClient"/> registered by <c>AddThingsStackClient</c>.</summary>
    public const string HttpClientName = "Ttn.Provisioning.ThingsStack";

    /// <summary>The route template of a request, for logs written by the resilience pipeline.</summary>
    internal static readonly HttpRequestOptionsKey<string> RouteOption = new("Ttn.Provisioning.ThingsStack.Route");

    private const string TotalCountHeader = "X-Total-Count";
    private static readonly MediaTypeWithQualityHeaderValue _json = new("application/json");

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly IOptions<ThingsStackOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private ThingsStackEndpoints? _endpoints;

    public ThingsStackClient(
        IHttpClientFactory httpClientFactory,
        IOptions<ThingsStackOptions> options,
        TimeProvider timeProvider,
        ILogger<ThingsStackClient>? logger = null)
    {
        _httpClientFactory = httpClientFactory;
        _options = options;
        _timeProvider = timeProvider;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    // ---- auth_info ----

    public async Task<AuthInfo> GetAuthInfoAsync(string apiKey, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(HttpMethod.Get, "/auth_info", "/auth_info", null, apiKey, null, Json.AuthInfo, cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    // ---- organizations ----

    public async Task<Organization> CreateOrganizationAsync(string apiKey, string userId, Organization organization, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(userId, nameof(userId), ThingsStackIdKind.User);
        ArgumentNullException.ThrowIfNull(organization);
        ThingsStackIds.Validate(organization.Ids?.OrganizationId, nameof(organization));
        var body = Content(new OrganizationCreateRequest(organization), Json.OrganizationCreateRequest);
        var result = await SendAsync(HttpMethod.Post, "/users/{user_id}/organizations", $"/users/{userId}/organizations", null, apiKey, body, Json.Organization, cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public async Task<Organization> GetOrganizationAsync(string apiKey, string organizationId, IReadOnlyCollection<string>? fieldMask = null, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        var path = $"/organizations/{organizationId}" + ReadMask(fieldMask, '?');
        var result = await SendAsync(HttpMethod.Get, "/organizations/{organization_id}", path, null, apiKey, null, Json.Organization, cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public async Task<IReadOnlyList<string>> ListOrganizationRightsAsync(string apiKey, string organizationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        var result = await SendAsync(HttpMethod.Get, "/organizations/{organization_id}/rights", $"/organizations/{organizationId}/rights", null, apiKey, null, Json.RightsList, cancellationToken).ConfigureAwait(false);
        return result.Value.Rights ?? [];
    }

    public Task DeleteOrganizationAsync(string apiKey, string organizationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        return SendEmptyAsync(HttpMethod.Delete, "/organizations/{organization_id}", $"/organizations/{organizationId}", null, apiKey, cancellationToken);
    }

    public Task RestoreOrganizationAsync(string apiKey, string organizationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        return SendEmptyAsync(HttpMethod.Post, "/organizations/{organization_id}/restore", $"/organizations/{organizationId}/restore", null, apiKey, cancellationToken);
    }

    public Task PurgeOrganizationAsync(string apiKey, string organizationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        return SendEmptyAsync(HttpMethod.Delete, "/organizations/{organization_id}/purge", $"/organizations/{organizationId}/purge", null, apiKey, cancellationToken);
    }

    public async Task<ThingsStackApiKey> CreateOrganizationApiKeyAsync(string apiKey, string organizationId, string name, IReadOnlyCollection<string> rights, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        var body = Content(ApiKeyRequest(name, rights, expiresAt), Json.ApiKeyCreateRequest);
        var result = await SendAsync(HttpMethod.Post, "/organizations/{organization_id}/api-keys", $"/organizations/{organizationId}/api-keys", null, apiKey, body, Json.ThingsStackApiKey, cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public IAsyncEnumerable<ThingsStackApiKey> ListOrganizationApiKeysAsync(string apiKey, string organizationId, CancellationToken cancellationToken = default)
    {
        ValidateApiKey(apiKey);
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        return ListPagedAsync("/organizations/{organization_id}/api-keys", $"/organizations/{organizationId}/api-keys", null, apiKey, Json.ApiKeyList, static p => p.ApiKeys, cancellationToken);
    }

    public Task DeleteOrganizationApiKeyAsync(string apiKey, string organizationId, string keyId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        ValidateKeyId(keyId);
        return SendEmptyAsync(HttpMethod.Delete, "/organizations/{organization_id}/api-keys/{key_id}", $"/organizations/{organizationId}/api-keys/{keyId}", null, apiKey, cancellationToken);
    }

    // ---- applications ----

    public Task<Application> CreateApplicationInOrganizationAsync(string apiKey, string organizationId, Application application, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        return CreateApplicationAsync(apiKey, "/organizations/{organization_id}/applications", $"/organizations/{organizationId}/applications", application, cancellationToken);
    }

    public Task<Application> CreateApplicationForUserAsync(string apiKey, string userId, Application application, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(userId, nameof(userId), ThingsStackIdKind.User);
        return CreateApplicationAsync(apiKey, "/users/{user_id}/applications", $"/users/{userId}/applications", application, cancellationToken);
    }

    public async Task<Application> GetApplicationAsync(string apiKey, string applicationId, IReadOnlyCollection<string>? fieldMask = null, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        var path = $"/applications/{applicationId}" + ReadMask(fieldMask, '?');
        var result = await SendAsync(HttpMethod.Get, "/applications/{application_id}", path, null, apiKey, null, Json.Application, cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public async Task<IReadOnlyList<string>> ListApplicationRightsAsync(string apiKey, string applicationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        var result = await SendAsync(HttpMethod.Get, "/applications/{application_id}/rights", $"/applications/{applicationId}/rights", null, apiKey, null, Json.RightsList, cancellationToken).ConfigureAwait(false);
        return result.Value.Rights ?? [];
    }

    public Task DeleteApplicationAsync(string apiKey, string applicationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        return SendEmptyAsync(HttpMethod.Delete, "/applications/{application_id}", $"/applications/{applicationId}", null, apiKey, cancellationToken);
    }

    public Task RestoreApplicationAsync(string apiKey, string applicationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        return SendEmptyAsync(HttpMethod.Post, "/applications/{application_id}/restore", $"/applications/{applicationId}/restore", null, apiKey, cancellationToken);
    }

    public Task PurgeApplicationAsync(string apiKey, string applicationId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        return SendEmptyAsync(HttpMethod.Delete, "/applications/{application_id}/purge", $"/applications/{applicationId}/purge", null, apiKey, cancellationToken);
    }

    public async Task<ThingsStackApiKey> CreateApplicationApiKeyAsync(string apiKey, string applicationId, string name, IReadOnlyCollection<string> rights, DateTimeOffset? expiresAt = null, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        var body = Content(ApiKeyRequest(name, rights, expiresAt), Json.ApiKeyCreateRequest);
        var result = await SendAsync(HttpMethod.Post, "/applications/{application_id}/api-keys", $"/applications/{applicationId}/api-keys", null, apiKey, body, Json.ThingsStackApiKey, cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public IAsyncEnumerable<ThingsStackApiKey> ListApplicationApiKeysAsync(string apiKey, string applicationId, CancellationToken cancellationToken = default)
    {
        ValidateApiKey(apiKey);
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        return ListPagedAsync("/applications/{application_id}/api-keys", $"/applications/{applicationId}/api-keys", null, apiKey, Json.ApiKeyList, static p => p.ApiKeys, cancellationToken);
    }

    public Task DeleteApplicationApiKeyAsync(string apiKey, string applicationId, string keyId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        ValidateKeyId(keyId);
        return SendEmptyAsync(HttpMethod.Delete, "/applications/{application_id}/api-keys/{key_id}", $"/applications/{applicationId}/api-keys/{keyId}", null, apiKey, cancellationToken);
    }

    // ---- webhooks (AS, cluster host) ----

    public async Task<Webhook> SetWebhookAsync(string cluster, string apiKey, string applicationId, Webhook webhook, IReadOnlyCollection<string> fieldMask, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        ArgumentNullException.ThrowIfNull(webhook);
        var webhookId = webhook.Ids?.WebhookId;
        ThingsStackIds.Validate(webhookId, nameof(webhook));
        var mask = WriteMask(fieldMask);
        var wire = webhook with { Ids = new WebhookIdentifiers(webhookId!), CreatedAt = null, UpdatedAt = null, HealthStatus = null };
        var body = Content(new WebhookSetRequest(wire, mask), Json.WebhookSetRequest);
        var result = await SendAsync(HttpMethod.Put, "/as/webhooks/{application_id}/{webhook_id}", $"/as/webhooks/{applicationId}/{webhookId}", cluster, apiKey, body, Json.Webhook, cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public async Task<Webhook> GetWebhookAsync(string cluster, string apiKey, string applicationId, string webhookId, IReadOnlyCollection<string>? fieldMask = null, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        ThingsStackIds.Validate(webhookId, nameof(webhookId));
        var path = $"/as/webhooks/{applicationId}/{webhookId}" + ReadMask(fieldMask, '?');
        var result = await SendAsync(HttpMethod.Get, "/as/webhooks/{application_id}/{webhook_id}", path, cluster, apiKey, null, Json.Webhook, cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public async Task<IReadOnlyList<Webhook>> ListWebhooksAsync(string cluster, string apiKey, string applicationId, IReadOnlyCollection<string>? fieldMask = null, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        var path = $"/as/webhooks/{applicationId}" + ReadMask(fieldMask, '?');
        var result = await SendAsync(HttpMethod.Get, "/as/webhooks/{application_id}", path, cluster, apiKey, null, Json.WebhookList, cancellationToken).ConfigureAwait(false);
        return result.Value.Webhooks ?? [];
    }

    public Task DeleteWebhookAsync(string cluster, string apiKey, string applicationId, string webhookId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        ThingsStackIds.Validate(webhookId, nameof(webhookId));
        return SendEmptyAsync(HttpMethod.Delete, "/as/webhooks/{application_id}/{webhook_id}", $"/as/webhooks/{applicationId}/{webhookId}", cluster, apiKey, cancellationToken);
    }

    // ---- end devices ----

    public IAsyncEnumerable<EndDevice> ListEndDevicesAsync(string apiKey, string applicationId, IReadOnlyCollection<string>? fieldMask = null, CancellationToken cancellationToken = default)
    {
        ValidateApiKey(apiKey);
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        var query = ReadMask(fieldMask, null);
        return ListPagedAsync("/applications/{application_id}/devices", $"/applications/{applicationId}/devices", query, apiKey, Json.EndDeviceList, static p => p.EndDevices, cancellationToken);
    }

    public async Task<EndDevice> CreateEndDeviceAsync(string apiKey, string applicationId, EndDevice endDevice, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        var wire = ToWire(endDevice);
        var body = Content(new EndDeviceCreateRequest(wire), Json.EndDeviceCreateRequest);
        var result = await SendAsync(HttpMethod.Post, "/applications/{application_id}/devices", $"/applications/{applicationId}/devices", null, apiKey, body, Json.EndDevice, cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public async Task<EndDevice> SetEndDeviceAsync(string cluster, string apiKey, EndDeviceComponent component, string applicationId, EndDevice endDevice, IReadOnlyCollection<string> fieldMask, CancellationToken cancellationToken = default)
    {
        var prefix = component switch
        {
            EndDeviceComponent.JoinServer => "/js",
            EndDeviceComponent.NetworkServer => "/ns",
            EndDeviceComponent.ApplicationServer => "/as",
            _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Set applies to the Join, Network and Application Servers; create the Identity Server record with CreateEndDeviceAsync."),
        };
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        var wire = ToWire(endDevice);
        var body = Content(new EndDeviceSetRequest(wire, WriteMask(fieldMask)), Json.EndDeviceSetRequest);
        var result = await SendAsync(HttpMethod.Put, prefix + "/applications/{application_id}/devices/{device_id}", $"{prefix}/applications/{applicationId}/devices/{wire.Ids.DeviceId}", cluster, apiKey, body, Json.EndDevice, cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public Task DeleteEndDeviceAsync(string cluster, string apiKey, EndDeviceComponent component, string applicationId, string deviceId, CancellationToken cancellationToken = default)
    {
        var prefix = component switch
        {
            EndDeviceComponent.IdentityServer => string.Empty,
            EndDeviceComponent.JoinServer => "/js",
            EndDeviceComponent.NetworkServer => "/ns",
            EndDeviceComponent.ApplicationServer => "/as",
            _ => throw new ArgumentOutOfRangeException(nameof(component), component, "Unknown component."),
        };
        ThingsStackIds.Validate(applicationId, nameof(applicationId));
        ThingsStackIds.Validate(deviceId, nameof(deviceId));
        return SendEmptyAsync(HttpMethod.Delete, prefix + "/applications/{application_id}/devices/{device_id}", $"{prefix}/applications/{applicationId}/devices/{deviceId}", cluster, apiKey, cancellationToken);
    }

    // ---- gateways ----

    public async Task<Gateway> CreateGatewayAsync(string apiKey, string organizationId, Gateway gateway, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        ArgumentNullException.ThrowIfNull(gateway);
        ThingsStackIds.Validate(gateway.Ids?.GatewayId, nameof(gateway));
        var ids = gateway.Ids!.Eui is { } eui ? gateway.Ids with { Eui = ThingsStackIds.NormalizeEui(eui, nameof(gateway)) } : gateway.Ids;
        var wire = gateway with { Ids = ids, CreatedAt = null, UpdatedAt = null, DeletedAt = null };
        var body = Content(new GatewayCreateRequest(wire), Json.GatewayCreateRequest);
        var result = await SendAsync(HttpMethod.Post, "/organizations/{organization_id}/gateways", $"/organizations/{organizationId}/gateways", null, apiKey, body, Json.Gateway, cancellationToken).ConfigureAwait(false);
        return result.Value;
    }

    public IAsyncEnumerable<Gateway> ListGatewaysAsync(string apiKey, string organizationId, IReadOnlyCollection<string>? fieldMask = null, CancellationToken cancellationToken = default)
    {
        ValidateApiKey(apiKey);
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        var query = ReadMask(fieldMask, null);
        return ListPagedAsync("/organizations/{organization_id}/gateways", $"/organizations/{organizationId}/gateways", query, apiKey, Json.GatewayList, static p => p.Gateways, cancellationToken);
    }

    public IAsyncEnumerable<Application> ListOrganizationApplicationsAsync(string apiKey, string organizationId, bool deleted = false, CancellationToken cancellationToken = default)
    {
        ValidateApiKey(apiKey);
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        return ListPagedAsync("/organizations/{organization_id}/applications", $"/organizations/{organizationId}/applications", deleted ? "deleted=true" : null, apiKey, Json.ApplicationList, static p => p.Applications, cancellationToken);
    }

    public IAsyncEnumerable<Gateway> ListDeletedGatewaysAsync(string apiKey, string organizationId, CancellationToken cancellationToken = default)
    {
        ValidateApiKey(apiKey);
        ThingsStackIds.Validate(organizationId, nameof(organizationId));
        return ListPagedAsync("/organizations/{organization_id}/gateways", $"/organizations/{organizationId}/gateways", "deleted=true", apiKey, Json.GatewayList, static p => p.Gateways, cancellationToken);
    }

    public async Task<Gateway> GetGatewayAsync(string apiKey, string gatewayId, CancellationToken cancellationToken = default)
    {
        ThingsStackIds.Validate(gatewayId, nameof(gatewayId));
        var result = await SendAsync(HttpMethod.Get, "/gateways/{gateway_id}", $"/gateways/{gatewayId}", null, apiKey, null, Json.Gateway, cancellationToken).ConfigureAwait(false);
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
        return SendEmptyAsync(HttpMethod.Delete, "/gateways/{gateway_id}/purge", $"/gateways/{gatewayId}/purge", null, apiKey, cancellationToken);
    }

    // ---- plumbing ----

    private static ThingsStackJsonContext Json => ThingsStackJsonContext.Default;

    private async Task<Application> CreateApplicationAsync(string apiKey, string route, string path, Application application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        ThingsStackIds.Validate(application.Ids?.ApplicationId, nameof(application));
        var wire = application with { CreatedAt = null, UpdatedAt = null, DeletedAt = null };
        var body = Content(new ApplicationCreateRequest(wire), Json.ApplicationCreateRequest);
        var result = await SendAsync(HttpMethod.Post, route, path, null, apiKey, body, Json.Application, cancellationToken).ConfigureAwait(false);
        return result.Value;
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

    private static ApiKeyCreateRequest ApiKeyRequest(string name, IReadOnlyCollection<string> rights, DateTimeOffset? expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 50)
        {
            throw new ArgumentException("An API key name must be at most 50 characters long.", nameof(name));
        }

        ArgumentNullException.ThrowIfNull(rights);
        var normalized = rights.Select(ThingsStackRights.Normalize).Distinct(StringComparer.Ordinal).ToArray();
        if (normalized.Length == 0)
        {
            throw new ArgumentException("An API key needs at least one right.", nameof(rights));
        }

        return new ApiKeyCreateRequest(name, normalized, expiresAt?.ToUniversalTime());
    }

    private static ByteArrayContent Content<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>The read form of a field mask: <c>field_mask=a,b</c>, after <paramref name="separator"/> if given.</summary>
    private static string ReadMask(IReadOnlyCollection<string>? fieldMask, char? separator)
    {
        if (fieldMask is null || fieldMask.Count == 0)
        {
            return string.Empty;
        }

        var joined = JoinMask(fieldMask);
        return separator is { } s ? $"{s}field_mask={joined}" : $"field_mask={joined}";
    }

    /// <summary>The write form of a field mask: the string <c>"a,b"</c> (the form the swagger declares).</summary>
    private static string WriteMask(IReadOnlyCollection<string> fieldMask)
    {
        ArgumentNullException.ThrowIfNull(fieldMask);
        if (fieldMask.Count == 0)
        {
            throw new ArgumentException("A write needs a non-empty field mask; an empty mask changes nothing.", nameof(fieldMask));
        }

        return JoinMask(fieldMask);
    }

    private static string JoinMask(IReadOnlyCollection<string> fieldMask)
    {
        foreach (var path in fieldMask)
        {
            if (path is null || !FieldMaskPathPattern().IsMatch(path))
            {
                throw new ArgumentException($"'{path}' is not a field mask path (lower-case snake_case names joined by dots).", nameof(fieldMask));
            }
        }

        return string.Join(',', fieldMask.Distinct(StringComparer.Ordinal));
    }

    private static void ValidateApiKey([NotNull] string? apiKey)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ArgumentException("An API key is required.", nameof(apiKey));
        }

        foreach (var c in apiKey)
        {
            if (c <= ' ' || c > '~')
            {
                // The key itself is never echoed.
                throw new ArgumentException("The API key holds characters that cannot be sent in an HTTP header.", nameof(apiKey));
            }
        }
    }

    private static void ValidateKeyId(string keyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(keyId);
        if (keyId.Length > 64 || !keyId.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException("An API key ID holds only letters and digits (it is the middle part of the key, not the key).", nameof(keyId));
        }
    }

    private IAsyncEnumerable<TItem> ListPagedAsync<TPage, TItem>(
        string route,
        string path,
        string? query,
        string apiKey,
        JsonTypeInfo<TPage> pageType,
        Func<TPage, IReadOnlyList<TItem>?> items,
        CancellationToken cancellationToken)
        where TPage : class
    {
        var pageSize = _options.Value.PageSize;
        return Iterate(cancellationToken);

        async IAsyncEnumerable<TItem> Iterate([EnumeratorCancellation] CancellationToken token)
        {
            for (var page = 1; ; page++)
            {
                token.ThrowIfCancellationRequested();
                var pageQuery = string.Create(CultureInfo.InvariantCulture, $"?limit={pageSize}&page={page}");
                if (!string.IsNullOrEmpty(query))
                {
                    pageQuery += "&" + query;
                }

                var result = await SendAsync(HttpMethod.Get, route, path + pageQuery, null, apiKey, null, pageType, token).ConfigureAwait(false);
                var list = items(result.Value) ?? [];
                foreach (var item in list)
                {
                    yield return item;
                }

                if (list.Count == 0 || list.Count < pageSize || (result.TotalCount is { } total && (long)page * pageSize >= total))
                {
                    yield break;
                }
            }
        }
    }

    private async Task SendEmptyAsync(HttpMethod method, string route, string path, string? cluster, string apiKey, CancellationToken cancellationToken) =>
        await SendAsync(method, route, path, cluster, apiKey, null, Json.EmptyResponse, cancellationToken).ConfigureAwait(false);

    private async Task<Response<T>> SendAsync<T>(
        HttpMethod method,
        string route,
        string pathAndQuery,
        string? cluster,
        string apiKey,
        HttpContent? content,
        JsonTypeInfo<T> responseType,
        CancellationToken cancellationToken)
        where T : class
    {
        using var ownedContent = content;
        ValidateApiKey(apiKey);
        cancellationToken.ThrowIfCancellationRequested();

        // Resolve and check the address before anything is sent: only the configured hosts receive credentials.
        var endpoints = _endpoints ??= new ThingsStackEndpoints(_options.Value);
        var uri = endpoints.Resolve(pathAndQuery, cluster);
        endpoints.EnsureAllowed(uri);

        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        request.Headers.Accept.Add(_json);
        request.Options.Set(RouteOption, route);

        var client = _httpClientFactory.CreateClient(HttpClientName);
        var started = _timeProvider.GetTimestamp();
        TtsRequestCounter.Add();
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (HttpRequestException ex)
        {
            throw Unreachable(method, route, started, "the server could not be reached", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Unreachable(method, route, started, "no answer within the configured timeout", ex);
        }

        // The resilience timeouts end once the headers are in: the body gets an attempt timeout of its own.
        using var bodyTimeout = new CancellationTokenSource(_options.Value.AttemptTimeout, _timeProvider);
        using var bodyToken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, bodyTimeout.Token);
        using (response)
        {
            try
            {
                return await ReadResponseAsync(response, method, route, apiKey, started, responseType, bodyToken.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested && bodyTimeout.IsCancellationRequested)
            {
                throw Unreachable(method, route, started, "the answer's body did not arrive within the attempt timeout", ex);
            }
            catch (HttpRequestException ex)
            {
                throw Unreachable(method, route, started, "the connection broke while the answer was read", ex);
            }
        }
    }

    private async Task<Response<T>> ReadResponseAsync<T>(HttpResponseMessage response, HttpMethod method, string route, string apiKey, long started, JsonTypeInfo<T> responseType, CancellationToken cancellationToken)
        where T : class
    {
        var status = (int)response.StatusCode;
        TtsRequestIds.Record(response);
        if (!response.IsSuccessStatusCode)
        {
            var body = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            var error = ThingsStackErrorParser.Create(response.StatusCode, body, response.Headers, method.Method, route, _timeProvider, apiKey);
            Log.RequestFailed(_logger, method.Method, route, status, error.ErrorName, error.CorrelationId, ElapsedMilliseconds(started));
            throw error;
        }

        Log.RequestSucceeded(_logger, method.Method, route, status, ElapsedMilliseconds(started));
        if (typeof(T) == typeof(EmptyResponse))
        {
            // Delete, restore and purge answer {}; nothing in it is needed.
            return new Response<T>((T)(object)new EmptyResponse(), null);
        }

        T? value;
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                value = await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException ex)
        {
            throw new ThingsStackException($"The Things Stack answered {status} to {method.Method} {route} with a body that is not the expected JSON.", ex)
            {
                StatusCode = response.StatusCode,
                Method = method.Method,
                Route = route,
            };
        }

        if (value is null)
        {
            throw new ThingsStackException($"The Things Stack answered {status} to {method.Method} {route} with an empty body.")
            {
                StatusCode = response.StatusCode,
                Method = method.Method,
                Route = route,
            };
        }

        long? totalCount = null;
        if (response.Headers.TryGetValues(TotalCountHeader, out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var total))
        {
            totalCount = total;
        }

        return new Response<T>(value, totalCount);
    }

    private ThingsStackException Unreachable(HttpMethod method, string route, long started, string reason, Exception inner)
    {
        Log.RequestUnreachable(_logger, method.Method, route, ElapsedMilliseconds(started), reason);
        return new ThingsStackException($"The Things Stack request {method.Method} {route} failed: {reason}.", inner)
        {
            IsTransient = true,
            Method = method.Method,
            Route = route,
        };
    }

    private long ElapsedMilliseconds(long started) => (long)_timeProvider.GetElapsedTime(started).TotalMilliseconds;

    private static async Task<string> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new byte[ThingsStackErrorParser.MaxBodyRead];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            return Encoding.UTF8.GetString(buffer, 0, read);
        }
    }

    [GeneratedRegex("^[a-z0-9_]+(?:\\.[a-z0-9_]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldMaskPathPattern();

    private readonly record struct Response<T>(T Value, long? TotalCount);
}
