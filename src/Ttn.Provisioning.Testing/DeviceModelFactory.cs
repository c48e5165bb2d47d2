using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Testing;

/// <summary>
/// Builds the results of <see cref="IDeviceService"/> and <see cref="Gateways.IGatewayService"/>, and what they hold, for a
/// host's own tests, for example to return from a substitute service. The library builds these results itself, so their
/// constructors and setters are not public; each method here takes every property as an optional parameter whose
/// default is the value the library starts from.
/// </summary>
/// <example>
/// <code>
/// devices.GetDeviceAsync(caller, "sensor-1", Arg.Any&lt;CancellationToken&gt;()).Returns(DeviceModelFactory.DeviceReadResult(
///     tenantId: "acme", device: DeviceModelFactory.EndDeviceInfo(deviceId: "sensor-1", devEui: "70B3D57ED0000001")));
/// </code>
/// </example>
public static partial class DeviceModelFactory
{
    /// <summary>Builds a <see cref="Devices.DeviceRegistrationResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="deviceId">The device id.</param>
    /// <param name="status">What happened to the device; null when the call was refused before it was tried.</param>
    /// <param name="created">The registries the call created the device in.</param>
    /// <param name="rolledBack">The registries the device was removed from again.</param>
    /// <param name="notRolledBack">The registries that still hold a part of the device.</param>
    /// <param name="conflict">Who holds the device id or the EUI pair, for a conflict.</param>
    /// <param name="sealedAppKey">The AppKey sealed for the host to keep.</param>
    /// <param name="sealedNwkKey">The NwkKey sealed for the host to keep.</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static DeviceRegistrationResult DeviceRegistrationResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        string? deviceId = null,
        DeviceOutcome? status = null,
        DeviceRegistries created = DeviceRegistries.None,
        DeviceRegistries rolledBack = DeviceRegistries.None,
        DeviceRegistries notRolledBack = DeviceRegistries.None,
        DeviceConflict? conflict = null,
        string? sealedAppKey = null,
        string? sealedNwkKey = null,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        DeviceId = deviceId,
        Status = status,
        Created = created,
        RolledBack = rolledBack,
        NotRolledBack = notRolledBack,
        Conflict = conflict,
        SealedAppKey = sealedAppKey,
        SealedNwkKey = sealedNwkKey,
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds a <see cref="Devices.DeviceConflict"/>.</summary>
    /// <param name="registry">The registry that refused the device.</param>
    /// <param name="applicationId">The application holding the other device.</param>
    /// <param name="deviceId">The other device's id.</param>
    /// <param name="message">What the conflict is, in words.</param>
    /// <returns>The conflict.</returns>
    public static DeviceConflict DeviceConflict(
        DeviceRegistries registry = DeviceRegistries.IdentityServer,
        string? applicationId = null,
        string? deviceId = null,
        string message = "conflict") => new(registry, applicationId, deviceId, message);

    /// <summary>Builds a <see cref="Devices.DeviceReadResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="device">The device as the Identity Server shows it.</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static DeviceReadResult DeviceReadResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        EndDeviceInfo? device = null,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        Device = device,
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds a <see cref="Devices.DeviceListResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="devices">The page's devices (none when null).</param>
    /// <param name="page">The page (1-based).</param>
    /// <param name="pageSize">The page size asked for.</param>
    /// <param name="totalCount">How many devices the application holds.</param>
    /// <param name="unfinished">The tenant's unfinished devices (none when null).</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static DeviceListResult DeviceListResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        IReadOnlyList<EndDeviceInfo>? devices = null,
        int page = 0,
        int pageSize = 0,
        long? totalCount = null,
        IReadOnlyList<UnfinishedDevice>? unfinished = null,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        Devices = devices ?? [],
        Page = page,
        PageSize = pageSize,
        TotalCount = totalCount,
        Unfinished = unfinished ?? [],
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds an <see cref="Devices.EndDeviceInfo"/>.</summary>
    /// <param name="deviceId">The device id.</param>
    /// <param name="applicationId">The application the device belongs to.</param>
    /// <param name="devEui">The DevEUI (upper-case hex).</param>
    /// <param name="joinEui">The JoinEUI (upper-case hex).</param>
    /// <param name="name">The name.</param>
    /// <param name="description">The description.</param>
    /// <param name="attributes">The attributes.</param>
    /// <param name="versionIds">The device model.</param>
    /// <param name="createdAt">When the Identity Server created the entry.</param>
    /// <param name="updatedAt">When the entry was last changed.</param>
    /// <returns>The device.</returns>
    public static EndDeviceInfo EndDeviceInfo(
        string deviceId = "device",
        string applicationId = "application",
        string? devEui = null,
        string? joinEui = null,
        string? name = null,
        string? description = null,
        IReadOnlyDictionary<string, string>? attributes = null,
        EndDeviceVersionIds? versionIds = null,
        DateTimeOffset? createdAt = null,
        DateTimeOffset? updatedAt = null) => new(deviceId, applicationId)
    {
        DevEui = devEui,
        JoinEui = joinEui,
        Name = name,
        Description = description,
        Attributes = attributes,
        VersionIds = versionIds,
        CreatedAt = createdAt,
        UpdatedAt = updatedAt,
    };
}
