using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.DeviceRegistration;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>Registers one device in the four registries, with roll-back (see <see cref="DeviceRegistrar"/>).</summary>
internal sealed class RegisterDeviceOperation : DeviceOperation<DeviceRegistrationResult>
{
    private readonly EndDeviceDefinition _device;
    private readonly bool _sealRootKeys;

    /// <exception cref="ArgumentException">The definition breaks a rule.</exception>
    public RegisterDeviceOperation(DeviceServices services, EndDeviceDefinition device)
        : base(services)
    {
        _device = DeviceDefinitions.PrepareOrThrow(device, nameof(device));
        _sealRootKeys = device.SealRootKeys;
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.RegisterDevice;

    protected override DeviceRegistrationResult CreateResult(TenantRecord? record) => new()
    {
        DeviceId = _device.DeviceId,
    };

    protected override async Task<DeviceRegistrationResult> ExecuteAsync(DeviceSession session, CancellationToken cancellationToken)
    {
        if (await DeviceLimit.RefusesAsync(session, [_device.DeviceId!], cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            var requests = session.Context.RequestCount;
            return Answer(new OperationAnswer(session.TenantId, ProvisioningOutcome.Failed, null, refusal, null, requests));
        }

        var outcome = await DeviceRegistrar.RegisterAsync(session, _device, listed: null, cancellationToken).ConfigureAwait(false);
        if (!_sealRootKeys || outcome.Status is not (DeviceOutcome.Registered or DeviceOutcome.AlreadyPresent))
        {
            return ToResult(session, outcome);
        }

        // Sealed for the host only when it asked, and only once the Join Server holds these very keys.
        var vault = Services.Vault;
        return ToResult(
            session,
            outcome,
            _device.AppKey is { } appKey ? vault.Seal(session.TenantId, SecretField.DeviceAppKey, appKey) : null,
            _device.NwkKey is { } nwkKey ? vault.Seal(session.TenantId, SecretField.DeviceNwkKey, nwkKey) : null);
    }

    /// <summary>A registration's outcome as the service's result.</summary>
    public static DeviceRegistrationResult ToResult(
        DeviceSession session, RegistrationOutcome outcome, string? sealedAppKey = null, string? sealedNwkKey = null) => new()
    {
        Outcome = outcome.Status is DeviceOutcome.Registered or DeviceOutcome.AlreadyPresent
            ? ProvisioningOutcome.Succeeded
            : ProvisioningOutcome.Failed,
        DeviceId = outcome.DeviceId,
        Status = outcome.Status,
        Created = outcome.Created,
        RolledBack = outcome.RolledBack,
        NotRolledBack = outcome.NotRolledBack,
        Conflict = outcome.Conflict,
        SealedAppKey = sealedAppKey,
        SealedNwkKey = sealedNwkKey,
        Error = ErrorOf(outcome, session.Now),
    };

    /// <summary>The failure of a registration as a stored error: its reason in words, with what TTS answered.</summary>
    public static TenantError? ErrorOf(RegistrationOutcome outcome, DateTimeOffset now)
    {
        if (outcome.Reason is not { } reason)
        {
            return null;
        }

        var failure = outcome.Failure ?? TtsFailure.Refusal(reason);
        return failure.Rephrase(reason, failure.IsTransient && outcome.Status != DeviceOutcome.Conflict).ToError(null, now);
    }
}
