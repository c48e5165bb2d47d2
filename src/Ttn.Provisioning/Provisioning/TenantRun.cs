using System.Security.Cryptography;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Provisioning;

/// <summary>
/// A run that holds a tenant's lease: every write goes through compare-and-swap on the version it last wrote and
/// renews the lease. A refused write means another caller took the lease over, and the run stops.
/// </summary>
internal sealed class TenantRun
{
    private readonly ICredentialStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _leaseDuration;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _requestCount;

    private TenantRun(ICredentialStore store, TimeProvider time, TimeSpan leaseDuration, TenantRecord record, string runId)
    {
        _store = store;
        _time = time;
        _leaseDuration = leaseDuration;
        Record = record;
        RunId = runId;
    }

    /// <summary>The record as last written by this run.</summary>
    public TenantRecord Record { get; private set; }

    /// <summary>This run's lease holder id.</summary>
    public string RunId { get; }

    /// <summary>How many TTS requests this run made.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    public DateTimeOffset Now => _time.GetUtcNow();

    public void CountRequest() => Interlocked.Increment(ref _requestCount);

    /// <summary>Whether the record's lease is held by a live run.</summary>
    public static bool IsLeaseLive(TenantRecord record, DateTimeOffset now) =>
        record.LeaseHolder is not null && record.LeaseExpiresAt is { } expires && expires > now;

    /// <summary>
    /// Takes the tenant's lease. <paramref name="decide"/> sees the current record (null when none) and either returns
    /// the record to lease (a new one for a tenant with none) or an early answer; it runs again if another writer
    /// gets in between.
    /// </summary>
    public static async Task<(TenantRun? Run, LeaseRefusal Refusal, TenantRecord? Current)> AcquireAsync(
        ICredentialStore store,
        TimeProvider time,
        TimeSpan leaseDuration,
        string tenantId,
        Func<TenantRecord?, (TenantRecord? ToLease, LeaseRefusal Refusal)> decide,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var current = await store.GetAsync(tenantId, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            if (current is not null && IsLeaseLive(current, now))
            {
                return (null, LeaseRefusal.AlreadyInProgress, current);
            }

            var (toLease, refusal) = decide(current);
            if (toLease is null)
            {
                return (null, refusal, current);
            }

            var runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            var leased = toLease with
            {
                LeaseHolder = runId,
                LeaseHeartbeatAt = now,
                LeaseExpiresAt = now + leaseDuration,
                UpdatedAt = now,
                CreatedAt = current is null ? now : toLease.CreatedAt,
            };

            var written = await store.TryWriteAsync(leased, cancellationToken).ConfigureAwait(false);
            if (written is not null)
            {
                return (new TenantRun(store, time, leaseDuration, written, runId), LeaseRefusal.None, written);
            }
        }

        return (null, LeaseRefusal.AlreadyInProgress, null);
    }

    /// <summary>Writes a change and renews the lease. Writes of one run never interleave (steps may run in parallel).</summary>
    /// <exception cref="LeaseLostException">Another run took the lease over.</exception>
    public async Task SaveAsync(Func<TenantRecord, TenantRecord> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var now = _time.GetUtcNow();
            var next = change(Record) with
            {
                LeaseHolder = RunId,
                LeaseHeartbeatAt = now,
                LeaseExpiresAt = now + _leaseDuration,
                UpdatedAt = now,
            };
            Record = await _store.TryWriteAsync(next, cancellationToken).ConfigureAwait(false) ?? throw new LeaseLostException();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Renews the lease when a third of it has passed since the last write, so that a long stretch of TTS calls
    /// without a checkpoint (a deep clean of many devices, retries after a rate limit) does not let it expire.
    /// </summary>
    /// <exception cref="LeaseLostException">Another run took the lease over.</exception>
    public Task RenewIfDueAsync(CancellationToken cancellationToken) =>
        Record.LeaseHeartbeatAt is { } heartbeat && _time.GetUtcNow() - heartbeat < _leaseDuration / 3
            ? Task.CompletedTask
            : SaveAsync(static r => r, cancellationToken);

    /// <summary>Writes a final change and gives the lease up.</summary>
    /// <exception cref="LeaseLostException">Another run took the lease over.</exception>
    public async Task ReleaseAsync(Func<TenantRecord, TenantRecord> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var next = change(Record) with
            {
                LeaseHolder = null,
                LeaseHeartbeatAt = null,
                LeaseExpiresAt = null,
                UpdatedAt = _time.GetUtcNow(),
            };
            Record = await _store.TryWriteAsync(next, cancellationToken).ConfigureAwait(false) ?? throw new LeaseLostException();
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Why a lease was not taken.</summary>
internal enum LeaseRefusal
{
    None,
    AlreadyInProgress,
    NotConfigured,
    UseStartFresh,
    NotApplicable,
    Ready,
}
