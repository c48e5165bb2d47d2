using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

/// <summary>One registry's record of an end device: its identifiers and every other field as written.</summary>
internal sealed class DeviceRecord(string applicationId, string deviceId, DateTimeOffset createdAt)
{
    public string ApplicationId { get; } = applicationId;

    public string DeviceId { get; } = deviceId;

    public string? DevEui { get; set; }

    public string? JoinEui { get; set; }

    public string? DevAddr { get; set; }

    /// <summary>The stored fields except <c>ids</c> and timestamps.</summary>
    public JsonObject Fields { get; set; } = [];

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public bool HasEuis => DevEui is not null && JoinEui is not null;
}

/// <summary>A webhook's <c>health_status</c>: null (unknown) until the first delivery.</summary>
internal sealed record WebhookHealth(bool Healthy, long FailedAttempts, DateTimeOffset? LastFailedAttemptAt, JsonObject? Details)
{
    public static WebhookHealth Good { get; } = new(true, 0, null, null);

    public JsonObject ToJson()
    {
        if (Healthy)
        {
            return new JsonObject { ["healthy"] = new JsonObject() };
        }
        var unhealthy = new JsonObject { ["failed_attempts"] = FailedAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (LastFailedAttemptAt is { } at)
        {
            unhealthy["last_failed_attempt_at"] = TtsApi.Time(at);
        }
        if (Details is not null)
        {
            unhealthy["last_failed_attempt_details"] = Details.DeepClone();
        }
        return new JsonObject { ["unhealthy"] = unhealthy };
    }
}

internal sealed class WebhookEntity(string applicationId, string webhookId, DateTimeOffset createdAt)
{
    public string ApplicationId { get; } = applicationId;

    public string WebhookId { get; } = webhookId;

    /// <summary>The stored webhook fields except ids, timestamps and health.</summary>
    public JsonObject Data { get; } = [];

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public WebhookHealth? Health { get; set; }

    public bool Paused => Data["paused"] is JsonValue value && value.TryGetValue<bool>(out var paused) && paused;
}

/// <summary>The state of one cluster: its Application, Network and Join Server registries and its Gateway Server.</summary>
internal sealed class ClusterState(string? name, string? host)
{
    /// <summary>The configured name; null for the single cluster of a fake without <c>Clusters</c>.</summary>
    public string? Name { get; } = name;

    /// <summary>The configured host; null for the single cluster of a fake without <c>Clusters</c>.</summary>
    public string? Host { get; } = host;

    /// <summary>Keyed by <c>application_id/webhook_id</c>.</summary>
    public Dictionary<string, WebhookEntity> Webhooks { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DeviceRecord> JoinServer { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DeviceRecord> NetworkServer { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DeviceRecord> ApplicationServer { get; } = new(StringComparer.Ordinal);

    /// <summary>The frame counter of the last simulated uplink per <c>application_id/device_id</c>.</summary>
    public Dictionary<string, int> UplinkCounters { get; } = new(StringComparer.Ordinal);

    /// <summary>Gateway Server connection stats by gateway ID (absent: not connected).</summary>
    public Dictionary<string, JsonObject> GatewayStats { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DeviceRecord> Devices(FakeDeviceRegistry registry) => registry switch
    {
        FakeDeviceRegistry.JoinServer => JoinServer,
        FakeDeviceRegistry.NetworkServer => NetworkServer,
        FakeDeviceRegistry.ApplicationServer => ApplicationServer,
        _ => throw new ArgumentOutOfRangeException(nameof(registry)),
    };

    public static string WebhookKey(string applicationId, string webhookId) => applicationId + "/" + webhookId;
}
