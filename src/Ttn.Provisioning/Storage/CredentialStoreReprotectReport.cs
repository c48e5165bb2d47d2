using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.Storage;

/// <summary>
/// What a <see cref="CredentialStoreReprotector"/> sweep found and did: a few counts and the tenants to look at. Holds tenant
/// ids and counts, never a secret. Each value that failed to open is also logged with its tenant, slot and reason.
/// </summary>
public sealed class CredentialStoreReprotectReport
{
    private readonly Dictionary<(TenantSecretSlot Slot, ReprotectOutcome Outcome, SafeDecryptFailureReason Reason), int> _counts;

    private CredentialStoreReprotectReport(Builder builder)
    {
        DryRun = builder.DryRun;
        TenantsScanned = builder.TenantsScanned;
        TenantsUpdated = builder.TenantsUpdated;
        ConflictsRetried = builder.ConflictsRetried;
        TenantsSkippedAfterConflicts = builder.TenantsSkippedAfterConflicts.ToArray();
        TenantsSkippedLeased = builder.TenantsSkippedLeased.ToArray();
        TenantsWithFailures = builder.TenantsWithFailures.ToArray();
        LegacyValuesLeft = builder.LegacyValuesLeft;
        _counts = new(builder.Counts);
        ValuesReprotected = Count(ReprotectOutcome.Reprotected);
        ValuesAlreadyCurrent = Count(ReprotectOutcome.AlreadyCurrent);
        ValuesFailed = Count(ReprotectOutcome.Failed);
    }

    /// <summary>Whether this was a dry run (nothing written).</summary>
    public bool DryRun { get; }

    /// <summary>How many tenants were read.</summary>
    public int TenantsScanned { get; }

    /// <summary>How many tenants were written back with re-protected values (in a dry run: would have been).</summary>
    public int TenantsUpdated { get; }

    /// <summary>
    /// How many stored values were sealed again with the primary key (in a dry run: would have been), because they were
    /// sealed with an older key or in a legacy format.
    /// </summary>
    public int ValuesReprotected { get; }

    /// <summary>How many stored values were already sealed with the primary key and left as they were.</summary>
    public int ValuesAlreadyCurrent { get; }

    /// <summary>
    /// How many stored values failed to open (unknown key, tampered, malformed, legacy outside the migration window) and were
    /// left untouched; <see cref="TenantsWithFailures"/> says where, and the log says which slot and why.
    /// </summary>
    public int ValuesFailed { get; }

    /// <summary>The tenants with at least one value that failed to open, in the order they were scanned (ordinal).</summary>
    public IReadOnlyList<string> TenantsWithFailures { get; }

    /// <summary>
    /// How many stored values are still in a legacy format (<c>b64:</c>, <c>v2:</c>, v1) after the sweep: those that failed
    /// to open (implausible, malformed, or read while the migration window is closed) and, in a dry run, those that would be
    /// re-protected. Tenants skipped (leased, conflicts) are not counted: sweep again. Zero means the window can close.
    /// With a host's own <see cref="ISecretProtector"/>, unprefixed text it refuses as malformed is counted too
    /// (the built-in protector reads such text as a v1 value).
    /// </summary>
    public int LegacyValuesLeft { get; }

    /// <summary>How many compare-and-swap conflicts were retried (another writer changed the tenant meanwhile).</summary>
    public int ConflictsRetried { get; }

    /// <summary>Tenants left as they were after too many conflicts; sweep again.</summary>
    public IReadOnlyList<string> TenantsSkippedAfterConflicts { get; }

    /// <summary>Tenants left as they were because a provisioning run holds a live lease on them; sweep again later.</summary>
    public IReadOnlyList<string> TenantsSkippedLeased { get; }

    /// <summary>How many values of every slot ended in an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    internal int Count(ReprotectOutcome outcome) => _counts.Where(c => c.Key.Outcome == outcome).Sum(c => c.Value);

    /// <summary>How many values of a slot ended in an outcome.</summary>
    /// <param name="slot">The slot.</param>
    /// <param name="outcome">The outcome.</param>
    internal int Count(TenantSecretSlot slot, ReprotectOutcome outcome) =>
        _counts.Where(c => c.Key.Slot == slot && c.Key.Outcome == outcome).Sum(c => c.Value);

    /// <summary>How many values of a slot failed to open for a reason.</summary>
    /// <param name="slot">The slot.</param>
    /// <param name="reason">The failure reason.</param>
    internal int CountFailed(TenantSecretSlot slot, SafeDecryptFailureReason reason) =>
        _counts.GetValueOrDefault((slot, ReprotectOutcome.Failed, reason));

    /// <summary>A one-line summary.</summary>
    public override string ToString() =>
        $"{(DryRun ? "Dry run: " : string.Empty)}{TenantsScanned} tenants scanned, " +
        $"{TenantsUpdated} {(DryRun ? "would be updated" : "updated")}, " +
        $"{ValuesReprotected} values {(DryRun ? "to re-protect" : "re-protected")}, " +
        $"{ValuesAlreadyCurrent} current, " +
        $"{ValuesFailed} failed in {TenantsWithFailures.Count} tenants, {ConflictsRetried} conflicts retried, " +
        $"{TenantsSkippedAfterConflicts.Count} skipped after conflicts, {TenantsSkippedLeased.Count} skipped (leased), " +
        $"{LegacyValuesLeft} legacy values left";

    internal sealed class Builder(bool dryRun)
    {
        public bool DryRun { get; } = dryRun;

        public int TenantsScanned { get; set; }

        public int TenantsUpdated { get; set; }

        public int ConflictsRetried { get; set; }

        public int LegacyValuesLeft { get; set; }

        public List<string> TenantsSkippedAfterConflicts { get; } = [];

        public List<string> TenantsSkippedLeased { get; } = [];

        public List<string> TenantsWithFailures { get; } = [];

        public Dictionary<(TenantSecretSlot Slot, ReprotectOutcome Outcome, SafeDecryptFailureReason Reason), int> Counts { get; } = [];

        public void Add(TenantSecretSlot slot, ReprotectOutcome outcome, SafeDecryptFailureReason reason)
        {
            var key = (slot, outcome, reason);
            Counts[key] = Counts.GetValueOrDefault(key) + 1;
        }

        public CredentialStoreReprotectReport Build() => new(this);
    }
}
