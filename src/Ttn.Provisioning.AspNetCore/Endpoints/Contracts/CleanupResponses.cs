namespace Ttn.Provisioning.AspNetCore.Endpoints.Contracts;

/// <summary>A clean-up's per-resource report.</summary>
internal sealed class CleanupView
{
    private CleanupView(CleanupReport report)
    {
        IsComplete = report.IsComplete;
        Resources = report.Resources
            .Select(r => new ResourceView(r.Kind.ToString(), r.Id, r.Status.ToString(), r.Purged, r.Reason))
            .ToArray();
    }

    /// <summary>Whether every resource is confirmed gone (or skipped on purpose).</summary>
    public bool IsComplete { get; }

    /// <summary>Every resource handled, in the order it was handled.</summary>
    public IReadOnlyList<ResourceView> Resources { get; }

    public static CleanupView From(CleanupReport report) => new(report);
}

/// <summary>The fate of one resource: its kind, its TTS id (never a secret), what happened and why.</summary>
internal sealed record ResourceView(string Kind, string Id, string Status, bool Purged, string? Reason);

/// <summary>The answer of <c>POST …/deep-clean</c>.</summary>
internal sealed class DeepCleanResponse : OperationResponse
{
    private DeepCleanResponse(DeepCleanResult result)
        : base(result)
    {
        Report = CleanupView.From(result.Report);
    }

    public CleanupView Report { get; }

    public static DeepCleanResponse From(DeepCleanResult result) => new(result);
}

/// <summary>The answer of <c>POST …/start-fresh</c>: what happened to the old resources, the new id, and provisioning again.</summary>
internal sealed class StartFreshResponse : OperationResponse
{
    private StartFreshResponse(StartFreshResult result)
        : base(result)
    {
        Cleanup = CleanupView.From(result.Cleanup);
        NewApplicationId = result.NewApplicationId;
        PreviousCluster = result.PreviousCluster;
        Cluster = result.Cluster;
        Provisioning = result.Provisioning is { } provisioning ? ProvisioningResponse.From(provisioning) : null;
    }

    public CleanupView Cleanup { get; }

    public string? NewApplicationId { get; }

    /// <summary>The cluster the tenant was on.</summary>
    public string? PreviousCluster { get; }

    /// <summary>The cluster the tenant is on now (another one when it moved).</summary>
    public string? Cluster { get; }

    public ProvisioningResponse? Provisioning { get; }

    public static StartFreshResponse From(StartFreshResult result) => new(result);
}
