using Microsoft.Extensions.Logging;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Steps;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Operations;

/// <summary>What the operations of the provisioning service are built from.</summary>
/// <param name="Client">The Things Stack client.</param>
/// <param name="Conventions">How the library names and marks what it creates.</param>
/// <param name="Vault">Seals and opens the tenants' secrets.</param>
/// <param name="Pipeline">The provisioning steps.</param>
/// <param name="Audit">Where credential reads are recorded.</param>
/// <param name="Policy">The role policy (which secrets a role may see).</param>
/// <param name="Options">The provisioning options.</param>
/// <param name="Logger">The logger.</param>
internal sealed record OperationServices(
    IThingsStackClient Client,
    TenantConventions Conventions,
    TenantVault Vault,
    ProvisioningPipeline Pipeline,
    ICredentialAuditSink Audit,
    IRolePolicyEvaluator Policy,
    TtnProvisioningOptions Options,
    ILogger Logger);
