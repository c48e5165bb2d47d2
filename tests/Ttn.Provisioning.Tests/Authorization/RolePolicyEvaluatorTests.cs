using Microsoft.Extensions.Options;
using Ttn.Provisioning.Authorization;

namespace Ttn.Provisioning.Tests.Authorization;

public sealed class RolePolicyEvaluatorTests
{
    private static readonly RolePolicyEvaluator Default = new();

    /// <summary>
    /// The default table (the README's table of roles and operations, with issue 11's history, for readers, and connection test, for staff up), written
    /// out independently of the implementation; devices and gateways as issue 12 says: owners, admins and managers change
    /// them, everyone who reads the status reads them.
    /// </summary>
    public static TheoryData<TenantRole, ProvisioningOperation, bool> DefaultMatrix()
    {
        var data = new TheoryData<TenantRole, ProvisioningOperation, bool>();
        foreach (var role in Enum.GetValues<TenantRole>())
        {
            foreach (var operation in Enum.GetValues<ProvisioningOperation>())
            {
                var allowed = role switch
                {
                    TenantRole.Owner or TenantRole.Admin => true,
                    TenantRole.Manager => operation is ProvisioningOperation.GetStatus or ProvisioningOperation.GetCredentials
                        or ProvisioningOperation.GetHistory or ProvisioningOperation.TestConnection
                        or ProvisioningOperation.RegisterDevice or ProvisioningOperation.ReadDevices or ProvisioningOperation.RepairDevice
                        or ProvisioningOperation.RemoveDevice or ProvisioningOperation.ImportDevices
                        or ProvisioningOperation.RegisterGateway or ProvisioningOperation.ReadGateways
                        or ProvisioningOperation.RemoveGateway,
                    TenantRole.Staff => operation is ProvisioningOperation.GetStatus or ProvisioningOperation.TestConnection
                        or ProvisioningOperation.ReadDevices or ProvisioningOperation.ReadGateways,
                    TenantRole.Viewer => operation is ProvisioningOperation.GetStatus
                        or ProvisioningOperation.ReadDevices or ProvisioningOperation.ReadGateways,
                    _ => false,
                };
                data.Add(role, operation, allowed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DefaultMatrix))]
    public void Default_table_allows_exactly_the_documented_matrix(TenantRole role, ProvisioningOperation operation, bool allowed)
    {
        var decision = Default.Evaluate(role, operation);

        Assert.Equal(allowed, decision.IsAllowed);
        Assert.Equal(role, decision.Role);
        Assert.Equal(operation, decision.Operation);
        Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
    }

    [Fact]
    public void Manager_may_read_credentials_but_not_provision()
    {
        Assert.True(Default.Evaluate(TenantRole.Manager, ProvisioningOperation.GetCredentials).IsAllowed);
        Assert.False(Default.Evaluate(TenantRole.Manager, ProvisioningOperation.Provision).IsAllowed);
    }

    [Fact]
    public void Undefined_role_is_denied_with_a_reason()
    {
        var decision = Default.Evaluate((TenantRole)42, ProvisioningOperation.GetStatus);

        Assert.False(decision.IsAllowed);
        Assert.Contains("no recognised role", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Undefined_operation_is_denied()
    {
        Assert.False(Default.Evaluate(TenantRole.Owner, (ProvisioningOperation)99).IsAllowed);
    }

    [Fact]
    public void Denial_names_the_role_the_operation_and_who_may()
    {
        var decision = Default.Evaluate(TenantRole.Viewer, ProvisioningOperation.DeepClean);

        Assert.Equal("Role Viewer may not perform DeepClean; allowed: Owner, Admin.", decision.Reason);
    }

    [Fact]
    public void Host_may_replace_an_entry_of_the_table()
    {
        var options = new RolePolicyOptions().Allow(ProvisioningOperation.GetCredentials, TenantRole.Owner);
        var evaluator = new RolePolicyEvaluator(Options.Create(options));

        Assert.False(evaluator.Evaluate(TenantRole.Manager, ProvisioningOperation.GetCredentials).IsAllowed);
        Assert.True(evaluator.Evaluate(TenantRole.Owner, ProvisioningOperation.GetCredentials).IsAllowed);
    }

    [Fact]
    public void Operation_removed_from_the_table_is_denied_to_everyone()
    {
        var options = new RolePolicyOptions();
        options.AllowedRoles.Remove(ProvisioningOperation.DeepClean);
        var evaluator = new RolePolicyEvaluator(Options.Create(options));

        Assert.All(Enum.GetValues<TenantRole>(), role => Assert.False(evaluator.Evaluate(role, ProvisioningOperation.DeepClean).IsAllowed));
    }

    [Fact]
    public void Listing_role_none_in_the_table_does_not_allow_it()
    {
        var options = new RolePolicyOptions().Allow(ProvisioningOperation.GetStatus, TenantRole.None, TenantRole.Viewer);

        Assert.False(new RolePolicyEvaluator(Options.Create(options)).Evaluate(TenantRole.None, ProvisioningOperation.GetStatus).IsAllowed);
    }

    [Fact]
    public void Changes_to_the_options_after_construction_do_not_apply()
    {
        var options = new RolePolicyOptions();
        var evaluator = new RolePolicyEvaluator(Options.Create(options));

        options.Allow(ProvisioningOperation.DeepClean, TenantRole.Viewer);

        Assert.False(evaluator.Evaluate(TenantRole.Viewer, ProvisioningOperation.DeepClean).IsAllowed);
    }
}
