using Microsoft.Extensions.Logging;
using Ttn.Provisioning.Devices;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.DeviceRegistration;

/// <summary>What the device and gateway operations are built from.</summary>
/// <param name="Client">The Things Stack client.</param>
/// <param name="Conventions">Where the tenant lives (its cluster and the cluster's address).</param>
/// <param name="Vault">Opens the tenant's API keys.</param>
/// <param name="Store">Where unfinished device work and import jobs are kept.</param>
/// <param name="AdminKeys">The admin key, used only to purge a removed gateway.</param>
/// <param name="Options">The provisioning options (lease time, API key name prefix).</param>
/// <param name="DeviceOptions">The device options (device limit, gateway online window).</param>
/// <param name="Time">The clock.</param>
/// <param name="Logger">The logger.</param>
internal sealed record DeviceServices(
    IThingsStackClient Client,
    TenantConventions Conventions,
    TenantVault Vault,
    IDeviceStore Store,
    IAdminApiKeyProvider AdminKeys,
    TtnProvisioningOptions Options,
    TtnDeviceOptions DeviceOptions,
    TimeProvider Time,
    ILogger Logger);
