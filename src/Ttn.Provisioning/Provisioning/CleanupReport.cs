using Ttn.Provisioning.Authorization;

namespace Ttn.Provisioning.Provisioning;

/// <summary>What happened to one resource during a clean-up.</summary>
public enum CleanupStatus
{
    /// <summary>The resource was deleted (and purged, when purging was possible).</summary>
    Deleted = 0,

    /// <summary>The resource was already gone.</summary>
    AlreadyGone = 1,

    /// <summary>The resource could not be deleted; <see cref="ResourceCleanup.Reason"/> says why. It is kept in the store.</summary>
    Failed = 2,

    /// <summary>The resource was left alone on purpose (for example, an application the tenant brought).</summary>
    Skipped = 3,
}

/// <summary>The fate of one resource in a clean-up.</summary>
/// <param name="Kind">What it is: <c>end_device</c>, <c>webhook</c>, <c>application_api_key</c>, <c>organization_api_key</c>, <c>application</c>, <c>gateway</c>, <c>organization</c>.</param>
/// <param name="Id">Its id on TTS (an API key's id, never its secret).</param>
/// <param name="Status">What happened to it.</param>
/// <param name="Purged">Whether it was also purged (its id released), which needs an admin key.</param>
/// <param name="Reason">Why it failed or was skipped, with the TTS error name where there is one.</param>
public sealed record ResourceCleanup(string Kind, string Id, CleanupStatus Status, bool Purged = false, string? Reason = null);

/// <summary>The per-resource report of a deep clean or a start fresh.</summary>
public sealed record CleanupReport
{
    /// <summary>Every resource handled, in the order it was handled.</summary>
    public IReadOnlyList<ResourceCleanup> Resources { get; init; } = [];

    /// <summary>Whether every resource is confirmed gone (or skipped on purpose).</summary>
    public bool IsComplete => Resources.All(r => r.Status != CleanupStatus.Failed);

    /// <summary>The resources that could not be removed.</summary>
    public IEnumerable<ResourceCleanup> Failures => Resources.Where(r => r.Status == CleanupStatus.Failed);
}

/// <summary>The result of <see cref="IProvisioningService.DeepCleanAsync"/>.</summary>
public sealed record DeepCleanResult
{
    /// <summary>
    /// Succeeded when everything is gone; Failed when something remains (re-run to finish); or Denied,
    /// AlreadyInProgress, NotConfigured.
    /// </summary>
    public required ProvisioningOutcome Outcome { get; init; }

    /// <summary>The tenant acted on.</summary>
    public required string TenantId { get; init; }

    /// <summary>What happened to each resource.</summary>
    public CleanupReport Report { get; init; } = new();

    /// <summary>The policy decision, when Denied.</summary>
    public PolicyDecision? Denial { get; init; }

    /// <summary>The error, when Failed.</summary>
    public OperationError? Error { get; init; }
}

/// <summary>The result of <see cref="IProvisioningService.StartFreshAsync"/>.</summary>
public sealed record StartFreshResult
{
    /// <summary>
    /// Succeeded when the old resources were cleared (and, when asked, the tenant provisioned again);
    /// Failed when an old resource could not be removed (the store keeps the old ids and nothing is provisioned; run
    /// start fresh again to finish) or when provisioning again failed; or Denied, AlreadyInProgress, NotConfigured.
    /// </summary>
    public required ProvisioningOutcome Outcome { get; init; }

    /// <summary>The tenant acted on.</summary>
    public required string TenantId { get; init; }

    /// <summary>What happened to each old resource. Resources that could not be removed are listed, never swallowed.</summary>
    public CleanupReport Cleanup { get; init; } = new();

    /// <summary>The new application id chosen.</summary>
    public string? NewApplicationId { get; init; }

    /// <summary>The result of provisioning again, when it was asked for.</summary>
    public ProvisioningResult? Provisioning { get; init; }

    /// <summary>The policy decision, when Denied.</summary>
    public PolicyDecision? Denial { get; init; }

    /// <summary>The error, when Failed.</summary>
    public OperationError? Error { get; init; }
}
