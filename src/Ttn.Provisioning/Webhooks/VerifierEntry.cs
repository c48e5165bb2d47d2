using System.Security.Cryptography;
using System.Text;
using Ttn.Provisioning.Storage;

namespace Ttn.Provisioning.Webhooks;

/// <summary>
/// What one host knows about one tenant's webhook secrets: a keyed digest of the secret in force, of the one being
/// rotated in and of the one rotated out (with the end of its grace), never a secret itself; plus what tells whether the
/// stored record still says the same (its version and a fingerprint of the sealed values), and when that was last checked.
/// </summary>
/// <remarks>
/// A slot without a secret holds random bytes, so it costs the same comparison and can never match (a digest is 256 bits).
/// An entry for a tenant the store does not know (<see cref="Exists"/> false) holds only such slots: an unknown tenant is
/// compared exactly like a known one and answers like a wrong secret.
/// </remarks>
internal sealed class VerifierEntry
{
    /// <summary>The size of one digest (HMAC-SHA256).</summary>
    public const int DigestSize = 32;

    private const int Slots = 3;

    private readonly byte[] _digests;
    private readonly DateTimeOffset _previousValidUntil;
    private long _lastUsed;
    private volatile bool _stale;

    private VerifierEntry(
        byte[] digests, DateTimeOffset previousValidUntil, bool exists, bool disabled, string? applicationId, long version,
        byte[]? fingerprint, long checkedAt)
    {
        _digests = digests;
        _previousValidUntil = previousValidUntil;
        Exists = exists;
        Disabled = disabled;
        ApplicationId = applicationId;
        Version = version;
        Fingerprint = fingerprint;
        CheckedAt = checkedAt;
        _lastUsed = checkedAt;
    }

    /// <summary>Whether the store holds a record for the tenant.</summary>
    public bool Exists { get; }

    /// <summary>Whether the tenant's deliveries are dropped (<see cref="WebhookDeliveryPolicy"/>).</summary>
    public bool Disabled { get; }

    /// <summary>The tenant's application id on The Things Stack (not secret).</summary>
    public string? ApplicationId { get; }

    /// <summary>The record's version when the entry was built or last confirmed.</summary>
    public long Version { get; }

    /// <summary>A hash of what the digests were built from (the sealed values, the grace, the application, the policy).</summary>
    public byte[]? Fingerprint { get; }

    /// <summary>When the store was last read for this entry (a <see cref="TimeProvider"/> timestamp).</summary>
    public long CheckedAt { get; }

    /// <summary>When the entry was last used (a timestamp), for eviction.</summary>
    public long LastUsed => Volatile.Read(ref _lastUsed);

    /// <summary>Whether a change was written since the entry was read: it must be read again before it is trusted.</summary>
    public bool IsStale => _stale;

    /// <summary>An entry for a tenant the store does not know.</summary>
    public static VerifierEntry Absent(long checkedAt) =>
        new(RandomNumberGenerator.GetBytes(Slots * DigestSize), DateTimeOffset.MinValue, false, false, null, 0, null, checkedAt);

    /// <summary>
    /// An entry for a record. <paramref name="digest"/> writes the digest of a slot's secret (current, pending, previous) into
    /// its span and returns true, or returns false when the slot has no secret (it then gets random bytes).
    /// </summary>
    public static VerifierEntry Build(
        TenantRecord record, bool disabled, byte[] fingerprint, long checkedAt, DateTimeOffset previousValidUntil, DigestWriter digest)
    {
        var digests = new byte[Slots * DigestSize];
        var secrets = record.WebhookSecret;
        (string? Sealed, int Slot)[] slots = [(secrets.Sealed, 0), (secrets.PendingSealed, 1), (secrets.PreviousSealed, 2)];
        foreach (var (token, slot) in slots)
        {
            var span = digests.AsSpan(slot * DigestSize, DigestSize);
            if (token is null || (slot == 2 && previousValidUntil == DateTimeOffset.MinValue) || !digest(token, span))
            {
                RandomNumberGenerator.Fill(span);
            }
        }

        return new VerifierEntry(digests, previousValidUntil, true, disabled, record.ApplicationId, record.Version, fingerprint, checkedAt);
    }

    /// <summary>Writes the digest of the secret sealed in <paramref name="token"/>; false when it does not open.</summary>
    public delegate bool DigestWriter(string token, Span<byte> destination);

    /// <summary>
    /// A hash of everything an entry is built from, so that a record rewritten without a change to them (a lease renewed,
    /// a step recorded) is recognised without opening anything.
    /// </summary>
    public static byte[] FingerprintOf(TenantRecord record, bool disabled)
    {
        var secrets = record.WebhookSecret;
        var builder = new StringBuilder();
        foreach (var part in (string?[])[secrets.Sealed, secrets.PendingSealed, secrets.PreviousSealed, record.ApplicationId])
        {
            builder.Append(part?.Length ?? -1).Append(':').Append(part).Append('\n');
        }

        builder.Append(secrets.PreviousValidUntil?.UtcTicks ?? -1).Append('\n').Append(disabled ? '1' : '0');
        return SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()));
    }

    /// <summary>Whether the entry was built from a record with this version, or with the same fingerprint.</summary>
    public bool Describes(TenantRecord record, byte[] fingerprint) =>
        Exists && (record.Version == Version || (Fingerprint is not null && fingerprint.AsSpan().SequenceEqual(Fingerprint)));

    /// <summary>The same digests, confirmed against the store at <paramref name="checkedAt"/> (no secret is opened).</summary>
    public VerifierEntry Confirmed(long version, long checkedAt) =>
        new(_digests, _previousValidUntil, Exists, Disabled, ApplicationId, version, Fingerprint, checkedAt);

    /// <summary>
    /// Compares a presented secret's digest with each slot, in time that depends on neither where they differ nor which
    /// slot matched: every slot is always compared.
    /// </summary>
    public bool Matches(ReadOnlySpan<byte> digest, DateTimeOffset now)
    {
        var slots = _digests.AsSpan();
        var current = CryptographicOperations.FixedTimeEquals(digest, slots[..DigestSize]);
        var pending = CryptographicOperations.FixedTimeEquals(digest, slots.Slice(DigestSize, DigestSize));
        var previous = CryptographicOperations.FixedTimeEquals(digest, slots[(2 * DigestSize)..]);
        return current | pending | (previous & now < _previousValidUntil);
    }

    /// <summary>Records a use (for eviction).</summary>
    public void Touch(long timestamp) => Volatile.Write(ref _lastUsed, timestamp);

    /// <summary>Marks the entry as no longer trusted until the store is read again.</summary>
    public void MarkStale() => _stale = true;
}
