using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Ttn.Provisioning.AspNetCore.Messages.Parsing;

/// <summary>
/// What makes two deliveries the same message, for <see cref="TtnMessageDeduplicator"/>: the device, the kind,
/// the frame counter, and a 128-bit digest (SHA-256, truncated) of the session key id or of the correlation ids,
/// plus a normalized item's payload.
/// </summary>
internal readonly record struct DeliveryKey(
    TtnMessageKind Kind, string ApplicationId, string DeviceId, long FCnt, UInt128 Digest)
{
    /// <summary>The message's key, or null when nothing identifies it (it then always counts as new).</summary>
    public static DeliveryKey? For(TtnMessage message)
    {
        var item = message is NormalizedUplinkMessage { NormalizedPayload: { } payload }
            ? JsonMarshal.GetRawUtf8Value(payload)
            : default;
        var digest = message switch
        {
            UplinkMessageBase { Simulated: false, SessionKeyId.IsEmpty: false } uplink =>
                Hash([uplink.SessionKeyId], [], item),
            { CorrelationIds.Count: > 0 } => Hash([], message.CorrelationIds, item),
            _ => (UInt128?)null,
        };
        var fCnt = message is UplinkMessageBase up ? up.FCnt : 0;
        return digest is { } value
            ? new DeliveryKey(message.Kind, message.EndDevice.ApplicationId, message.EndDevice.DeviceId, fCnt, value)
            : null;
    }

    private static UInt128 Hash(ReadOnlySpan<ReadOnlyMemory<byte>> parts, IReadOnlyList<string> texts, ReadOnlySpan<byte> item)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            AppendFramed(hash, part.Span);
        }

        foreach (var text in texts)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
            AppendFramed(hash, buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
            ArrayPool<byte>.Shared.Return(buffer);
        }

        AppendFramed(hash, item);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        hash.GetHashAndReset(digest);
        return MemoryMarshal.Read<UInt128>(digest);
    }

    /// <summary>Each part with its length first, so that ["ab","c"] and ["a","bc"] differ.</summary>
    private static void AppendFramed(IncrementalHash hash, ReadOnlySpan<byte> part)
    {
        Span<byte> length = stackalloc byte[sizeof(int)];
        MemoryMarshal.Write(length, part.Length);
        hash.AppendData(length);
        hash.AppendData(part);
    }
}
