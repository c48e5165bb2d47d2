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

/// <summary>A collaborator's rights on an entity: as written (listed back that way) and expanded (checked).</summary>
internal sealed class Membership
{
    public Membership(IEnumerable<string> rights)
    {
        Rights = [.. rights];
        Expanded = Internal.Rights.Expand(Rights);
    }

    public IReadOnlyList<string> Rights { get; }

    public HashSet<string> Expanded { get; }
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

    /// <summary>User collaborators (members) and their rights.</summary>
    public Dictionary<string, Membership> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>Organization collaborators (applications and gateways only) and their rights.</summary>
    public Dictionary<string, Membership> Organizations { get; } = new(StringComparer.Ordinal);
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

/// <summary>A gateway EUI a test registered as claimable through the Gateway Claiming Server.</summary>
internal sealed class ClaimableGateway(string eui, string authenticationCode)
{
    public string Eui { get; } = eui;

    public string AuthenticationCode { get; } = authenticationCode;
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

    /// <summary>The Identity Server's end devices (global), keyed by <c>application_id/device_id</c>.</summary>
    public Dictionary<string, DeviceRecord> IdentityServerDevices { get; } = new(StringComparer.Ordinal);

    /// <summary>Claimable gateways by EUI (upper-case hex).</summary>
    public Dictionary<string, ClaimableGateway> ClaimableGateways { get; } = new(StringComparer.Ordinal);

    /// <summary>Every cluster's state, in configuration order (one unnamed cluster when none are configured).</summary>
    public List<ClusterState> Clusters { get; } = [];

    /// <summary>Webhook deliveries, in the order they finished.</summary>
    public List<FakeWebhookDelivery> Deliveries { get; } = [];

    public Dictionary<string, RegistryEntity> Registry(EntityKind kind) => kind switch
    {
        EntityKind.Organization => Organizations,
        EntityKind.Application => Applications,
        EntityKind.Gateway => Gateways,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string DeviceKey(string applicationId, string deviceId) => applicationId + "/" + deviceId;
}
