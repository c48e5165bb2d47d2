using Ttn.Provisioning.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tests.Devices;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Provisioning;

/// <summary>The role × operation matrix exercised through the public service, not only the evaluator.</summary>
public sealed class AuthorizationThroughServiceTests
{
    public static TheoryData<TenantRole, ProvisioningOperation> DeniedByDefault()
    {
        var data = new TheoryData<TenantRole, ProvisioningOperation>();
        var evaluator = new RolePolicyEvaluator();
        foreach (var role in Enum.GetValues<TenantRole>())
        {
            foreach (var operation in Enum.GetValues<ProvisioningOperation>())
            {
                if (!evaluator.Evaluate(role, operation).IsAllowed)
                {
                    data.Add(role, operation);
                }
            }
        }

        return data;
    }

    public static TheoryData<TenantRole, ProvisioningOperation> AllowedByDefault()
    {
        var data = new TheoryData<TenantRole, ProvisioningOperation>();
        var evaluator = new RolePolicyEvaluator();
        foreach (var role in Enum.GetValues<TenantRole>())
        {
            foreach (var operation in Enum.GetValues<ProvisioningOperation>())
            {
                if (evaluator.Evaluate(role, operation).IsAllowed)
                {
                    data.Add(role, operation);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DeniedByDefault))]
    public async Task Denied_call_returns_denied_and_makes_no_tts_request_and_no_store_write(TenantRole role, ProvisioningOperation operation)
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());
        host.Fake.Journal.Clear();
        var writes = host.CrashStore.Writes;
        var reads = host.CrashStore.Reads;

        var outcome = await InvokeAsync(host, As(role), operation);

        Assert.Equal(ProvisioningOutcome.Denied, outcome);
        Assert.Empty(host.Fake.Journal.Entries);
        Assert.Equal(writes, host.CrashStore.Writes);
        Assert.Equal(reads, host.CrashStore.Reads);
    }

    [Theory]
    [MemberData(nameof(AllowedByDefault))]
    public async Task Allowed_call_is_not_denied(TenantRole role, ProvisioningOperation operation)
    {
        await using var host = new ProvisioningTestHost();
        await host.Service.ProvisionAsync(Owner());

        var outcome = await InvokeAsync(host, As(role), operation);

        Assert.NotEqual(ProvisioningOutcome.Denied, outcome);
    }

    [Theory]
    [MemberData(nameof(AllOperations))]
    public async Task Caller_of_tenant_b_neither_sees_nor_changes_tenant_a(ProvisioningOperation operation)
    {
        await using var host = new ProvisioningTestHost();
        Assert.True((await host.Service.ProvisionAsync(Owner("tenant-a"))).IsReady);
        var before = await host.RecordAsync("tenant-a");
        var aKeys = host.Fake.ApiKeys.Select(k => k.Id).ToHashSet();
        host.Fake.Journal.Clear();

        // A viewer of tenant B is denied the sensitive operations and reaches nothing of tenant A.
        Assert.Equal(
            new RolePolicyEvaluator().Evaluate(TenantRole.Viewer, operation).IsAllowed ? ProvisioningOutcome.NotConfigured : ProvisioningOutcome.Denied,
            NotConfiguredForReads(await InvokeAsync(host, As(TenantRole.Viewer, "tenant-b"), operation)));
        Assert.Equal(before, await host.RecordAsync("tenant-a"));
        Assert.DoesNotContain(host.Fake.Journal.Entries, e => e.Path.Contains("tenant-a", StringComparison.Ordinal));

        // Even its owner acts on tenant B only: tenant A's record, resources and keys are untouched.
        await InvokeAsync(host, Owner("tenant-b"), operation);
        Assert.Equal(before, await host.RecordAsync("tenant-a"));
        Assert.DoesNotContain(host.Fake.Journal.Entries, e => e.Path.Contains("tenant-a", StringComparison.Ordinal));
        Assert.True(aKeys.IsSubsetOf(host.Fake.ApiKeys.Select(k => k.Id)));
        Assert.Single(host.Fake.Applications, a => !a.IsDeleted && a.Id.Contains("tenant-a", StringComparison.Ordinal));
    }

    public static TheoryData<ProvisioningOperation> AllOperations() => [.. Enum.GetValues<ProvisioningOperation>()];

    /// <summary>A read of a tenant with no record answers Succeeded with an Idle status; counted as "nothing to see".</summary>
    private static ProvisioningOutcome NotConfiguredForReads(ProvisioningOutcome outcome) =>
        outcome == ProvisioningOutcome.Succeeded ? ProvisioningOutcome.NotConfigured : outcome;

    [Fact]
    public async Task Status_and_credentials_of_tenant_b_hold_nothing_of_tenant_a()
    {
        await using var host = new ProvisioningTestHost();
        var a = await host.Service.ProvisionAsync(Owner("tenant-a"));

        var status = (await host.Service.GetStatusAsync(Owner("tenant-b"))).Status!;
        var credentials = await host.Service.GetCredentialsAsync(Owner("tenant-b"));

        Assert.Equal("tenant-b", status.TenantId);
        Assert.Null(status.OrganizationId);
        Assert.Null(status.ApplicationId);
        Assert.NotEqual(a.ApplicationId, status.ApplicationId);
        Assert.Equal(ProvisioningOutcome.NotConfigured, credentials.Outcome);
        Assert.Null(credentials.Credentials);
    }

    [Fact]
    public async Task Host_replaced_policy_applies_to_the_service()
    {
        await using var host = new ProvisioningTestHost(services: s => s.Configure<RolePolicyOptions>(p => p.Allow(ProvisioningOperation.GetCredentials, TenantRole.Owner)));
        await host.Service.ProvisionAsync(Owner());

        Assert.Equal(ProvisioningOutcome.Denied, (await host.Service.GetCredentialsAsync(As(TenantRole.Manager))).Outcome);
    }

    [Fact]
    public async Task Store_that_returns_another_tenants_record_is_refused()
    {
        await using var host = new ProvisioningTestHost();
        var wrong = new InMemoryCredentialStore();
        await wrong.TryWriteAsync(new TenantRecord { TenantId = "globex" });
        var mixedUp = new MixedUpStore(wrong, "globex");
        await using var other = new ProvisioningTestHost(services: s => s.AddSingleton<ICredentialStore>(mixedUp));

        await Assert.ThrowsAsync<InvalidOperationException>(() => other.Service.GetCredentialsAsync(Owner("acme")));
        Assert.Empty(other.Fake.Journal.Entries);
    }

    [Fact]
    public async Task Null_caller_is_misuse()
    {
        await using var host = new ProvisioningTestHost();

        await Assert.ThrowsAsync<ArgumentNullException>(() => host.Service.ProvisionAsync(null!));
    }

    [Theory]
    [InlineData("")]
    [InlineData("tab\tinside")]
    public async Task Invalid_tenant_id_is_misuse_and_sends_nothing(string tenantId)
    {
        await using var host = new ProvisioningTestHost();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => host.Service.ProvisionAsync(Owner(tenantId)));
        Assert.Empty(host.Fake.Journal.Entries);
    }

    internal static async Task<ProvisioningOutcome> InvokeAsync(ProvisioningTestHost host, ProvisioningCaller caller, ProvisioningOperation operation) =>
        (await InvokeForResultAsync(host, caller, operation)).Outcome;

    internal static async Task<OperationResult> InvokeForResultAsync(
        ProvisioningTestHost host, ProvisioningCaller caller, ProvisioningOperation operation) => operation switch
    {
        ProvisioningOperation.GetStatus => await host.Service.GetStatusAsync(caller),
        ProvisioningOperation.GetCredentials => await host.Service.GetCredentialsAsync(caller),
        ProvisioningOperation.Provision => await host.Service.ProvisionAsync(caller),
        ProvisioningOperation.Retry => await host.Service.RetryAsync(caller),
        ProvisioningOperation.StartFresh => await host.Service.StartFreshAsync(caller),
        ProvisioningOperation.DeepClean => await host.Service.DeepCleanAsync(caller),
        ProvisioningOperation.ConfigureExistingApplication => await host.Service.ConfigureExistingApplicationAsync(caller, "their-app", host.AdminKey),
        ProvisioningOperation.RotateWebhookSecret => await host.Service.RotateWebhookSecretAsync(caller),
        ProvisioningOperation.CheckApiKey => await host.Service.CheckApiKeyAsync(caller, host.AdminKey, "their-app"),
        ProvisioningOperation.RotateOrganizationKey => await host.Service.RotateOrganizationKeyAsync(caller),
        ProvisioningOperation.UpdateSettings => await host.Service.UpdateSettingsAsync(caller, new TenantSettingsUpdate { Enabled = false }),
        ProvisioningOperation.TestConnection => await host.Service.TestConnectionAsync(caller),
        ProvisioningOperation.GetHistory => await host.Service.GetHistoryAsync(caller),
        ProvisioningOperation.RegisterDevice => await host.Devices.RegisterDeviceAsync(caller, DeviceSamples.Device()),
        ProvisioningOperation.ReadDevices => await host.Devices.ListDevicesAsync(caller),
        ProvisioningOperation.RepairDevice => await host.Devices.RepairDeviceAsync(caller, "sensor-1"),
        ProvisioningOperation.RemoveDevice => await host.Devices.RemoveDeviceAsync(caller, "sensor-1"),
        ProvisioningOperation.ImportDevices => await host.Devices.ImportDevicesAsync(caller, [DeviceSamples.Device(2)]),
        ProvisioningOperation.RegisterGateway => await host.Gateways.RegisterGatewayAsync(caller, DeviceSamples.Gateway()),
        ProvisioningOperation.ReadGateways => await host.Gateways.GetGatewayStatusAsync(caller),
        ProvisioningOperation.RemoveGateway => await host.Gateways.RemoveGatewayAsync(caller, "gateway-1"),
        _ => throw new ArgumentOutOfRangeException(nameof(operation)),
    };

    private sealed class MixedUpStore(ICredentialStore inner, string always) : ICredentialStore
    {
        public Task<TenantRecord?> GetAsync(string tenantId, CancellationToken cancellationToken = default) => inner.GetAsync(always, cancellationToken);

        public Task<TenantRecord?> TryWriteAsync(TenantRecord record, CancellationToken cancellationToken = default) => inner.TryWriteAsync(record, cancellationToken);

        public Task<IReadOnlyList<TenantRecord>> ListAsync(string? afterTenantId, int limit, CancellationToken cancellationToken = default) => inner.ListAsync(afterTenantId, limit, cancellationToken);

        public Task<bool> DeleteAsync(string tenantId, long expectedVersion, CancellationToken cancellationToken = default) => inner.DeleteAsync(tenantId, expectedVersion, cancellationToken);

        public Task AppendHistoryAsync(TenantHistoryEntry entry, int maxEntries, CancellationToken cancellationToken = default) =>
            inner.AppendHistoryAsync(entry, maxEntries, cancellationToken);

        public Task<TenantHistoryPage> GetHistoryAsync(string tenantId, int limit, string? pageToken, CancellationToken cancellationToken = default) =>
            inner.GetHistoryAsync(always, limit, pageToken, cancellationToken);
    }
}
