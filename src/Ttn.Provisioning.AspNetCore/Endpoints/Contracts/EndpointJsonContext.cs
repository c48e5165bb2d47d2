using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

/// <summary>
/// The source-generated JSON of the endpoints' requests and answers: camelCase, nulls left out. Answers are written with
/// it explicitly, never through the host's (reflection-based) JSON options.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TenantStatusResponse))]
[JsonSerializable(typeof(CredentialsResponse))]
[JsonSerializable(typeof(ProvisioningResponse))]
[JsonSerializable(typeof(StartFreshResponse))]
[JsonSerializable(typeof(DeepCleanResponse))]
[JsonSerializable(typeof(ApiKeyCheckResponse))]
[JsonSerializable(typeof(WebhookSecretRotationResponse))]
[JsonSerializable(typeof(OrganizationKeyRotationResponse))]
[JsonSerializable(typeof(DeviceListResponse))]
[JsonSerializable(typeof(DeviceResponse))]
[JsonSerializable(typeof(DeviceRegistrationResponse))]
[JsonSerializable(typeof(DeviceConflictView))]
[JsonSerializable(typeof(DeviceDiagnosisResponse))]
[JsonSerializable(typeof(DeviceRepairResponse))]
[JsonSerializable(typeof(DeviceRemovalResponse))]
[JsonSerializable(typeof(DeviceImportResponse))]
[JsonSerializable(typeof(InputErrorView[]))]
[JsonSerializable(typeof(GatewayRegistrationResponse))]
[JsonSerializable(typeof(GatewayStatusResponse))]
[JsonSerializable(typeof(GatewayRemovalResponse))]
[JsonSerializable(typeof(SettingsResponse))]
[JsonSerializable(typeof(ConnectionTestResponse))]
[JsonSerializable(typeof(HistoryResponse))]
[JsonSerializable(typeof(ConfirmationRequest))]
[JsonSerializable(typeof(StartFreshRequest))]
[JsonSerializable(typeof(ApiKeyCheckRequest))]
[JsonSerializable(typeof(ExistingApplicationRequest))]
[JsonSerializable(typeof(DeviceRequest))]
[JsonSerializable(typeof(DeviceRepairRequest))]
[JsonSerializable(typeof(GatewayRequest))]
[JsonSerializable(typeof(SettingsRequest))]
internal sealed partial class EndpointJsonContext : JsonSerializerContext;
