using Microsoft.Extensions.Logging;
using Ttn.Provisioning.Operations;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.DeviceRegistration;

/// <summary>
/// What one device or gateway operation acts with: the tenant's application (or organization), the key that manages
/// it, the tenant's cluster and its address, and the running operation (for its requests).
/// </summary>
internal sealed class DeviceSession
{
    private DeviceSession(OperationContext context, DeviceServices services, TenantRecord record, string apiKey)
    {
        Context = context;
        Services = services;
        Record = record;
        ApiKey = apiKey;
        Cluster = services.Conventions.ClusterOf(record);
        ClusterAddress = services.Conventions.ClusterAddress(Cluster);
    }

    public OperationContext Context { get; }

    public DeviceServices Services { get; }

    public TenantRecord Record { get; }

    public IThingsStackClient Client => Services.Client;

    public IDeviceStore Store => Services.Store;

    public ILogger Logger => Services.Logger;

    /// <summary>The key the operation acts with (the application key for devices, the organization key for gateways).</summary>
    public string ApiKey { get; }

    /// <summary>The tenant's cluster (its Application, Network, Join and Gateway Servers).</summary>
    public string Cluster { get; }

    /// <summary>The cluster's host, as The Things Stack stores it in server addresses.</summary>
    public string ClusterAddress { get; }

    public string TenantId => Record.TenantId;

    public string ApplicationId => Record.ApplicationId!;

    public string OrganizationId => Record.OrganizationId!;

    public DateTimeOffset Now => Context.Now;

    /// <summary>A session acting with the tenant's application key; or why there is none.</summary>
    public static (DeviceSession? Session, Refusal? Refusal) ForDevices(OperationContext context, DeviceServices services)
    {
        if (Check(context, context.Record?.ApplicationId, "application") is { } refusal)
        {
            return (null, refusal);
        }

        var record = context.Record!;
        var key = services.Vault.OpenApplicationKey(record);
        return key.IsDecrypted
            ? (new DeviceSession(context, services, record, key.Value!), null)
            : (null, Unreadable(context, key, record.ApplicationApiKey?.Sealed, "application API key"));
    }

    /// <summary>A session acting with the tenant's organization key; or why there is none.</summary>
    public static (DeviceSession? Session, Refusal? Refusal) ForGateways(OperationContext context, DeviceServices services)
    {
        if (Check(context, context.Record?.OrganizationId, "organization") is { } refusal)
        {
            return (null, refusal);
        }

        var record = context.Record!;
        var key = services.Vault.OpenOrganizationKey(record);
        return key.IsDecrypted
            ? (new DeviceSession(context, services, record, key.Value!), null)
            : (null, Unreadable(context, key, record.OrganizationApiKey?.Sealed, "organization API key"));
    }

    private static Refusal? Check(OperationContext context, string? entityId, string what)
    {
        var record = context.Record;
        if (record is null || entityId is null)
        {
            var message = record is { IsExistingApplication: true }
                ? "The tenant brought its own application and has no organization: gateways are registered under an organization."
                : $"The tenant has no {what} yet: provision it first.";
            return new Refusal(
                record is null ? ProvisioningOutcome.NotConfigured : ProvisioningOutcome.NotApplicable, Error(context, message));
        }

        return record.State == ProvisioningState.Ready
            ? null
            : new Refusal(
                ProvisioningOutcome.NotApplicable,
                Error(context, $"The tenant is {record.State}: its devices and gateways are managed once it is Ready."));
    }

    private static Refusal Unreadable(OperationContext context, SafeDecrypt key, string? token, string what)
    {
        var why = key.Status == SafeDecryptStatus.Failed ? key.FailureReason.ToString() : key.Status.ToString();
        var message = TenantVault.MissingKeyProblem(key, token, what)
            ?? $"The tenant's {what} cannot be opened ({why}); start fresh to replace it.";
        return new Refusal(ProvisioningOutcome.Failed, Error(context, message));
    }

    private static TenantError Error(OperationContext context, string message) => TenantError.Local(null, message, context.Now);
}

/// <summary>Why a device or gateway operation did not start, as an outcome and an error.</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="Error">Why.</param>
internal sealed record Refusal(ProvisioningOutcome Outcome, TenantError Error);
