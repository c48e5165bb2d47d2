using System.Text.Json.Nodes;
using Ttn.Provisioning.Testing.Internal;

namespace Ttn.Provisioning.Testing;

/// <summary>Inspection: snapshots of the registries, never live objects.</summary>
public sealed partial class FakeThingsStack
{
    /// <summary>The organizations, live and soft-deleted.</summary>
    public IReadOnlyList<FakeRegistryEntity> Organizations => Snapshot(EntityKind.Organization);

    /// <summary>The applications, live and soft-deleted.</summary>
    public IReadOnlyList<FakeRegistryEntity> Applications => Snapshot(EntityKind.Application);

    /// <summary>The gateways, live and soft-deleted.</summary>
    public IReadOnlyList<FakeRegistryEntity> Gateways => Snapshot(EntityKind.Gateway);

    /// <summary>Every API key (user, organization, application, gateway), without secrets.</summary>
    public IReadOnlyList<FakeApiKey> ApiKeys
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.ApiKeys.Values.OrderBy(k => k.CreatedAt).Select(k =>
                    new FakeApiKey(k.Id, k.Name, (FakeEntityType)(int)k.OwnerKind, k.OwnerId, [.. k.Rights], k.CreatedAt, k.ExpiresAt))];
            }
        }
    }

    /// <summary>The webhooks of every cluster.</summary>
    public IReadOnlyList<FakeWebhook> Webhooks
    {
        get
        {
            lock (_state.Gate)
            {
                return [.. _state.Clusters.SelectMany(c => c.Webhooks.Values.OrderBy(w => w.CreatedAt).Select(w => new FakeWebhook(
                    w.ApplicationId, w.WebhookId, TtsApi.Text(w.Data, "base_url"), TtsApi.Text(w.Data, "format"),
                    StringMap(w.Data["headers"]), w.Data.ToJsonString())
                {
                    Cluster = c.Name,
                    Paused = w.Paused,
                    Health = HealthOf(w.Health),
                }))];
            }
        }
    }

    /// <summary>
    /// The end devices that at least one registry of any cluster holds, one entry per application and device ID, with
    /// each registry's record in <see cref="FakeEndDevice.Records"/>.
    /// </summary>
    public IReadOnlyList<FakeEndDevice> EndDevices
    {
        get
        {
            lock (_state.Gate)
            {
                var records = _state.IdentityServerDevices.Values.Select(d =>
                    (Registry: FakeDeviceRegistry.IdentityServer, Cluster: (string?)null, Record: d))
                    .Concat(_state.Clusters.SelectMany(c =>
                        new[] { FakeDeviceRegistry.JoinServer, FakeDeviceRegistry.NetworkServer, FakeDeviceRegistry.ApplicationServer }
                            .SelectMany(r => c.Devices(r).Values.Select(d => (Registry: r, Cluster: c.Name, Record: d)))));
                return [.. records.GroupBy(r => StateStore.DeviceKey(r.Record.ApplicationId, r.Record.DeviceId), StringComparer.Ordinal)
                    .OrderBy(g => g.Min(r => r.Record.CreatedAt)).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new FakeEndDevice(g.First().Record.ApplicationId, g.First().Record.DeviceId,
                        [.. g.OrderBy(r => r.Registry).Select(r => DeviceRecordSnapshot(r.Registry, r.Cluster, r.Record))]))];
            }
        }
    }

    private static FakeDeviceRecord DeviceRecordSnapshot(FakeDeviceRegistry registry, string? cluster, DeviceRecord record) =>
        new(registry, cluster, record.DevEui, record.JoinEui, record.Fields.ToJsonString(),
            TtsApi.Text(record.Fields, "root_keys", "app_key", "key"), TtsApi.Text(record.Fields, "root_keys", "nwk_key", "key"));

    private static FakeWebhookHealth? HealthOf(WebhookHealth? health) => health switch
    {
        null => null,
        { Healthy: true } => FakeWebhookHealth.Healthy(),
        _ => FakeWebhookHealth.Unhealthy(health.FailedAttempts, health.LastFailedAttemptAt ?? DateTimeOffset.MinValue),
    };

    private List<FakeRegistryEntity> Snapshot(EntityKind kind)
    {
        lock (_state.Gate)
        {
            return [.. _state.Registry(kind).Values.OrderBy(e => e.CreatedAt).Select(e => new FakeRegistryEntity(
                e.Id, e.Fields["name"]?.ToString(), e.CreatedAt, e.DeletedAt, StringMap(e.Fields["attributes"]),
                [.. e.Users.Keys], [.. e.Organizations.Keys], e.Eui))];
        }
    }

    private static Dictionary<string, string> StringMap(JsonNode? node) =>
        node is JsonObject obj
            ? obj.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "", StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
}
