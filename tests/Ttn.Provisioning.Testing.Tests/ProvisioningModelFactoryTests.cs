using NSubstitute;
using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Testing.Tests;

/// <summary>The model factory builds, for a host's tests, the results whose constructors and setters are not public.</summary>
public sealed class ProvisioningModelFactoryTests
{
    internal static readonly DateTimeOffset Instant = new(2026, 11, 29, 3, 0, 0, TimeSpan.Zero);

    // PermissionReport computes what is missing from the rights it is given, rather than carrying arguments to properties: it
    // has its own test below.
    public static TheoryData<string> FactoryMethods() =>
        ModelFactoryAssert.MethodNames(typeof(ProvisioningModelFactory), except: nameof(ProvisioningModelFactory.PermissionReport));

    [Fact]
    public async Task A_substitute_service_answers_with_a_status_built_by_the_factory()
    {
        var service = Substitute.For<IProvisioningService>();
        var caller = new ProvisioningCaller("acme", "alice", TenantRole.Viewer);
        var status = ProvisioningModelFactory.TenantStatus(
            tenantId: "acme", state: ProvisioningState.Ready, checkpoints: ProvisioningStep.Webhook, applicationApiKeyLastFour: "AB12");
        service.GetStatusAsync(caller, Arg.Any<CancellationToken>())
            .Returns(ProvisioningModelFactory.TenantStatusResult(tenantId: "acme", status: status));

        var result = await service.GetStatusAsync(caller);

        Assert.Equal((ProvisioningOutcome.Succeeded, "acme"), (result.Outcome, result.TenantId));
        Assert.Equal((ProvisioningState.Ready, ProvisioningStep.Webhook, "AB12"),
            (result.Status!.State, result.Status.Checkpoints, result.Status.ApplicationApiKeyLastFour));
    }

    [Theory]
    [MemberData(nameof(FactoryMethods))]
    public void Each_factory_method_carries_every_argument_to_the_property_of_the_same_name(string name)
        => ModelFactoryAssert.CarriesEveryArgument(typeof(ProvisioningModelFactory), name, SampleOf);

    [Fact]
    public void Every_result_the_service_answers_with_has_a_factory_method()
        => Assert.Empty(ModelFactoryAssert.ResultsWithoutFactoryMethod(typeof(IProvisioningService), typeof(ProvisioningModelFactory)));

    [Fact]
    public void A_factory_built_permission_report_expands_the_rights_and_names_what_each_group_misses()
    {
        var report = ProvisioningModelFactory.PermissionReport([ThingsStackRights.ApplicationAll], isAdmin: true);

        Assert.True(report.IsAdmin);
        Assert.Contains(ThingsStackRights.ApplicationDevicesWrite, report.Rights);
        Assert.False(report.Missing.ContainsKey(ThingsStackRightsGroup.Webhook));
        Assert.NotEmpty(report.Missing[ThingsStackRightsGroup.Gateway]);
    }

    [Fact]
    public void Arguments_left_out_take_the_values_the_library_starts_from()
    {
        var status = ProvisioningModelFactory.TenantStatus();
        var credentials = ProvisioningModelFactory.TenantCredentials();
        var provisioning = ProvisioningModelFactory.ProvisioningResult();

        Assert.Same(TenantSettings.Default, status.Settings);
        Assert.Equal(SafeDecryptStatus.Empty, credentials.WebhookSecret.Secret.Status);
        Assert.Equal((ProvisioningOutcome.Succeeded, 0), (provisioning.Outcome, provisioning.Warnings.Count));
        Assert.True(ProvisioningModelFactory.DeepCleanResult().Report.IsComplete);
    }

    [Fact]
    public void A_credentials_result_built_without_a_status_carries_an_idle_one_as_the_service_does_and_none_when_denied()
    {
        var allowed = ProvisioningModelFactory.TenantCredentialsResult(tenantId: "acme");
        var denied = ProvisioningModelFactory.TenantCredentialsResult(ProvisioningOutcome.Denied);

        Assert.Equal(("acme", ProvisioningState.Idle), (allowed.Status!.TenantId, allowed.Status.State));
        Assert.Null(denied.Status);
    }

    [Fact]
    public void A_factory_built_credential_shows_no_more_than_its_last_four_characters()
    {
        var credential = ProvisioningModelFactory.StoredCredential(SafeDecrypt.Decrypted("the-whole-secret-WXYZ"), lastFour: "WXYZ");

        Assert.DoesNotContain("the-whole-secret", credential.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A value of <paramref name="type"/> that no factory parameter has as its default.</summary>
    internal static object SampleOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) => "sample",
        var t when t == typeof(int) => 7,
        var t when t == typeof(bool) => true,
        var t when t == typeof(DateTimeOffset) => Instant,
        var t when t == typeof(ProvisioningOutcome) => ProvisioningOutcome.Failed,
        var t when t == typeof(ProvisioningState) => ProvisioningState.Failed,
        var t when t == typeof(ProvisioningStep) => ProvisioningStep.Application | ProvisioningStep.Webhook,
        var t when t == typeof(NextAction) => NextAction.StartFresh,
        var t when t == typeof(ResourceKind) => ResourceKind.Webhook,
        var t when t == typeof(CleanupStatus) => CleanupStatus.Failed,
        var t when t == typeof(TenantRole) => TenantRole.Staff,
        var t when t == typeof(SafeDecrypt) => SafeDecrypt.Decrypted("sample-secret-1234"),
        var t when t == typeof(TenantError) =>
            new TenantError(
                step: ProvisioningStep.Webhook,
                message: "failed",
                httpStatus: 503,
                errorNamespace: "pkg/x",
                errorName: "unavailable",
                correlationId: "c0ffee",
                occurredAt: Instant),
        var t when t == typeof(PolicyDecision) => PolicyDecision.Deny(TenantRole.Viewer, ProvisioningOperation.Provision, "No."),
        var t when t == typeof(TenantSettings) => new TenantSettings(enabled: false, messages: TenantSettings.Default.Messages),
        var t when t == typeof(ConnectionTest) => new ConnectionTest(
            testedAt: Instant,
            cluster: "eu1",
            applicationId: "app",
            apiKeyLastFour: null,
            checks: [],
            webhookHealthy: null,
            webhookFailedAttempts: null,
            webhookLastFailedAt: null,
            webhookLastFailure: null),
        var t when t == typeof(PermissionReport) => ProvisioningModelFactory.PermissionReport(["RIGHT_APPLICATION_INFO"]),
        var t when t == typeof(CleanupReport) => ProvisioningModelFactory.CleanupReport([ProvisioningModelFactory.ResourceCleanup()]),
        var t when t == typeof(ProvisioningResult) => ProvisioningModelFactory.ProvisioningResult(tenantId: "again"),
        var t when t == typeof(TenantStatus) => ProvisioningModelFactory.TenantStatus(tenantId: "status"),
        var t when t == typeof(TenantCredentials) => ProvisioningModelFactory.TenantCredentials(tenantId: "credentials"),
        var t when t == typeof(StoredCredential) => ProvisioningModelFactory.StoredCredential(lastFour: "1234"),
        var t when t == typeof(IReadOnlyList<string>) => new[] { "first", "second" },
        var t when t == typeof(IReadOnlyList<ResourceCleanup>) => new[] { ProvisioningModelFactory.ResourceCleanup(id: "h") },
        var t when t == typeof(IReadOnlyList<TenantHistoryEntry>) => new[]
        {
            new TenantHistoryEntry(
                tenantId: "acme",
                occurredAt: Instant,
                operation: ProvisioningOperation.Provision,
                userId: "alice",
                role: TenantRole.None,
                outcome: ProvisioningOutcome.Succeeded,
                failedStep: null,
                message: null,
                errorName: null,
                correlationId: null,
                ttsRequestCount: 0,
                duration: TimeSpan.Zero),
        },
        _ => throw new InvalidOperationException($"No sample value for {type}: add one for the new factory parameter."),
    };
}
