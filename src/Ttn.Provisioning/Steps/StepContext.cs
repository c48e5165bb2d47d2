using Microsoft.Extensions.Logging;
using Ttn.Provisioning.Operations;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Steps;

/// <summary>What the steps of one pipeline run share: the operation (calls, lease), the tools, and what earlier steps found.</summary>
internal sealed class StepContext
{
    private string? _organizationKey;

    public StepContext(OperationContext operation, StepServices services)
    {
        Operation = operation;
        Services = services;
    }

    /// <summary>The running operation: calls to TTS, the leased run.</summary>
    public OperationContext Operation { get; }

    /// <summary>The client, conventions, vault, options and logger.</summary>
    public StepServices Services { get; }

    /// <summary>The tenant's record as last written.</summary>
    public TenantRecord Record => Operation.LeasedRun.Record;

    /// <summary>The tenant.</summary>
    public string TenantId => Operation.TenantId;

    /// <summary>The TTS user the admin key belongs to, once the preflight found it.</summary>
    public string? AdminUserId { get; set; }

    /// <summary>The steps that were pending before the current wave marked its own: a step pending then was interrupted.</summary>
    public ProvisioningStep PendingBeforeWave { get; set; }

    /// <summary>The tenant's organization key, opened for the steps of the current wave that use it.</summary>
    public string OrganizationKey
    {
        get => _organizationKey ?? throw new InvalidOperationException("The organization key was not opened for this wave.");
        set => _organizationKey = value;
    }

    /// <summary>Whether a run before this one stopped inside <paramref name="step"/> (it may have left a key on TTS).</summary>
    public bool WasInterrupted(ProvisioningStep step) => PendingBeforeWave.HasFlag(step);
}

/// <summary>The tools every step may use.</summary>
/// <param name="Client">The Things Stack client.</param>
/// <param name="Conventions">How the library names and marks what it creates.</param>
/// <param name="Vault">Seals and opens the tenant's secrets.</param>
/// <param name="Options">The provisioning options.</param>
/// <param name="Logger">The logger.</param>
internal sealed record StepServices(
    IThingsStackClient Client, TenantConventions Conventions, TenantVault Vault, TtnProvisioningOptions Options, ILogger Logger);
