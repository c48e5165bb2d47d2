using System.Text.Json.Nodes;

namespace Ttn.Provisioning.Testing.Internal;

internal enum EntityKind
{
    User,
    Organization,
    Application,
    Gateway,
}

internal sealed class UserEntity(string id, bool isAdmin)
{
    public string Id { get; } = id;

    public bool IsAdmin { get; } = isAdmin;
}

/// <summary>An organization, application or gateway in the Identity Server registry.</summary>
internal sealed class RegistryEntity(EntityKind kind, string id, DateTimeOffset createdAt)
{
    public EntityKind Kind { get; } = kind;

    public string Id { get; } = id;

    /// <summary>Every field as written (name, description, attributes, addresses, contacts…), except ids and timestamps.</summary>
    public JsonObject Fields { get; set; } = [];

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public DateTimeOffset? DeletedAt { get; set; }

    public bool IsDeleted => DeletedAt is not null;

    /// <summary>Gateway EUI (upper-case hex), for gateways.</summary>
    public string? Eui { get; set; }

    /// <summary>User collaborators and their expanded rights.</summary>
    public Dictionary<string, HashSet<string>> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>Organization collaborators (applications and gateways only) and their expanded rights.</summary>
    public Dictionary<string, HashSet<string>> Organizations { get; } = new(StringComparer.Ordinal);
}

internal sealed class ApiKeyEntity(string id, byte[] secretHash, EntityKind ownerKind, string ownerId, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public byte[] SecretHash { get; } = secretHash;

    public EntityKind OwnerKind { get; } = ownerKind;

    public string OwnerId { get; } = ownerId;

    public string Name { get; set; } = "";

    /// <summary>The rights as written at creation (pseudo-rights kept).</summary>
    public IReadOnlyList<string> Rights { get; set; } = [];

    public HashSet<string> Expanded { get; set; } = [];

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public DateTimeOffset? ExpiresAt { get; set; }
}

internal sealed class WebhookEntity(string applicationId, string webhookId, DateTimeOffset createdAt)
{
    public string ApplicationId { get; } = applicationId;

    public string WebhookId { get; } = webhookId;

    /// <summary>The stored webhook fields except ids and timestamps.</summary>
    public JsonObject Data { get; } = [];

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;
}

/// <summary>One end device, with its record in each of the four registries (null when absent).</summary>
internal sealed class DeviceEntity(string applicationId, string deviceId, DateTimeOffset createdAt)
{
    public string ApplicationId { get; } = applicationId;

    public string DeviceId { get; } = deviceId;

    public string? DevEui { get; set; }

    public string? JoinEui { get; set; }

    public JsonObject? IdentityServer { get; set; }

    public JsonObject? JoinServer { get; set; }

    public JsonObject? NetworkServer { get; set; }

    public JsonObject? ApplicationServer { get; set; }

    public DateTimeOffset CreatedAt { get; set; } = createdAt;

    public DateTimeOffset UpdatedAt { get; set; } = createdAt;

    public bool IsGone => IdentityServer is null && JoinServer is null && NetworkServer is null && ApplicationServer is null;
}

/// <summary>All state of the fake. Every read and write happens under <see cref="Gate"/>.</summary>
internal sealed class StateStore
{
    public Lock Gate { get; } = new();

    public Dictionary<string, UserEntity> Users { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RegistryEntity> Organizations { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RegistryEntity> Applications { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RegistryEntity> Gateways { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, ApiKeyEntity> ApiKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>Keyed by <c>application_id/webhook_id</c>.</summary>
    public Dictionary<string, WebhookEntity> Webhooks { get; } = new(StringComparer.Ordinal);

    /// <summary>Keyed by <c>application_id/device_id</c>.</summary>
    public Dictionary<string, DeviceEntity> Devices { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RegistryEntity> Registry(EntityKind kind) => kind switch
    {
        EntityKind.Organization => Organizations,
        EntityKind.Application => Applications,
        EntityKind.Gateway => Gateways,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
