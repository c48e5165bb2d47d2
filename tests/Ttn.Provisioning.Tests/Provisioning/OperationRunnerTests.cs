using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Operations;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;
using static Ttn.Provisioning.Tests.Provisioning.ProvisioningTestHost;

namespace Ttn.Provisioning.Tests.Provisioning;

/// <summary>What the runner guarantees about every result, checked with an operation written for the test.</summary>
public sealed class OperationRunnerTests
{
    [Fact]
    public async Task A_result_without_an_outcome_is_refused_rather_than_reported_as_a_success()
    {
        var runner = OperationRunner.Create(
            new InMemoryCredentialStore(),
            new RolePolicyEvaluator(),
            Substitute.For<IAdminApiKeyProvider>(),
            new FakeTimeProvider(),
            new TtnProvisioningOptions(),
            new ThingsStackOptions(),
            NullLogger.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => runner.RunAsync(new ForgetfulRead(), Owner(), CancellationToken.None));

        Assert.Contains("ForgetfulRead answered a TenantStatusResult without an outcome", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A read that builds its result but forgets to say how it ended.</summary>
    private sealed class ForgetfulRead : TenantOperation<TenantStatusResult>
    {
        public override ProvisioningOperation Kind => ProvisioningOperation.GetStatus;

        public override bool TakesLease => false;

        public override Task<TenantStatusResult> ExecuteAsync(OperationContext context, CancellationToken cancellationToken) =>
            Task.FromResult(new TenantStatusResult());

        protected override TenantStatusResult CreateResult(TenantRecord? record) => new();
    }
}
