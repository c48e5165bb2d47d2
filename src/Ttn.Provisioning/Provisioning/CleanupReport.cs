namespace Ttn.Provisioning;

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

/// <summary>What kind of resource a clean-up handled.</summary>
public enum ResourceKind
{
    /// <summary>An end device (in every registry that held it).</summary>
    EndDevice = 1,

    /// <summary>A webhook of an application.</summary>
    Webhook = 2,

    /// <summary>An API key of an application.</summary>
    ApplicationApiKey = 3,

    /// <summary>An API key of the organization (the library's organization and gateway keys among them).</summary>
    OrganizationApiKey = 4,

    /// <summary>An application.</summary>
    Application = 5,

    /// <summary>A gateway of the organization.</summary>
    Gateway = 6,

    /// <summary>The tenant's organization.</summary>
    Organization = 7,
}

/// <summary>The fate of one resource in a clean-up.</summary>
public sealed class ResourceCleanup
{
    /// <param name="kind">What it is.</param>
    /// <param name="id">Its id on TTS (<c>application/device</c> for a device or webhook; an API key's id, never its secret).</param>
    /// <param name="status">What happened to it.</param>
    /// <param name="purged">Whether it was also purged (its id released), which needs an admin key.</param>
    /// <param name="reason">Why it failed or was skipped, with the TTS error name where there is one.</param>
    internal ResourceCleanup(ResourceKind kind, string id, CleanupStatus status, bool purged = false, string? reason = null)
    {
        Kind = kind;
        Id = id;
        Status = status;
        Purged = purged;
        Reason = reason;
    }

    /// <summary>What it is.</summary>
    public ResourceKind Kind { get; }

    /// <summary>Its id on TTS (<c>application/device</c> for a device or webhook; an API key's id, never its secret).</summary>
    public string Id { get; }

    /// <summary>What happened to it.</summary>
    public CleanupStatus Status { get; }

    /// <summary>Whether it was also purged (its id released), which needs an admin key.</summary>
    public bool Purged { get; }

    /// <summary>Why it failed or was skipped, with the TTS error name where there is one.</summary>
    public string? Reason { get; }
}

/// <summary>The per-resource report of a deep clean or a start fresh.</summary>
public sealed class CleanupReport
{
    internal CleanupReport()
    {
    }

    /// <summary>Every resource handled, in the order it was handled.</summary>
    public IReadOnlyList<ResourceCleanup> Resources { get; internal init; } = [];

    /// <summary>Whether every resource is confirmed gone (or skipped on purpose).</summary>
    public bool IsComplete => Resources.All(r => r.Status != CleanupStatus.Failed);

    /// <summary>The resources that could not be removed.</summary>
    internal IEnumerable<ResourceCleanup> Failures => Resources.Where(r => r.Status == CleanupStatus.Failed);
}

/// <summary>The result of <see cref="IProvisioningService.DeepCleanAsync"/>.</summary>
/// <remarks>
/// Succeeded when everything is gone; Failed when something remains (run it again to finish); or Denied,
/// AlreadyInProgress, NotConfigured.
/// </remarks>
public sealed class DeepCleanResult : OperationResult
{
    internal DeepCleanResult()
    {
    }

    /// <summary>What happened to each resource.</summary>
    public CleanupReport Report { get; internal init; } = new();
}

/// <summary>The result of <see cref="IProvisioningService.StartFreshAsync"/>.</summary>
/// <remarks>
/// Succeeded when the old resources were cleared (and, when asked, the tenant provisioned again); Failed when an old
/// resource could not be removed (the store keeps the old ids and nothing is provisioned; run start fresh again to
/// finish) or when provisioning again failed; or Denied, AlreadyInProgress, NotConfigured.
/// </remarks>
public sealed class StartFreshResult : OperationResult
{
    internal StartFreshResult()
    {
    }

    /// <summary>What happened to each old resource. Resources that could not be removed are listed, never swallowed.</summary>
    public CleanupReport Cleanup { get; internal init; } = new();

    /// <summary>The new application id chosen.</summary>
    public string? NewApplicationId { get; internal init; }

    /// <summary>The cluster the old resources were removed from (the tenant's cluster before the start fresh).</summary>
    public string? PreviousCluster { get; internal init; }

    /// <summary>
    /// The cluster the tenant is on after the start fresh: the one asked for (a move when it differs from
    /// <see cref="PreviousCluster"/>), or the same one.
    /// </summary>
    public string? Cluster { get; internal init; }

    /// <summary>The result of provisioning again, when it was asked for.</summary>
    public ProvisioningResult? Provisioning { get; internal init; }
}
