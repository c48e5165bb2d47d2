using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Ttn.Provisioning.Secrets;

namespace Ttn.Provisioning.Storage;

/// <summary>
/// Walks every tenant of a store and seals again, with the primary key, each stored secret that is sealed with an older
/// key or in a legacy format: it opens each value with <see cref="ISecretProtector.Unprotect"/> and, when the result
/// <see cref="SafeDecrypt.RequiresReprotect"/>, seals it with <see cref="ISecretProtector.Protect"/> and writes the new token
/// back. Run it after adding a new primary key or after importing legacy values; then old keys can leave the ring once a
/// sweep reports nothing left to re-protect.
/// </summary>
/// <remarks>
/// <para>
/// Safe while other writers run: each tenant is written back with compare-and-swap; on a conflict the tenant is read
/// again and re-protected from the fresh record (a bounded number of times), so no other writer's change is lost.
/// Tenants whose provisioning lease is live are left alone (so a running provisioning run is not disturbed) and reported;
/// sweep again later.
/// </para>
/// <para>
/// Values that fail to open are left untouched, counted, their tenants listed in
/// <see cref="CredentialStoreReprotectReport.TenantsWithFailures"/>, and each logged with its tenant, slot and reason.
/// Nothing secret is logged or reported.
/// </para>
/// <para>
/// Works with any <see cref="ISecretProtector"/>, including a host's own: it calls only <see cref="ISecretProtector.Unprotect"/>
/// and <see cref="ISecretProtector.Protect"/>, and tells legacy values by their stored text.
/// </para>
/// <para>
/// <see cref="CredentialStoreReprotectReport.LegacyValuesLeft"/> says how many values are still in a legacy format after
/// the sweep; once a sweep reports none, the legacy migration window
/// (<see cref="SecretProtectionOptions.AllowLegacyFormatsUntil"/>) can be closed.
/// </para>
/// </remarks>
public sealed class CredentialStoreReprotector
{
    private readonly ICredentialStore _store;
    private readonly ISecretProtector _protector;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates a sweeper.</summary>
    /// <param name="store">The store to sweep.</param>
    /// <param name="protector">The protector whose primary key the secrets are sealed with.</param>
    /// <param name="timeProvider">The clock for lease expiry and <see cref="TenantRecord.UpdatedAt"/>; the system clock when null.</param>
    /// <param name="logger">The logger; nothing is logged when null.</param>
    public CredentialStoreReprotector(
        ICredentialStore store,
        ISecretProtector protector,
        TimeProvider? timeProvider = null,
        ILogger<CredentialStoreReprotector>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(protector);
        _store = store;
        _protector = protector;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Sweeps every tenant, page by page (100 tenants a page) in ordinal order of tenant id.</summary>
    /// <param name="dryRun">Whether to write nothing and only report what would be re-protected: run it first.</param>
    /// <param name="cancellationToken">Stops the sweep between tenants (what was written stays written).</param>
    /// <returns>
    /// How many tenants were scanned and updated, how many values were re-protected, already current or failed to open,
    /// how many legacy values are left, and which tenants were skipped or hold values that failed to open.
    /// </returns>
    public Task<CredentialStoreReprotectReport> ReprotectAllAsync(bool dryRun = false, CancellationToken cancellationToken = default) =>
        ReprotectAllAsync(new CredentialStoreReprotectOptions { DryRun = dryRun }, cancellationToken);

    /// <summary>Sweeps every tenant with the page size and conflict retries of <paramref name="options"/>.</summary>
    /// <param name="options">Dry run, page size and conflict retries.</param>
    /// <param name="cancellationToken">Stops the sweep between tenants (what was written stays written).</param>
    internal async Task<CredentialStoreReprotectReport> ReprotectAllAsync(
        CredentialStoreReprotectOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxConflictRetries, nameof(options));

        var report = new CredentialStoreReprotectReport.Builder(options.DryRun);
        Log.SweepStarted(_logger, options.DryRun);

        string? after = null;
        while (true)
        {
            var page = await _store.ListAsync(after, options.PageSize, cancellationToken).ConfigureAwait(false);
            foreach (var record in page)
            {
                cancellationToken.ThrowIfCancellationRequested();
                report.TenantsScanned++;
                await SweepTenantAsync(record, options, report, cancellationToken).ConfigureAwait(false);
            }

            if (page.Count < options.PageSize)
            {
                break;
            }

            after = page[^1].TenantId;
        }

        var result = report.Build();
        Log.SweepCompleted(
            _logger, options.DryRun, result.TenantsScanned, result.TenantsUpdated, result.ConflictsRetried,
            result.TenantsSkippedAfterConflicts.Count, result.TenantsSkippedLeased.Count, result.ValuesFailed,
            result.LegacyValuesLeft);
        return result;
    }

    private async Task SweepTenantAsync(
        TenantRecord record,
        CredentialStoreReprotectOptions options,
        CredentialStoreReprotectReport.Builder report,
        CancellationToken cancellationToken)
    {
        var current = record;
        for (var attempt = 0; ; attempt++)
        {
            if (TenantRun.IsLeaseLive(current, _timeProvider.GetUtcNow()))
            {
                report.TenantsSkippedLeased.Add(current.TenantId);
                Log.TenantSkippedLeased(_logger, current.TenantId);
                return;
            }

            var results = new (TenantSecretSlot Slot, ReprotectResult Result)[TenantSecretSlots.All.Count];
            var updated = current;
            var changed = 0;
            for (var i = 0; i < results.Length; i++)
            {
                var slot = TenantSecretSlots.All[i];
                var context = new SecretContext(current.TenantId, slot.ToSecretField());
                var result = SecretReprotection.Reprotect(_protector, current.GetSealed(slot), context);
                results[i] = (slot, result);
                if (result.Changed)
                {
                    updated = updated.WithSealed(slot, result.Token!);
                    changed++;
                }
            }

            if (changed == 0 || options.DryRun)
            {
                Tally(current.TenantId, results, report, options.DryRun);
                if (changed > 0)
                {
                    report.TenantsUpdated++;
                }

                return;
            }

            var written = await _store.TryWriteAsync(updated with { UpdatedAt = _timeProvider.GetUtcNow() }, cancellationToken)
                .ConfigureAwait(false);
            if (written is not null)
            {
                Tally(current.TenantId, results, report, options.DryRun);
                report.TenantsUpdated++;
                Log.TenantReprotected(_logger, current.TenantId, changed);
                return;
            }

            if (attempt >= options.MaxConflictRetries)
            {
                report.TenantsSkippedAfterConflicts.Add(current.TenantId);
                Log.TenantSkippedAfterConflicts(_logger, current.TenantId, attempt + 1);
                return;
            }

            report.ConflictsRetried++;
            Log.TenantConflict(_logger, current.TenantId, attempt + 1);
            var reread = await _store.GetAsync(current.TenantId, cancellationToken).ConfigureAwait(false);
            if (reread is null)
            {
                // Deleted meanwhile: nothing left to re-protect.
                return;
            }

            current = reread;
        }
    }

    private void Tally(
        string tenantId,
        (TenantSecretSlot Slot, ReprotectResult Result)[] results,
        CredentialStoreReprotectReport.Builder report,
        bool dryRun)
    {
        if (results.Any(r => r.Result.Outcome == ReprotectOutcome.Failed))
        {
            report.TenantsWithFailures.Add(tenantId);
        }

        foreach (var (slot, result) in results)
        {
            report.Add(slot, result.Outcome, result.FailureReason);
            if (LegacySecretFormats.IsLegacyName(result.PreviousFormat) && (dryRun || result.Outcome != ReprotectOutcome.Reprotected))
            {
                report.LegacyValuesLeft++;
            }

            if (result.Outcome == ReprotectOutcome.Failed)
            {
                Log.ValueFailed(_logger, tenantId, slot, result.FailureReason, dryRun);
            }
        }
    }
}
