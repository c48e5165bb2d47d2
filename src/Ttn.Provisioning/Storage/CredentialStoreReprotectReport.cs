using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.Storage;

/// <summary>How many stored values of one slot ended in one outcome.</summary>
public sealed class ReprotectSweepCount
{
    /// <summary>Creates a <see cref="ReprotectSweepCount"/>.</summary>
    /// <param name="slot">The secret slot.</param>
    /// <param name="outcome">The outcome; in a dry run, <see cref="ReprotectOutcome.Reprotected"/> means "would be re-protected".</param>
    /// <param name="failureReason">Why the values failed to open, when <paramref name="outcome"/> is Failed; otherwise None.</param>
    /// <param name="count">How many values.</param>
    internal ReprotectSweepCount(TenantSecretSlot slot, ReprotectOutcome outcome, SafeDecryptFailureReason failureReason, int count)
    {
        Slot = slot;
        Outcome = outcome;
        FailureReason = failureReason;
        Count = count;
    }

    /// <summary>The secret slot.</summary>
    public TenantSecretSlot Slot { get; }

    /// <summary>The outcome; in a dry run, <see cref="ReprotectOutcome.Reprotected"/> means "would be re-protected".</summary>
    public ReprotectOutcome Outcome { get; }

    /// <summary>Why the values failed to open, when <see cref="Outcome"/> is Failed; otherwise None.</summary>
    public SafeDecryptFailureReason FailureReason { get; }

    /// <summary>How many values.</summary>
    public int Count { get; }
}

/// <summary>What a <see cref="CredentialStoreReprotector"/> sweep found and did. Holds tenant ids and counts, never a secret.</summary>
public sealed class CredentialStoreReprotectReport
{
    private CredentialStoreReprotectReport(Builder builder)
    {
        DryRun = builder.DryRun;
        TenantsScanned = builder.TenantsScanned;
        TenantsUpdated = builder.TenantsUpdated;
        ConflictsRetried = builder.ConflictsRetried;
        TenantsSkippedAfterConflicts = builder.TenantsSkippedAfterConflicts.ToArray();
        TenantsSkippedLeased = builder.TenantsSkippedLeased.ToArray();
        LegacyValuesLeft = builder.LegacyValuesLeft;
        Counts = builder.Counts
            .Select(pair => new ReprotectSweepCount(pair.Key.Slot, pair.Key.Outcome, pair.Key.Reason, pair.Value))
            .OrderBy(c => c.Slot).ThenBy(c => c.Outcome).ThenBy(c => c.FailureReason)
            .ToArray();
    }

    /// <summary>Whether this was a dry run (nothing written).</summary>
    public bool DryRun { get; }

    /// <summary>How many tenants were read.</summary>
    public int TenantsScanned { get; }

    /// <summary>How many tenants were written back with re-protected values (in a dry run: would have been).</summary>
    public int TenantsUpdated { get; }

    /// <summary>How many compare-and-swap conflicts were retried (another writer changed the tenant meanwhile).</summary>
    public int ConflictsRetried { get; }

    /// <summary>Tenants left as they were after too many conflicts; sweep again.</summary>
    public IReadOnlyList<string> TenantsSkippedAfterConflicts { get; }

    /// <summary>Tenants left as they were because a provisioning run holds a live lease on them; sweep again later.</summary>
    public IReadOnlyList<string> TenantsSkippedLeased { get; }

    /// <summary>
    /// How many stored values are still in a legacy format (<c>b64:</c>, <c>v2:</c>, v1) after the sweep: those that failed
    /// to open (implausible, malformed, or read while the migration window is closed) and, in a dry run, those that would be
    /// re-protected. Tenants skipped (leased, conflicts) are not counted: sweep again. Zero means the window can close.
    /// With a host's own <see cref="Secrets.ISecretProtector"/>, unprefixed text it refuses as malformed is counted too
    /// (the built-in protector reads such text as a v1 value).
    /// </summary>
    public int LegacyValuesLeft { get; }

    /// <summary>The counts per slot, outcome and failure reason (only non-zero counts).</summary>
    public IReadOnlyList<ReprotectSweepCount> Counts { get; }

    /// <summary>How many values of a slot ended in an outcome.</summary>
    /// <param name="slot">The slot.</param>
    /// <param name="outcome">The outcome.</param>
    internal int Count(TenantSecretSlot slot, ReprotectOutcome outcome) => Counts.Where(c => c.Slot == slot
        && c.Outcome == outcome).Sum(c => c.Count);

    /// <summary>How many values of every slot ended in an outcome.</summary>
    /// <param name="outcome">The outcome.</param>
    public int Count(ReprotectOutcome outcome) => Counts.Where(c => c.Outcome == outcome).Sum(c => c.Count);

    /// <summary>How many values of a slot failed to open for a reason.</summary>
    /// <param name="slot">The slot.</param>
    /// <param name="reason">The failure reason.</param>
    internal int CountFailed(TenantSecretSlot slot, SafeDecryptFailureReason reason) =>
        Counts.Where(c => c.Slot == slot && c.Outcome == ReprotectOutcome.Failed && c.FailureReason == reason).Sum(c => c.Count);

    /// <summary>A one-line summary.</summary>
    public override string ToString() =>
        $"{(DryRun ? "Dry run: " : string.Empty)}{TenantsScanned} tenants scanned, " +
        $"{TenantsUpdated} {(DryRun ? "would be updated" : "updated")}, " +
        $"{Count(ReprotectOutcome.Reprotected)} values {(DryRun ? "to re-protect" : "re-protected")}, " +
        $"{Count(ReprotectOutcome.AlreadyCurrent)} current, " +
        $"{Count(ReprotectOutcome.Failed)} failed, {ConflictsRetried} conflicts retried, " +
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

        public Dictionary<(TenantSecretSlot Slot, ReprotectOutcome Outcome, SafeDecryptFailureReason Reason), int> Counts { get; } = [];

        public void Add(TenantSecretSlot slot, ReprotectOutcome outcome, SafeDecryptFailureReason reason)
        {
            var key = (slot, outcome, reason);
            Counts[key] = Counts.GetValueOrDefault(key) + 1;
        }

        public CredentialStoreReprotectReport Build() => new(this);
    }
}
