using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.Gateways;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

using DeviceLog = Ttn.Provisioning.DeviceRegistration.Log;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Registers (or claims) a gateway under the tenant's organization with the organization key, then, when asked, creates
/// its LNS key. An EUI or id already taken is looked at: the same gateway in the tenant's organization is already
/// present, anything else a conflict.
/// </summary>
internal sealed class RegisterGatewayOperation : DeviceOperation<GatewayRegistrationResult>
{
    private readonly GatewayDefinition _gateway;

    /// <exception cref="ArgumentException">The definition breaks a rule.</exception>
    public RegisterGatewayOperation(DeviceServices services, GatewayDefinition gateway)
        : base(services)
    {
        _gateway = GatewayWireModel.Prepare(gateway, nameof(gateway));
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.RegisterGateway;

    protected override bool ActsOnGateways => true;

    protected override GatewayRegistrationResult CreateResult(TenantRecord? record) => new()
    {
        GatewayId = _gateway.GatewayId,
        Eui = _gateway.Eui,
    };

    protected override async Task<GatewayRegistrationResult> ExecuteAsync(DeviceSession session, CancellationToken cancellationToken)
    {
        var claiming = _gateway.ClaimAuthenticationCode is not null;
        TtsFailure? create;
        if (claiming)
        {
            var claim = GatewayWireModel.ForClaim(_gateway, session.OrganizationId, session.ClusterAddress);
            create = (await session.Context.CallAsync(
                "Claiming the gateway",
                () => session.Client.ClaimGatewayAsync(session.ApiKey, claim, cancellationToken),
                cancellationToken).ConfigureAwait(false)).Failure;
        }
        else
        {
            var gateway = GatewayWireModel.ForCreate(_gateway, session.ClusterAddress);
            create = (await session.Context.CallAsync(
                "Creating the gateway",
                () => session.Client.CreateGatewayAsync(session.ApiKey, session.OrganizationId, gateway, cancellationToken),
                cancellationToken).ConfigureAwait(false)).Failure;
        }

        var status = create is null
            ? (claiming ? GatewayRegistrationStatus.Claimed : GatewayRegistrationStatus.Registered)
            : await AfterFailureAsync(session, create, cancellationToken).ConfigureAwait(false);
        DeviceLog.Gateway(session.Logger, session.TenantId, _gateway.GatewayId!, status.ToString());
        if (status is GatewayRegistrationStatus.Conflict or GatewayRegistrationStatus.Failed)
        {
            var conflict = status == GatewayRegistrationStatus.Conflict ? ConflictMessage(create!) : null;
            return Result(session, status, create!.ToError(null, session.Now), conflict);
        }

        return _gateway.CreateLnsKey
            ? await WithLnsKeyAsync(session, status, cancellationToken).ConfigureAwait(false)
            : Result(session, status);
    }

    /// <summary>Registered after all (an answer that was lost), already present, a conflict, or failed.</summary>
    private async Task<GatewayRegistrationStatus> AfterFailureAsync(
        DeviceSession session, TtsFailure failure, CancellationToken cancellationToken)
    {
        var taken = failure.IsAlreadyExists || failure.Exception is { IsGatewayEuiTaken: true };
        if (!taken && !DeviceRegistrar.MayHaveActed(failure))
        {
            return GatewayRegistrationStatus.Failed;
        }

        // The tenant's organization may hold this very gateway (an earlier call, or this one's lost answer).
        var ours = await session.Context.ListAsync(
            "Listing the organization's gateways",
            () => session.Client.ListGatewaysAsync(session.ApiKey, session.OrganizationId, cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        var same = ours.Succeeded && ours.Value.Any(g => g.Ids.GatewayId == _gateway.GatewayId
            && string.Equals(g.Ids.Eui, _gateway.Eui, StringComparison.OrdinalIgnoreCase));
        return same
            ? (taken ? GatewayRegistrationStatus.AlreadyPresent : GatewayRegistrationStatus.Registered)
            : taken ? GatewayRegistrationStatus.Conflict : GatewayRegistrationStatus.Failed;
    }

    private async Task<GatewayRegistrationResult> WithLnsKeyAsync(
        DeviceSession session, GatewayRegistrationStatus status, CancellationToken cancellationToken)
    {
        var name = $"{Services.Options.ApiKeyNamePrefix}-lns";
        var key = await session.Context.CallAsync(
            "Creating the gateway's LNS key",
            () => session.Client.CreateGatewayApiKeyAsync(
                session.ApiKey, _gateway.GatewayId!, name[..Math.Min(name.Length, 50)], [ThingsStackRights.GatewayLink], cancellationToken),
            cancellationToken).ConfigureAwait(false);
        if (!key.Succeeded || key.Value.Key is not { Length: > 0 } secret)
        {
            var why = key.Failure?.Message ?? "The Things Stack answered no key.";
            return Result(session, status, warning: $"The gateway is registered, but its LNS key was not created: {why}");
        }

        var sealedKey = _gateway.SealLnsKey ? Services.Vault.Seal(session.TenantId, SecretField.GatewayLnsKey, secret) : null;
        return Result(session, status, lnsKey: (SafeDecrypt.Decrypted(secret), key.Value.Id, sealedKey));
    }

    private static string ConflictMessage(TtsFailure failure)
    {
        var attributes = failure.Exception?.Attributes ?? new Dictionary<string, string>();
        var holder = attributes.GetValueOrDefault("gateway_id");
        var contact = attributes.GetValueOrDefault("administrative_contact");
        return failure.Exception is { IsGatewayEuiTaken: true }
            ? $"The gateway EUI is already registered{(holder is null ? "" : $" as gateway '{holder}'")}"
                + $"{(contact is null ? "" : $" (administrative contact: {contact})")}, by another account or organization."
            : "The gateway id is taken, by another gateway or by a deleted one "
                + "(The Things Stack keeps deleted ids until an admin purges them).";
    }

    private GatewayRegistrationResult Result(
        DeviceSession session,
        GatewayRegistrationStatus status,
        TenantError? error = null,
        string? conflict = null,
        string? warning = null,
        (SafeDecrypt Key, string? Id, string? Sealed)? lnsKey = null) => new()
    {
        Outcome = status is GatewayRegistrationStatus.Conflict or GatewayRegistrationStatus.Failed
            ? ProvisioningOutcome.Failed
            : ProvisioningOutcome.Succeeded,
        GatewayId = _gateway.GatewayId,
        Eui = _gateway.Eui,
        Status = status,
        Error = error,
        ConflictMessage = conflict,
        Warnings = warning is null ? [] : [warning],
        LnsApiKey = lnsKey?.Key ?? SafeDecrypt.Empty,
        LnsApiKeyId = lnsKey?.Id,
        SealedLnsApiKey = lnsKey?.Sealed,
    };
}
