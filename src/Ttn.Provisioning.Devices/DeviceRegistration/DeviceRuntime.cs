using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Operations;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.ThingsStack;
using Ttn.Provisioning.Webhooks;

namespace Ttn.Provisioning.DeviceRegistration;

/// <summary>
/// What the device and gateway services share: the operation runner (policy, telemetry) and what their operations are
/// built from. One per container.
/// </summary>
internal sealed class DeviceRuntime
{
    public DeviceRuntime(
        IThingsStackClient client,
        ICredentialStore store,
        IDeviceStore devices,
        ISecretProtector protector,
        IRolePolicyEvaluator policy,
        IAdminApiKeyProvider adminKeys,
        IOptions<TtnProvisioningOptions> options,
        IOptions<TtnDeviceOptions> deviceOptions,
        IOptions<ThingsStackOptions> thingsStack,
        TimeProvider time,
        WebhookVerifier verifier,
        ILogger<DeviceRuntime>? logger = null)
    {
        var settings = options.Value;
        ILogger log = logger ?? NullLogger<DeviceRuntime>.Instance;
        Services = new DeviceServices(
            client,
            new TenantConventions(settings),
            new TenantVault(protector),
            devices,
            adminKeys,
            settings,
            deviceOptions.Value,
            time,
            log);

        // Like the provisioning service's: every write of the tenant record reaches the webhook verifier.
        var tenants = new InvalidatingCredentialStore(store, verifier);
        Runner = OperationRunner.Create(tenants, policy, adminKeys, time, settings, thingsStack.Value, log);
    }

    public DeviceServices Services { get; }

    public OperationRunner Runner { get; }

    /// <summary>Runs an operation built after the caller was checked (so a misused caller throws before the arguments do).</summary>
    public Task<TResult> RunAsync<TResult>(
        ProvisioningCaller caller, Func<DeviceServices, TenantOperation<TResult>> create, CancellationToken cancellationToken)
        where TResult : OperationResult
    {
        OperationRunner.ValidateCaller(caller);
        return Runner.RunAsync(create(Services), caller, cancellationToken);
    }
}
