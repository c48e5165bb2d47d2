using Ttn.Provisioning.Authorization;
using static Ttn.Provisioning.Tests.Provisioning.AuthorizationThroughServiceTests;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Provisioning;

/// <summary>
/// The fields every result shares are filled by the runner, not by each operation: every operation's result names the
/// caller's tenant and counts the requests the call sent, whether the operation ran or was denied.
/// </summary>
public sealed class SharedResultFieldsTests
{
    public static TheoryData<ProvisioningOperation> Operations() => AllOperations();

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_result_names_the_callers_tenant_and_counts_the_requests_the_call_sent(ProvisioningOperation operation)
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        host.Fake.Journal.Clear();

        var result = await InvokeForResultAsync(host, Owner(), operation);

        Assert.Equal(("acme", host.Fake.Journal.Entries.Count), (result.TenantId, result.TtsRequestCount));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task A_denied_result_names_the_callers_tenant_and_the_decision(ProvisioningOperation operation)
    {
        await using var host = new ProvisioningTestHost();

        var result = await InvokeForResultAsync(host, As(TenantRole.None), operation);

        Assert.Equal((ProvisioningOutcome.Denied, "acme", 0), (result.Outcome, result.TenantId, result.TtsRequestCount));
        Assert.Equal((TenantRole.None, operation), (result.Denial!.Role, result.Denial.Operation));
    }
}
