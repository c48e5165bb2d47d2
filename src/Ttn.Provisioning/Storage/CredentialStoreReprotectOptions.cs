namespace Ttn.Provisioning.Storage;

/// <summary>
/// How <see cref="CredentialStoreReprotector"/> sweeps. Internal: a host chooses only the dry run
/// (<see cref="CredentialStoreReprotector.ReprotectAllAsync(bool, CancellationToken)"/>); tests page with small pages and
/// exhaust the conflict retries through it.
/// </summary>
internal sealed class CredentialStoreReprotectOptions
{
    /// <summary>Whether to write nothing and only report what would be re-protected.</summary>
    public bool DryRun { get; set; }

    /// <summary>How many tenants to read per page (default 100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// How many times a tenant is read again and retried after a compare-and-swap conflict before it is skipped (default 5).
    /// </summary>
    public int MaxConflictRetries { get; set; } = 5;
}
