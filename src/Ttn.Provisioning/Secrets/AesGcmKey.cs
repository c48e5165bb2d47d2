using System.Numerics;
using System.Security.Cryptography;

namespace Ttn.Provisioning.Secrets;

/// <summary>
/// One key of the ring with a bounded pool of cipher instances. <see cref="AesGcm"/> is not thread-safe, so each call
/// rents an instance and returns it; at most <see cref="PoolSize"/> idle instances are kept, and an instance returned to
/// a full pool is disposed. A thread that ends leaves nothing behind (unlike a per-thread cache, which keeps one native
/// cipher per thread that ever called until the protector is disposed).
/// </summary>
internal sealed class AesGcmKey : IDisposable
{
    /// <summary>How many idle cipher instances the pool keeps: two per processor rounded up to a power of two, 4 to 64.</summary>
    public static readonly int PoolSize = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(Environment.ProcessorCount * 2, 4, 64));

    private static readonly int SlotMask = PoolSize - 1;

    /// <summary>
    /// Slots are this many references (64 bytes) apart, so that two processors' slots do not share a cache line; the first
    /// and the last stride stay empty, so no slot shares a line with the array's length (read by every bounds check) or with
    /// whatever the heap puts after the array.
    /// </summary>
    private const int Stride = 8;

    private readonly byte[] _key;
    private readonly byte[][] _associatedDataPrefixes;
    private readonly AesGcm?[] _slots = new AesGcm?[(PoolSize + 2) * Stride];
    private int _live;
    private volatile bool _disposed;

    public AesGcmKey(string id, byte[] key)
    {
        Id = id;
        _key = key;
        var fields = Enum.GetValues<SecretField>();
        _associatedDataPrefixes = new byte[(int)fields.Max() + 1][];
        foreach (var field in fields)
        {
            _associatedDataPrefixes[(int)field] = AssociatedData.CreatePrefix(id, field);
        }
    }

    public string Id { get; }

    /// <summary>The start of the associated data under this key for a field (see <see cref="AssociatedData"/>), built once.</summary>
    public ReadOnlySpan<byte> AssociatedDataPrefix(SecretField field) => _associatedDataPrefixes[(int)field];

    /// <summary>Cipher instances created and not yet disposed (pooled or rented).</summary>
    public int LiveInstances => Volatile.Read(ref _live);

    /// <summary>Takes an idle instance, or creates one. Give it back with <see cref="Return"/>.</summary>
    public AesGcm Rent()
    {
        // Each processor starts at a slot of its own, so two threads running together rarely touch the same slot.
        var start = StartSlot();
        for (var i = 0; i < PoolSize; i++)
        {
            ref var slot = ref Slot(start + i);
            if (Volatile.Read(ref slot) is not null && Interlocked.Exchange(ref slot, null) is { } pooled)
            {
                return pooled;
            }
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
        var cipher = new AesGcm(_key, SecretToken.TagSize);
        Interlocked.Increment(ref _live);

        // Disposed while the cipher was built: the key may have been wiped under it, so it must not seal or open anything.
        if (_disposed)
        {
            Release(cipher);
            throw new ObjectDisposedException(GetType().FullName);
        }

        return cipher;
    }

    /// <summary>Puts an instance back in the pool, or disposes it when the pool is full or the key is disposed.</summary>
    public void Return(AesGcm cipher)
    {
        var start = StartSlot();
        for (var i = 0; !_disposed && i < PoolSize; i++)
        {
            ref var slot = ref Slot(start + i);
            if (Volatile.Read(ref slot) is null && Interlocked.CompareExchange(ref slot, cipher, null) is null)
            {
                if (_disposed)
                {
                    // Disposed meanwhile: the drain may have passed this slot already.
                    Drain();
                }

                return;
            }
        }

        Release(cipher);
    }

    /// <summary>Disposes the idle instances and wipes the key; instances still rented are disposed when returned.</summary>
    public void Dispose()
    {
        // A full fence: a Rent that builds a cipher after this line sees the flag before the key is wiped.
        _disposed = true;
        Interlocked.MemoryBarrier();
        Drain();
        CryptographicOperations.ZeroMemory(_key);
    }

    /// <summary>
    /// The slot of the processor the thread runs on, as the runtime's own shared array pool does: two threads running
    /// at the same time run on two processors, so they rent and return through two slots and rarely contend on one (only
    /// when processor ids outnumber the slots, e.g. under a container's CPU quota, can two processors share a slot).
    /// (A slot per thread, by thread id or handed out in turn, repeats itself modulo the pool size once more threads
    /// than slots have called, and two threads that share a slot contend on every call.)
    /// </summary>
    private static int StartSlot() => Thread.GetCurrentProcessorId();

    private ref AesGcm? Slot(int index) => ref _slots[((index & SlotMask) + 1) * Stride];

    private void Drain()
    {
        for (var i = 0; i < PoolSize; i++)
        {
            if (Interlocked.Exchange(ref Slot(i), null) is { } cipher)
            {
                Release(cipher);
            }
        }
    }

    private void Release(AesGcm cipher)
    {
        cipher.Dispose();
        Interlocked.Decrement(ref _live);
    }
}
