namespace Ttn.Provisioning.Testing;

/// <summary>The kind of entity an API key belongs to.</summary>
public enum FakeEntityType
{
    /// <summary>A user.</summary>
    User,

    /// <summary>An organization.</summary>
    Organization,

    /// <summary>An application.</summary>
    Application,

    /// <summary>A gateway.</summary>
    Gateway,
}

/// <summary>A snapshot of an organization, application or gateway in the fake's Identity Server.</summary>
public sealed class FakeRegistryEntity
{
    internal FakeRegistryEntity(string id, string? name, DateTimeOffset createdAt, DateTimeOffset? deletedAt,
        IReadOnlyDictionary<string, string> attributes,
        IReadOnlyList<string> userCollaborators,
        IReadOnlyList<string> organizationCollaborators,
        string? eui)
    {
        Id = id;
        Name = name;
        CreatedAt = createdAt;
        DeletedAt = deletedAt;
        Attributes = attributes;
        UserCollaborators = userCollaborators;
        OrganizationCollaborators = organizationCollaborators;
        Eui = eui;
    }

    /// <summary>The ID.</summary>
    public string Id { get; }

    /// <summary>The name, if set.</summary>
    public string? Name { get; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When it was soft-deleted; null while live.</summary>
    public DateTimeOffset? DeletedAt { get; }

    /// <summary>Whether it is soft-deleted (its ID stays reserved until an admin purge).</summary>
    public bool IsDeleted => DeletedAt is not null;

    /// <summary>The attributes.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; }

    /// <summary>Users that are collaborators (members).</summary>
    public IReadOnlyList<string> UserCollaborators { get; }

    /// <summary>Organizations that are collaborators (applications and gateways).</summary>
    public IReadOnlyList<string> OrganizationCollaborators { get; }

    /// <summary>The gateway EUI (gateways only; released on delete).</summary>
    public string? Eui { get; }
}

/// <summary>A snapshot of an API key (never its secret).</summary>
public sealed class FakeApiKey
{
    internal FakeApiKey(
        string id,
        string name,
        FakeEntityType entityType,
        string entityId,
        IReadOnlyList<string> rights,
        DateTimeOffset createdAt,
        DateTimeOffset? expiresAt)
    {
        Id = id;
        Name = name;
        EntityType = entityType;
        EntityId = entityId;
        Rights = rights;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    /// <summary>The key id (the middle part of the token).</summary>
    public string Id { get; }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The kind of entity it belongs to.</summary>
    public FakeEntityType EntityType { get; }

    /// <summary>The ID of the entity it belongs to.</summary>
    public string EntityId { get; }

    /// <summary>The rights as granted (pseudo-rights such as <c>RIGHT_APPLICATION_ALL</c> not expanded).</summary>
    public IReadOnlyList<string> Rights { get; }

    /// <summary>When it was created.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>When it expires, if ever.</summary>
    public DateTimeOffset? ExpiresAt { get; }
}

/// <summary>A snapshot of a webhook in the fake's Application Server.</summary>
public sealed class FakeWebhook
{
    internal FakeWebhook(
        string applicationId, string webhookId, string? baseUrl, string? format, IReadOnlyDictionary<string, string> headers, string json)
    {
        ApplicationId = applicationId;
        WebhookId = webhookId;
        BaseUrl = baseUrl;
        Format = format;
        Headers = headers;
        Json = json;
    }

    /// <summary>The application ID.</summary>
    public string ApplicationId { get; }

    /// <summary>The webhook ID.</summary>
    public string WebhookId { get; }

    /// <summary>The base URL.</summary>
    public string? BaseUrl { get; }

    /// <summary>The format (<c>json</c> or <c>protobuf</c>).</summary>
    public string? Format { get; }

    /// <summary>The headers it sends on every request (secrets included, as configured).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>Every stored field as JSON (without ids, timestamps and health).</summary>
    public string Json { get; }

    /// <summary>The cluster whose Application Server holds it; null for a fake without clusters.</summary>
    public string? Cluster { get; internal init; }

    /// <summary>Whether deliveries are paused (<c>paused</c>).</summary>
    public bool Paused { get; internal init; }

    /// <summary>Its <c>health_status</c>; null until the first delivery (or when health checks are off).</summary>
    public FakeWebhookHealth? Health { get; internal init; }
}

/// <summary>A snapshot of an end device and which registries (of which clusters) hold a record of it.</summary>
public sealed class FakeEndDevice
{
    internal FakeEndDevice(string applicationId, string deviceId, IReadOnlyList<FakeDeviceRecord> records)
    {
        ApplicationId = applicationId;
        DeviceId = deviceId;
        Records = records;
        var main = records.FirstOrDefault(r => r.Registry == FakeDeviceRegistry.IdentityServer) ?? records[0];
        DevEui = main.DevEui;
        JoinEui = main.JoinEui;
    }

    /// <summary>The application ID.</summary>
    public string ApplicationId { get; }

    /// <summary>The device ID.</summary>
    public string DeviceId { get; }

    /// <summary>The DevEUI (upper-case hex) of the Identity Server record, or of the first record when the IS has none.</summary>
    public string? DevEui { get; }

    /// <summary>The JoinEUI (upper-case hex), taken like <see cref="DevEui"/>.</summary>
    public string? JoinEui { get; }

    /// <summary>Every registry's record, Identity Server first, then per cluster Join, Network and Application Server.</summary>
    public IReadOnlyList<FakeDeviceRecord> Records { get; }

    /// <summary>Whether the Identity Server has it.</summary>
    public bool InIdentityServer => In(FakeDeviceRegistry.IdentityServer);

    /// <summary>Whether a Join Server (of any cluster) has it.</summary>
    public bool InJoinServer => In(FakeDeviceRegistry.JoinServer);

    /// <summary>Whether a Network Server (of any cluster) has it.</summary>
    public bool InNetworkServer => In(FakeDeviceRegistry.NetworkServer);

    /// <summary>Whether an Application Server (of any cluster) has it.</summary>
    public bool InApplicationServer => In(FakeDeviceRegistry.ApplicationServer);

    /// <summary>Whether the registry has it; for JS, NS and AS, in the named cluster (null: any cluster).</summary>
    /// <param name="registry">The registry.</param>
    /// <param name="cluster">The cluster, for the Join, Network and Application Server.</param>
    /// <returns>True when that registry holds a record.</returns>
    public bool In(FakeDeviceRegistry registry, string? cluster = null) =>
        Records.Any(r => r.Registry == registry && (cluster is null || r.Cluster == cluster));
}
