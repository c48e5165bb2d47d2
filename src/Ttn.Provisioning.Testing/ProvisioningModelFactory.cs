using Ttn.Provisioning.Authorization;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.ThingsStack;

namespace Ttn.Provisioning.Testing;

/// <summary>
/// Builds the results of <see cref="IProvisioningService"/> for a host's own tests, for example to return from a
/// substitute service. The library builds these results itself, so their constructors and setters are not public; each
/// method here takes every property as an optional parameter whose default is the value the library starts from.
/// </summary>
/// <example>
/// <code>
/// service.GetStatusAsync(caller, Arg.Any&lt;CancellationToken&gt;()).Returns(ProvisioningModelFactory.TenantStatusResult(
///     tenantId: "acme", status: ProvisioningModelFactory.TenantStatus(tenantId: "acme", state: ProvisioningState.Ready)));
/// </code>
/// </example>
public static partial class ProvisioningModelFactory
{
    /// <summary>Builds a <see cref="Provisioning.ProvisioningResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="state">The tenant's state after the operation.</param>
    /// <param name="organizationId">The organization id on TTS.</param>
    /// <param name="applicationId">The application id on TTS.</param>
    /// <param name="cluster">The cluster the tenant is provisioned on.</param>
    /// <param name="checkpoints">The steps completed.</param>
    /// <param name="warnings">Optional steps that failed without failing the run (none when null).</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static ProvisioningResult ProvisioningResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        ProvisioningState state = ProvisioningState.Idle,
        string? organizationId = null,
        string? applicationId = null,
        string? cluster = null,
        ProvisioningStep checkpoints = ProvisioningStep.None,
        IReadOnlyList<string>? warnings = null,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        State = state,
        OrganizationId = organizationId,
        ApplicationId = applicationId,
        Cluster = cluster,
        Checkpoints = checkpoints,
        Warnings = warnings ?? [],
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds a <see cref="Provisioning.StartFreshResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="cleanup">What happened to each old resource (an empty report when null).</param>
    /// <param name="newApplicationId">The new application id chosen.</param>
    /// <param name="previousCluster">The cluster the old resources were removed from.</param>
    /// <param name="cluster">The cluster the tenant is on after the start fresh.</param>
    /// <param name="provisioning">The result of provisioning again, when it was asked for.</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static StartFreshResult StartFreshResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        CleanupReport? cleanup = null,
        string? newApplicationId = null,
        string? previousCluster = null,
        string? cluster = null,
        ProvisioningResult? provisioning = null,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        Cleanup = cleanup ?? new(),
        NewApplicationId = newApplicationId,
        PreviousCluster = previousCluster,
        Cluster = cluster,
        Provisioning = provisioning,
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds a <see cref="Provisioning.DeepCleanResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="report">What happened to each resource (an empty report when null).</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static DeepCleanResult DeepCleanResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        CleanupReport? report = null,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        Report = report ?? new(),
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds a <see cref="Provisioning.CleanupReport"/>.</summary>
    /// <param name="resources">Every resource handled, in order (none when null).</param>
    /// <returns>The report.</returns>
    public static CleanupReport CleanupReport(IReadOnlyList<ResourceCleanup>? resources = null) =>
        new() { Resources = resources ?? [] };

    /// <summary>Builds a <see cref="Provisioning.ResourceCleanup"/>.</summary>
    /// <param name="kind">What the resource is.</param>
    /// <param name="id">Its id on TTS.</param>
    /// <param name="status">What happened to it.</param>
    /// <param name="purged">Whether it was also purged.</param>
    /// <param name="reason">Why it failed or was skipped.</param>
    /// <returns>The resource's fate.</returns>
    public static ResourceCleanup ResourceCleanup(
        ResourceKind kind = ResourceKind.Application,
        string id = "application",
        CleanupStatus status = CleanupStatus.Deleted,
        bool purged = false,
        string? reason = null) => new(kind, id, status, purged, reason);

    /// <summary>Builds a <see cref="ThingsStack.PermissionReport"/>, as an API key check reports it.</summary>
    /// <param name="rights">The rights the key has, with or without the <c>RIGHT_</c> prefix; <c>*_ALL</c> rights grant
    /// what they imply.</param>
    /// <param name="isAdmin">Whether the key's user is an administrator of The Things Stack.</param>
    /// <returns>The report, with the missing rights per group computed from <paramref name="rights"/>.</returns>
    public static PermissionReport PermissionReport(IEnumerable<string> rights, bool isAdmin = false) =>
        new(rights, isAdmin);

    /// <summary>Builds an <see cref="Provisioning.ApiKeyCheckResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="permissions">What the key may do (see <see cref="PermissionReport(IEnumerable{string}, bool)"/>).</param>
    /// <param name="isSufficient">Whether the key has every right a provisioned tenant needs.</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static ApiKeyCheckResult ApiKeyCheckResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        PermissionReport? permissions = null,
        bool isSufficient = false,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        Permissions = permissions,
        IsSufficient = isSufficient,
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds a <see cref="Provisioning.ConnectionTestResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="test">The test, when it ran.</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static ConnectionTestResult ConnectionTestResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        ConnectionTest? test = null,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        Test = test,
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds an <see cref="Provisioning.OrganizationKeyRotationResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="keyLastFour">The last four characters of the organization key now in force.</param>
    /// <param name="keyId">The TTS id of the organization key now in force.</param>
    /// <param name="revokedKeyIds">The TTS ids of the keys revoked (none when null).</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static OrganizationKeyRotationResult OrganizationKeyRotationResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        string? keyLastFour = null,
        string? keyId = null,
        IReadOnlyList<string>? revokedKeyIds = null,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        KeyLastFour = keyLastFour,
        KeyId = keyId,
        RevokedKeyIds = revokedKeyIds ?? [],
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };

    /// <summary>Builds a <see cref="Provisioning.WebhookSecretRotationResult"/>.</summary>
    /// <param name="outcome">How the operation ended.</param>
    /// <param name="tenantId">The tenant acted on.</param>
    /// <param name="secretLastFour">The last four characters of the secret now in force.</param>
    /// <param name="error">The error, for a failure.</param>
    /// <param name="denial">The policy decision, for a denial.</param>
    /// <param name="ttsRequestCount">How many requests the operation sent to TTS.</param>
    /// <returns>The result.</returns>
    public static WebhookSecretRotationResult WebhookSecretRotationResult(
        ProvisioningOutcome outcome = ProvisioningOutcome.Succeeded,
        string tenantId = "tenant",
        string? secretLastFour = null,
        TenantError? error = null,
        PolicyDecision? denial = null,
        int ttsRequestCount = 0) => new()
    {
        Outcome = outcome,
        TenantId = tenantId,
        SecretLastFour = secretLastFour,
        Error = error,
        Denial = denial,
        TtsRequestCount = ttsRequestCount,
    };
}
