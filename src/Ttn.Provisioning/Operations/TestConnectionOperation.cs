using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Operations;

/// <summary>
/// Tests the tenant's connection to The Things Stack with its own application key: reads only (auth_info, the
/// application, the webhook on the tenant's cluster, all sent together), and stores the result on the tenant. Runs
/// under the lease only to write that result, so it waits for no run and a run in progress answers AlreadyInProgress.
/// </summary>
internal sealed class TestConnectionOperation : TenantOperation<ConnectionTestResult>
{
    private const string NotConfigured =
        "TTN is not configured for this tenant: it has no application and application API key to test with yet; provision it "
            + "or bring an existing application first.";

    private readonly OperationServices _services;

    public TestConnectionOperation(OperationServices services)
    {
        _services = services;
    }

    public override ProvisioningOperation Kind => ProvisioningOperation.TestConnection;

    public override Admission Admit(string tenantId, TenantRecord? current, DateTimeOffset now) =>
        current is { ApplicationId: not null, ApplicationApiKey: not null }
            && current.Checkpoints.HasFlag(ProvisioningStep.ApplicationApiKey)
            ? Admission.Lease(current)
            : Admission.Refuse(ProvisioningOutcome.NotConfigured, TenantError.Local(null, NotConfigured, now));

    public override async Task<ConnectionTestResult> ExecuteAsync(OperationContext context, CancellationToken cancellationToken)
    {
        var run = context.LeasedRun;
        var (test, firstFailure) = await ConnectionTester.RunAsync(_services, context, run.Record, cancellationToken).ConfigureAwait(false);
        await run.ReleaseAsync(r => TenantTransitions.RecordConnectionTest(r, test), CancellationToken.None).ConfigureAwait(false);
        TenantError? error = null;
        if (!test.Passed)
        {
            var failed = test.Failures.ToList();
            var message = $"Connection test failed: {failed.Count} of {test.Checks.Count} checks failed; the first, {failed[0]}";
            error = firstFailure is null
                ? new TenantError(
                    step: null,
                    message: message,
                    httpStatus: null,
                    errorNamespace: null,
                    errorName: null,
                    correlationId: failed[0].CorrelationId,
                    occurredAt: context.Now)
                : firstFailure.Rephrase(message, firstFailure.IsTransient).ToError(null, context.Now);
        }

        return new ConnectionTestResult
        {
            Outcome = test.Passed ? ProvisioningOutcome.Succeeded : ProvisioningOutcome.Failed,
            Test = test,
            Error = error,
        };
    }

    /// <summary>Interrupted: the test changed nothing, so the record stays as it was.</summary>
    public override TenantRecord AfterInterruption(TenantRecord record, TenantError error) => record;

    protected override ConnectionTestResult CreateResult(TenantRecord? record) => new()
    {
        Test = record?.LastConnectionTest,
    };
}
