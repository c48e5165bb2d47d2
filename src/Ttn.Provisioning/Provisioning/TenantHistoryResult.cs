using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning;

/// <summary>The result of <see cref="IProvisioningService.GetHistoryAsync"/>: Succeeded (with a page of entries) or Denied.</summary>
public sealed class TenantHistoryResult : OperationResult
{
    internal TenantHistoryResult()
    {
    }

    /// <summary>The entries, newest first; empty for a tenant with no history.</summary>
    public IReadOnlyList<TenantHistoryEntry> Entries { get; internal init; } = [];

    /// <summary>The token of the next (older) page; null when there is none.</summary>
    public string? NextPageToken { get; internal init; }
}
