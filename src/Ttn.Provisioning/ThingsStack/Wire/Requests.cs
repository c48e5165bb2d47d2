
namespace Ttn.Provisioning.ThingsStack;

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
