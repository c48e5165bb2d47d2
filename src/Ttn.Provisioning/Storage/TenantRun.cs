using System.Security.Cryptography;

namespace Ttn.Provisioning.Storage;

/// <summary>
/// A run that holds a tenant's lease: every write goes through compare-and-swap on the version it last wrote and
/// renews the lease. A refused write means another caller took the lease over, and the run stops.
/// </summary>
internal sealed class TenantRun
{
    private readonly ICredentialStore _store;
    private readonly TimeProvider _time;
    private readonly LeasePolicy _policy;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private TenantRun(ICredentialStore store, TimeProvider time, LeasePolicy policy, TenantRecord record, string runId)
    {
        _store = store;
        _time = time;
        _policy = policy;
        Record = record;
        RunId = runId;
    }

    /// <summary>The record as last written by this run.</summary>
    public TenantRecord Record { get; private set; }

    /// <summary>This run's lease holder id.</summary>
    public string RunId { get; }

    /// <summary>The current time on the run's clock.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Whether the record's lease is held by a live run at <paramref name="now"/>.</summary>
    public static bool IsLeaseLive(TenantRecord record, DateTimeOffset now) => record.Lease?.IsLiveAt(now) == true;

    /// <summary>
    /// Takes the tenant's lease. <paramref name="decide"/> sees the current record (null when none) and either returns
    /// the record to lease (a new one for a tenant with none) or null for an early answer; it runs again if another
    /// writer gets in between.
    /// </summary>
    /// <returns>The run, or null with the record that was current (null when there is none) when no lease was taken.</returns>
    public static async Task<(TenantRun? Run, bool Busy, TenantRecord? Current)> AcquireAsync(
        ICredentialStore store,
        TimeProvider time,
        LeasePolicy policy,
        string tenantId,
        Func<TenantRecord?, TenantRecord?> decide,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var current = await store.GetAsync(tenantId, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            if (current is not null && IsLeaseLive(current, now))
            {
                return (null, true, current);
            }

            if (decide(current) is not { } toLease)
            {
                return (null, false, current);
            }

            var runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            var leased = toLease with
            {
                Lease = new TenantLease(runId, now, now + policy.Duration),
                UpdatedAt = now,
                CreatedAt = current is null ? now : toLease.CreatedAt,
            };

            var written = await store.TryWriteAsync(leased, cancellationToken).ConfigureAwait(false);
            if (written is not null)
            {
                return (new TenantRun(store, time, policy, written, runId), false, written);
            }
        }

        return (null, true, null);
    }

    /// <summary>Writes a change and renews the lease. Writes of one run never interleave (steps may run in parallel).</summary>
    /// <exception cref="LeaseLostException">Another run took the lease over.</exception>
    public Task SaveAsync(Func<TenantRecord, TenantRecord> change, CancellationToken cancellationToken) =>
        WriteAsync(change, release: false, cancellationToken);

    /// <summary>
    /// Renews the lease unless it still covers the longest a request to The Things Stack can take: so the lease cannot
    /// expire while this run still acts, however slow TTS is (retries, rate-limit waits and the body's own timeout
    /// included).
    /// </summary>
    /// <exception cref="LeaseLostException">Another run took the lease over.</exception>
    public Task EnsureLeaseCoversCallAsync(CancellationToken cancellationToken) =>
        Record.Lease is { } lease && lease.ExpiresAt - _time.GetUtcNow() > _policy.LongestCall
            ? Task.CompletedTask
            : WriteAsync(static r => r, release: false, cancellationToken);

    /// <summary>Writes a final change and gives the lease up.</summary>
    /// <exception cref="LeaseLostException">Another run took the lease over.</exception>
    public Task ReleaseAsync(Func<TenantRecord, TenantRecord> change, CancellationToken cancellationToken) =>
        WriteAsync(change, release: true, cancellationToken);

    private async Task WriteAsync(Func<TenantRecord, TenantRecord> change, bool release, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            var next = change(Record) with
            {
                Lease = release ? null : new TenantLease(RunId, now, now + _policy.Duration),
                UpdatedAt = now,
            };
            Record = await _store.TryWriteAsync(next, cancellationToken).ConfigureAwait(false) ?? throw new LeaseLostException();
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>How long a lease lasts, and the longest one request to The Things Stack may take under it.</summary>
/// <param name="Duration">How long a lease lasts without a write.</param>
/// <param name="LongestCall">The worst case of one request: total timeout (attempts, retry waits) plus the body's timeout.</param>
internal readonly record struct LeasePolicy(TimeSpan Duration, TimeSpan LongestCall);

/// <summary>Another run took the tenant's lease over (this run was too slow); it stops without writing.</summary>
internal sealed class LeaseLostException : Exception
{
    public LeaseLostException()
        : base("Another run took over the tenant's lease.")
    {
    }

    public LeaseLostException(string message)
        : base(message)
    {
    }

    public LeaseLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
