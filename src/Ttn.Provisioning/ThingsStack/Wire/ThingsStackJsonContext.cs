using System.Text.Json.Serialization;

namespace Ttn.Provisioning.ThingsStack;

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
[JsonSerializable(typeof(CollaboratorList))]
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
[JsonSerializable(typeof(GatewayConnectionStats))]
[JsonSerializable(typeof(GatewayConnectionStatsBatchRequest))]
[JsonSerializable(typeof(GatewayConnectionStatsBatch))]
[JsonSerializable(typeof(ClaimGatewayRequest))]
[JsonSerializable(typeof(GatewayIdentifiers))]
internal sealed partial class ThingsStackJsonContext : JsonSerializerContext;
