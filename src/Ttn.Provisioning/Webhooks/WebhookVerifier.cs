using System.Buffers;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Ttn.Provisioning.Secrets;
using Ttn.Provisioning.Storage;
using Ttn.Provisioning.Tenancy;

namespace Ttn.Provisioning.Webhooks;

/// <summary>
/// Checks the secret presented with a webhook delivery for a tenant at the cost of one HMAC: per tenant it keeps keyed
/// digests of the secret in force, the one being rotated in and the one rotated out (until its grace ends), and compares the
/// presented secret's digest with each, in constant time. The store is read and secrets are opened only when a tenant is
/// first seen, after a change, and at most every <see cref="TtnProvisioningOptions.WebhookVerifierRefreshInterval"/>.
/// </summary>
/// <remarks>
/// <para>
/// Digests are HMAC-SHA256 under a random key drawn when the verifier starts. They live in this process's memory only and
/// are never compared across processes, so the key needs no derivation and no rotation: nothing is written to the store,
/// and a database dump holds exactly what it held before (sealed values).
/// </para>
/// <para>
/// Staleness, the bound: a change written through this process's provisioning service (rotation, start fresh, deep clean,
/// any operation) is seen by the next delivery. A change written by another host sharing the store is seen here: for a
/// secret that is new (a rotation's pending secret, a re-provisioned tenant) by the first delivery that presents it once
/// <see cref="MissRecheckInterval"/> passed since this host last read the tenant's record (a miss reads the store again,
/// at most that often per tenant, so wrong secrets cannot make every request a store read); for a secret that was
/// revoked (start fresh, deep clean, a rotation without grace), and for a tenant disabled, within the refresh interval
/// (default 30 seconds). The end of a grace period is exact on every host (it is compared with the clock per request).
/// </para>
/// <para>
/// An unknown tenant is kept as an entry of random digests, compared like a known one, and re-read on the same schedule:
/// it costs what a wrong secret costs and answers the same. At most <see cref="TtnProvisioningOptions.WebhookVerifierCapacity"/>
/// tenants (and <see cref="AbsentCapacity"/> unknown ones, apart, so a flood of made-up ids cannot evict real tenants) are kept.
/// </para>
/// </remarks>
internal sealed class WebhookVerifier : IDisposable
{
    /// <summary>How often, at most, a presented secret that matches nothing makes this host read the tenant's record again.</summary>
    public static readonly TimeSpan MissRecheckInterval = TimeSpan.FromSeconds(1);

    /// <summary>How many tenants the store does not know are remembered (apart from the known ones).</summary>
    public const int AbsentCapacity = 1_000;

    private const int StackLimit = 256;

    private readonly ICredentialStore _store;
    private readonly TenantVault _vault;
    private readonly TimeProvider _time;
    private readonly byte[] _key;
    private readonly ThreadLocal<IncrementalHash> _hmac;
    private readonly long _refreshTicks;
    private readonly long _recheckTicks;
    private readonly VerifierCache _known;
    private readonly VerifierCache _absent = new(AbsentCapacity);
    private readonly VerifierEntry _dummy = VerifierEntry.Absent(0);
    private readonly ConcurrentDictionary<string, Task<VerifierEntry>> _loads = new(StringComparer.Ordinal);
    private long _generation;
    private long _secretOpens;

    public WebhookVerifier(ICredentialStore store, ISecretProtector protector, IOptions<TtnProvisioningOptions> options, TimeProvider time)
    {
        _store = store;
        _vault = new TenantVault(protector);
        _time = time;
        _key = RandomNumberGenerator.GetBytes(VerifierEntry.DigestSize);

        // One keyed HMAC per thread, reset after each use: re-keying per request would cost twice the hash itself.
        _hmac = new ThreadLocal<IncrementalHash>(() => IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key), trackAllValues: true);
        _refreshTicks = Ticks(options.Value.WebhookVerifierRefreshInterval);
        _recheckTicks = Ticks(MissRecheckInterval);
        _known = new VerifierCache(options.Value.WebhookVerifierCapacity);
    }

    /// <summary>How many sealed webhook secrets this verifier has opened (a miss or a change; never per request once warm).</summary>
    public long SecretOpens => Interlocked.Read(ref _secretOpens);

    /// <summary>How many tenants (known and unknown) have an entry now.</summary>
    internal int EntryCount => _known.Count + _absent.Count;

    /// <summary>
    /// Checks a secret presented for a tenant. Bad inputs (no secret, an invalid tenant id) are a rejection, never an
    /// exception; only the store's own failures (when it must be read) propagate.
    /// </summary>
    /// <param name="tenantId">The tenant the delivery claims to be for (from its URL).</param>
    /// <param name="presentedSecret">The secret from the request header.</param>
    /// <param name="cancellationToken">Stops waiting for a store read (the read itself completes for the next caller).</param>
    public ValueTask<WebhookVerification> VerifyAsync(string? tenantId, string? presentedSecret, CancellationToken cancellationToken)
    {
        Span<byte> digest = stackalloc byte[VerifierEntry.DigestSize];
        Digest(presentedSecret ?? string.Empty, digest);
        var now = _time.GetUtcNow();
        if (string.IsNullOrEmpty(presentedSecret) || !SecretContext.IsValidTenantId(tenantId))
        {
            _ = _dummy.Matches(digest, now);
            return ValueTask.FromResult(WebhookVerification.Rejected);
        }

        // Both caches are always looked up, so a known and an unknown tenant cost the same.
        var known = _known.Find(tenantId);
        var absent = _absent.Find(tenantId);
        var entry = known ?? absent;
        var timestamp = _time.GetTimestamp();
        if (entry is not null && !entry.IsStale && timestamp - entry.CheckedAt < _refreshTicks)
        {
            entry.Touch(timestamp);
            if (entry.Matches(digest, now))
            {
                return ValueTask.FromResult(Answer(entry));
            }

            if (timestamp - entry.CheckedAt < _recheckTicks)
            {
                return ValueTask.FromResult(WebhookVerification.Rejected);
            }
        }

        return VerifyAfterReadAsync(tenantId, digest.ToArray(), entry, cancellationToken);
    }

    /// <summary>
    /// Forgets what this host knows of the tenant's record until the store is read again: called after every write to it.
    /// </summary>
    public void Invalidate(string tenantId)
    {
        Interlocked.Increment(ref _generation);
        _known.MarkStale(tenantId);
        _absent.MarkStale(tenantId);
    }

    private async ValueTask<WebhookVerification> VerifyAfterReadAsync(
        string tenantId, byte[] digest, VerifierEntry? cached, CancellationToken cancellationToken)
    {
        var entry = await ReadOnceAsync(tenantId, cached).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (entry.IsStale)
        {
            // A change was written while that read was under way (it may have been started by another request): read again.
            entry = await ReadOnceAsync(tenantId, entry).WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        return entry.Matches(digest, _time.GetUtcNow()) ? Answer(entry) : WebhookVerification.Rejected;
    }

    private static WebhookVerification Answer(VerifierEntry entry) => new(
        entry.Disabled ? WebhookVerificationOutcome.TenantDisabled : WebhookVerificationOutcome.Accepted, entry.ApplicationId);

    /// <summary>Reads the tenant's record into a new entry; concurrent callers for one tenant share one read.</summary>
    private async Task<VerifierEntry> ReadOnceAsync(string tenantId, VerifierEntry? cached)
    {
        while (true)
        {
            if (_loads.TryGetValue(tenantId, out var running))
            {
                return await running.ConfigureAwait(false);
            }

            var load = new TaskCompletionSource<VerifierEntry>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_loads.TryAdd(tenantId, load.Task))
            {
                continue;
            }

            try
            {
                var entry = await ReadAsync(tenantId, cached).ConfigureAwait(false);
                load.SetResult(entry);
                return entry;
            }
            catch (Exception exception)
            {
                load.SetException(exception);
                _ = load.Task.Exception;
                throw;
            }
            finally
            {
                _loads.TryRemove(KeyValuePair.Create(tenantId, load.Task));
            }
        }
    }

    private async Task<VerifierEntry> ReadAsync(string tenantId, VerifierEntry? cached)
    {
        var generation = Interlocked.Read(ref _generation);

        // Not the caller's token: the read is shared by every request waiting for this tenant.
        var record = await _store.GetAsync(tenantId, CancellationToken.None).ConfigureAwait(false);
        var checkedAt = _time.GetTimestamp();
        VerifierEntry entry;
        if (record is null || !string.Equals(record.TenantId, tenantId, StringComparison.Ordinal))
        {
            entry = VerifierEntry.Absent(checkedAt);
            _absent.Set(tenantId, entry);
            _known.Remove(tenantId);
        }
        else
        {
            var disabled = WebhookDeliveryPolicy.IsDisabled(record);
            var fingerprint = VerifierEntry.FingerprintOf(record, disabled);
            entry = cached is not null && cached.Describes(record, fingerprint)
                ? cached.Confirmed(record.Version, checkedAt)
                : Build(record, disabled, fingerprint, checkedAt);
            _known.Set(tenantId, entry);
            _absent.Remove(tenantId);
        }

        if (generation != Interlocked.Read(ref _generation))
        {
            entry.MarkStale();
        }

        return entry;
    }

    private VerifierEntry Build(TenantRecord record, bool disabled, byte[] fingerprint, long checkedAt)
    {
        var tenantId = record.TenantId;
        var until = record.WebhookSecret.PreviousValidUntil is { } end && end > _time.GetUtcNow() ? end : DateTimeOffset.MinValue;
        return VerifierEntry.Build(record, disabled, fingerprint, checkedAt, until, (token, destination) =>
        {
            Interlocked.Increment(ref _secretOpens);
            ProvisioningDiagnostics.WebhookSecretOpens.Add(1);
            // A legacy value is neither authenticated nor bound to the tenant (whoever writes the store can plant one):
            // it is never proof, in or out of the migration window. The sweep upgrades it; until then deliveries fail.
            var opened = _vault.Open(tenantId, SecretField.WebhookSecret, token);
            if (opened.IsLegacyFormat || !opened.TryGetValue(out var secret) || secret.Length == 0)
            {
                return false;
            }

            Digest(secret, destination);
            return true;
        });
    }

    /// <summary>HMAC-SHA256 of the UTF-8 secret under the verifier key; the encoded bytes are wiped.</summary>
    private void Digest(string secret, Span<byte> destination)
    {
        var length = Encoding.UTF8.GetByteCount(secret);
        byte[]? rented = null;
        var bytes = length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(length));
        bytes = bytes[..length];
        try
        {
            Encoding.UTF8.GetBytes(secret, bytes);
            var hmac = _hmac.Value!;
            hmac.AppendData(bytes);
            hmac.GetHashAndReset(destination);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(bytes);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Releases the per-thread HMAC instances and wipes the verifier key.</summary>
    public void Dispose()
    {
        foreach (var hmac in _hmac.Values)
        {
            hmac.Dispose();
        }

        _hmac.Dispose();
        CryptographicOperations.ZeroMemory(_key);
    }

    private long Ticks(TimeSpan interval) => (long)(interval.TotalSeconds * _time.TimestampFrequency);
}
