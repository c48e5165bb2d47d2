using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Gateways;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Testing;

/// <summary>The results of <see cref="IGatewayService"/>.</summary>
public static partial class DeviceModelFactory
{
    /// <summary>Builds a <see cref="Gateways.GatewayRegistrationResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="gatewayId">The gateway id.</param>
    /// <param name="eui">The gateway EUI (upper-case hex).</param>
    /// <param name="status">What happened; null when the call was refused before it was tried.</param>
    /// <param name="conflictMessage">What holds the EUI or id, for a conflict.</param>
    /// <param name="lnsApiKey">The LNS API key (<see cref="SafeDecrypt.Empty"/>, the default, when none was created).</param>
    /// <param name="lnsApiKeyId">The LNS key's TTS key id.</param>
    /// <param name="sealedLnsApiKey">The LNS key sealed for the host to keep.</param>
    /// <param name="warnings">What went wrong without failing the registration (none when null).</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static GatewayRegistrationResult GatewayRegistrationResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        string? gatewayId = null,
        string? eui = null,
        GatewayRegistrationStatus? status = null,
        string? conflictMessage = null,
        SafeDecrypt lnsApiKey = default,
        string? lnsApiKeyId = null,
        string? sealedLnsApiKey = null,
        IReadOnlyList<string>? warnings = null,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        GatewayId = gatewayId,
        Eui = eui,
        Status = status,
        ConflictMessage = conflictMessage,
        LnsApiKey = lnsApiKey,
        LnsApiKeyId = lnsApiKeyId,
        SealedLnsApiKey = sealedLnsApiKey,
        Warnings = warnings ?? [],
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds a <see cref="Gateways.GatewayStatusResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="gateways">Each gateway's status (none when null).</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static GatewayStatusResult GatewayStatusResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        IReadOnlyList<GatewayStatus>? gateways = null,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        Gateways = gateways ?? [],
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds a <see cref="Gateways.GatewayStatus"/>.</summary>
    /// <param name="gatewayId">The gateway id.</param>
    /// <param name="isConnected">Whether the Gateway Server has a connection of the gateway.</param>
    /// <param name="isOnline">Whether it is connected and reported its status recently.</param>
    /// <param name="protocol">The protocol it connected with.</param>
    /// <param name="connectedAt">When it connected.</param>
    /// <param name="lastStatusReceivedAt">When its last status message arrived.</param>
    /// <param name="lastSeenAt">When it was last heard from.</param>
    /// <param name="uplinkCount">Uplinks received on this connection.</param>
    /// <param name="downlinkCount">Downlinks sent on this connection.</param>
    /// <returns>The status.</returns>
    public static GatewayStatus GatewayStatus(
        string gatewayId = "gateway",
        bool isConnected = false,
        bool isOnline = false,
        string? protocol = null,
        DateTimeOffset? connectedAt = null,
        DateTimeOffset? lastStatusReceivedAt = null,
        DateTimeOffset? lastSeenAt = null,
        long uplinkCount = 0,
        long downlinkCount = 0) => new(gatewayId)
    {
        IsConnected = isConnected,
        IsOnline = isOnline,
        Protocol = protocol,
        ConnectedAt = connectedAt,
        LastStatusReceivedAt = lastStatusReceivedAt,
        LastSeenAt = lastSeenAt,
        UplinkCount = uplinkCount,
        DownlinkCount = downlinkCount,
    };

    /// <summary>Builds a <see cref="Gateways.GatewayRemovalResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="gatewayId">The gateway id.</param>
    /// <param name="status">Deleted, AlreadyGone, or Failed.</param>
    /// <param name="purged">Whether it was also purged.</param>
    /// <param name="idReserved">Whether its id stays reserved.</param>
    /// <param name="warnings">Why it was not purged (none when null).</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static GatewayRemovalResult GatewayRemovalResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        string? gatewayId = null,
        CleanupStatus? status = null,
        bool purged = false,
        bool idReserved = false,
        IReadOnlyList<string>? warnings = null,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        GatewayId = gatewayId,
        Status = status,
        Purged = purged,
        IdReserved = idReserved,
        Warnings = warnings ?? [],
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };
}
