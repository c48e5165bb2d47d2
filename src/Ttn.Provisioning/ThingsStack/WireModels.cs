using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ttn.Provisioning.ThingsStack;

// Wire models of the TTS HTTP/JSON API (snake_case proto names). Only the fields a provisioner uses
// are modelled; unknown fields in answers are ignored. Null fields are left out of requests.

/// <summary><c>ApplicationIdentifiers</c>.</summary>
internal sealed record ApplicationIdentifiers(string ApplicationId);

/// <summary><c>OrganizationIdentifiers</c>.</summary>
internal sealed record OrganizationIdentifiers(string OrganizationId);

/// <summary><c>UserIdentifiers</c>.</summary>
internal sealed record UserIdentifiers(string UserId);

/// <summary><c>GatewayIdentifiers</c>; <see cref="Eui"/> is upper-case hex.</summary>
internal sealed record GatewayIdentifiers(string GatewayId, string? Eui = null);

/// <summary><c>EntityIdentifiers</c>: exactly one member is set.</summary>
internal sealed record EntityIdentifiers
{
    public ApplicationIdentifiers? ApplicationIds { get; init; }

    public OrganizationIdentifiers? OrganizationIds { get; init; }

    public UserIdentifiers? UserIds { get; init; }

    public GatewayIdentifiers? GatewayIds { get; init; }
}

/// <summary><c>Rights</c>: a list of <c>RIGHT_…</c> names.</summary>
internal sealed record RightsList(IReadOnlyList<string>? Rights);

/// <summary><c>APIKey</c>. <see cref="Key"/> (the full secret) is present only in the create answer.</summary>
internal sealed record ThingsStackApiKey
{
    public string? Id { get; init; }

    public string? Key { get; init; }

    public string? Name { get; init; }

    public IReadOnlyList<string>? Rights { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Never prints the secret.</summary>
    public override string ToString() =>
        $"ThingsStackApiKey {{ Id = {Id}, Name = {Name}, Key = {(Key is null ? "null" : "[REDACTED]")} }}";
}

/// <summary>The <c>api_key</c> member of <c>AuthInfoResponse</c>.</summary>
internal sealed record ApiKeyAccess(ThingsStackApiKey? ApiKey, EntityIdentifiers? EntityIds);

/// <summary>The <c>oauth_access_token</c> member of <c>AuthInfoResponse</c> (only the parts a provisioner needs).</summary>
internal sealed record OAuthAccessTokenInfo(UserIdentifiers? UserIds, IReadOnlyList<string>? Rights);

/// <summary><c>AuthInfoResponse</c>.</summary>
internal sealed record AuthInfo
{
    public ApiKeyAccess? ApiKey { get; init; }

    [JsonPropertyName("oauth_access_token")]
    public OAuthAccessTokenInfo? OAuthAccessToken { get; init; }

    public JsonElement? UserSession { get; init; }

    public RightsList? UniversalRights { get; init; }

    public bool IsAdmin { get; init; }
}

/// <summary><c>Organization</c>.</summary>
internal sealed record Organization
{
    public required OrganizationIdentifiers Ids { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }
}

/// <summary><c>Application</c>.</summary>
internal sealed record Application
{
    public required ApplicationIdentifiers Ids { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public string? NetworkServerAddress { get; init; }

    public string? ApplicationServerAddress { get; init; }

    public string? JoinServerAddress { get; init; }
}

/// <summary><c>ApplicationWebhookIdentifiers</c>. <see cref="ApplicationIds"/> comes from the path on writes.</summary>
internal sealed record WebhookIdentifiers(string WebhookId, ApplicationIdentifiers? ApplicationIds = null);

/// <summary><c>ApplicationWebhook.Message</c>: the path appended to the base URL for one event type.</summary>
internal sealed record WebhookMessage(string? Path);

/// <summary><c>ApplicationWebhook</c>. Headers and the downlink key may hold secrets.</summary>
internal sealed record Webhook
{
    public required WebhookIdentifiers Ids { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? BaseUrl { get; init; }

    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    public string? Format { get; init; }

    public string? DownlinkApiKey { get; init; }

    public WebhookMessage? UplinkMessage { get; init; }

    public WebhookMessage? UplinkNormalized { get; init; }

    public WebhookMessage? JoinAccept { get; init; }

    public WebhookMessage? DownlinkAck { get; init; }

    public WebhookMessage? DownlinkNack { get; init; }

    public WebhookMessage? DownlinkSent { get; init; }

    public WebhookMessage? DownlinkFailed { get; init; }

    public WebhookMessage? DownlinkQueued { get; init; }

    public WebhookMessage? DownlinkQueueInvalidated { get; init; }

    public WebhookMessage? LocationSolved { get; init; }

    public WebhookMessage? ServiceData { get; init; }

    public bool? Paused { get; init; }

    /// <summary>Never prints header values or the downlink key.</summary>
    public override string ToString() =>
        $"Webhook {{ Id = {Ids.WebhookId}, BaseUrl = {BaseUrl}, Format = {Format}, Headers = {Headers?.Count ?? 0} (redacted) }}";
}

/// <summary><c>EndDeviceIdentifiers</c>; EUIs are upper-case hex. <see cref="ApplicationIds"/> comes from the path on writes.</summary>
internal sealed record EndDeviceIdentifiers
{
    public required string DeviceId { get; init; }

    public ApplicationIdentifiers? ApplicationIds { get; init; }

    public string? DevEui { get; init; }

    public string? JoinEui { get; init; }
}

/// <summary><c>KeyEnvelope</c>: a plain AES key as 32 hex characters.</summary>
internal sealed record KeyEnvelope(string? Key)
{
    /// <summary>Never shows the key.</summary>
    public override string ToString() => Key is null ? "KeyEnvelope(none)" : "KeyEnvelope(****)";
}

/// <summary><c>RootKeys</c> (OTAA).</summary>
internal sealed record RootKeys
{
    public KeyEnvelope? AppKey { get; init; }

    public KeyEnvelope? NwkKey { get; init; }

    /// <summary>Never shows the keys.</summary>
    public override string ToString() =>
        $"RootKeys(AppKey {(AppKey is null ? "none" : "****")}, NwkKey {(NwkKey is null ? "none" : "****")})";
}

/// <summary><c>EndDevice</c>: the fields the IS, JS, NS and AS records of a provisioned device use.</summary>
internal sealed record EndDevice
{
    public required EndDeviceIdentifiers Ids { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public string? NetworkServerAddress { get; init; }

    public string? ApplicationServerAddress { get; init; }

    public string? JoinServerAddress { get; init; }

    public string? FrequencyPlanId { get; init; }

    public string? LorawanVersion { get; init; }

    public string? LorawanPhyVersion { get; init; }

    public bool? SupportsJoin { get; init; }

    public RootKeys? RootKeys { get; init; }

    /// <summary>Never prints root keys.</summary>
    public override string ToString() =>
        $"EndDevice {{ DeviceId = {Ids.DeviceId}, DevEui = {Ids.DevEui}, JoinEui = {Ids.JoinEui}, "
        + $"RootKeys = {(RootKeys is null ? "null" : "[REDACTED]")} }}";
}

/// <summary><c>Gateway</c>.</summary>
internal sealed record Gateway
{
    public required GatewayIdentifiers Ids { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public DateTimeOffset? DeletedAt { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyDictionary<string, string>? Attributes { get; init; }

    public string? GatewayServerAddress { get; init; }

    public IReadOnlyList<string>? FrequencyPlanIds { get; init; }
}

/// <summary>The TTS error body, a <c>google.rpc.Status</c>.</summary>
internal sealed record ErrorStatus(int? Code, string? Message, IReadOnlyList<ErrorDetails>? Details);

/// <summary><c>ErrorDetails</c> (<c>v3ErrorDetails</c>), recursive through <see cref="Cause"/>.</summary>
internal sealed record ErrorDetails
{
    public string? Namespace { get; init; }

    public string? Name { get; init; }

    public string? MessageFormat { get; init; }

    public IReadOnlyDictionary<string, JsonElement>? Attributes { get; init; }

    public string? CorrelationId { get; init; }

    public ErrorDetails? Cause { get; init; }

    public int? Code { get; init; }
}

// Request bodies. Path parameters are left out: the server fills them from the path, and the swagger's body
// schemas do not declare them.

internal sealed record OrganizationCreateRequest(Organization Organization);

internal sealed record ApplicationCreateRequest(Application Application);

internal sealed record ApiKeyCreateRequest(string Name, IReadOnlyList<string> Rights, DateTimeOffset? ExpiresAt);

internal sealed record WebhookSetRequest(Webhook Webhook, string FieldMask);

internal sealed record EndDeviceCreateRequest(EndDevice EndDevice);

internal sealed record EndDeviceSetRequest(EndDevice EndDevice, string FieldMask);

internal sealed record GatewayCreateRequest(Gateway Gateway);

// List answers.

internal sealed record ApiKeyList(IReadOnlyList<ThingsStackApiKey>? ApiKeys);

internal sealed record WebhookList(IReadOnlyList<Webhook>? Webhooks);

internal sealed record EndDeviceList(IReadOnlyList<EndDevice>? EndDevices);

internal sealed record GatewayList(IReadOnlyList<Gateway>? Gateways);

internal sealed record ApplicationList(IReadOnlyList<Application>? Applications);

/// <summary>An empty answer (<c>{}</c>).</summary>
internal sealed record EmptyResponse;

/// <summary>System.Text.Json source generation for every wire model (AOT and trimming safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false)]
[JsonSerializable(typeof(AuthInfo))]
[JsonSerializable(typeof(RightsList))]
[JsonSerializable(typeof(Organization))]
[JsonSerializable(typeof(Application))]
[JsonSerializable(typeof(ApplicationList))]
[JsonSerializable(typeof(ThingsStackApiKey))]
[JsonSerializable(typeof(ApiKeyList))]
[JsonSerializable(typeof(Webhook))]
[JsonSerializable(typeof(WebhookList))]
[JsonSerializable(typeof(EndDevice))]
[JsonSerializable(typeof(EndDeviceList))]
[JsonSerializable(typeof(Gateway))]
[JsonSerializable(typeof(GatewayList))]
[JsonSerializable(typeof(ErrorStatus))]
[JsonSerializable(typeof(OrganizationCreateRequest))]
[JsonSerializable(typeof(ApplicationCreateRequest))]
[JsonSerializable(typeof(ApiKeyCreateRequest))]
[JsonSerializable(typeof(WebhookSetRequest))]
[JsonSerializable(typeof(EndDeviceCreateRequest))]
[JsonSerializable(typeof(EndDeviceSetRequest))]
[JsonSerializable(typeof(GatewayCreateRequest))]
[JsonSerializable(typeof(EmptyResponse))]
internal sealed partial class ThingsStackJsonContext : JsonSerializerContext;
