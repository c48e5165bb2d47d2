using System.Diagnostics;
using Ttn.Provisioning.AspNetCore.Messages.Parsing;

namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>
/// An opt-in, in-memory de-duplication window for handlers: TTS may deliver a message again (a retried webhook,
/// two webhooks to one host, MQTT and a webhook), and <see cref="TryRegister"/> tells the first delivery from a
/// repeat within <see cref="TtnMessageDeduplicatorOptions.Window"/>. One instance per host; thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// A data uplink (and each normalized item) is identified by its device, frame counter and session (a device
/// that joins again restarts its counter, so the session keeps those frames apart); other messages, and simulated
/// or session-less uplinks, by their device, kind and correlation ids. A message with neither (no session and no
/// correlation ids) cannot be recognised and always counts as new: the helper fails open, never dropping a message
/// it is unsure of.
/// </para>
/// <para>
/// It is per process: hosts behind a load balancer see each other's deliveries as new. Time comes from the given
/// <see cref="TimeProvider"/>.
/// </para>
/// </remarks>
public sealed class TtnMessageDeduplicator
{
    private readonly TimeProvider _timeProvider;
    private readonly long _window;
    private readonly int _capacity;
    private readonly Lock _lock = new();
    private readonly Dictionary<DeliveryKey, long> _expiries = [];
    private readonly Queue<(DeliveryKey Key, long Expiry)> _order = new();

    /// <summary>A de-duplicator with the default window (10 minutes) and capacity (100,000).</summary>
    /// <param name="timeProvider">The clock the window is measured with.</param>
    public TtnMessageDeduplicator(TimeProvider timeProvider)
        : this(new TtnMessageDeduplicatorOptions(), timeProvider)
    {
    }

    /// <summary>A de-duplicator with the given window and capacity.</summary>
    /// <param name="options">The window and capacity.</param>
    /// <param name="timeProvider">The clock the window is measured with.</param>
    /// <exception cref="ArgumentOutOfRangeException">The window or the capacity is not positive.</exception>
    public TtnMessageDeduplicator(TtnMessageDeduplicatorOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Window, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Capacity, 0, nameof(options));
        _timeProvider = timeProvider;
        _window = (long)(options.Window.TotalSeconds * timeProvider.TimestampFrequency);
        _capacity = options.Capacity;
    }

    /// <summary>How many deliveries are remembered now (expired ones are forgotten on the next call).</summary>
    internal int Count
    {
        get
        {
            lock (_lock)
            {
                return _expiries.Count;
            }
        }
    }

    /// <summary>
    /// Remembers the message and returns true when it is the first delivery within the window (handle it); returns
    /// false when the same message was registered within the window (a repeat: skip it).
    /// </summary>
    /// <param name="message">A parsed message.</param>
    /// <exception cref="ArgumentNullException"><paramref name="message"/> is null.</exception>
    public bool TryRegister(TtnMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (DeliveryKey.For(message) is not { } key)
        {
            return true;
        }

        var now = _timeProvider.GetTimestamp();
        lock (_lock)
        {
            while (_order.TryPeek(out var oldest) && oldest.Expiry <= now)
            {
                Forget(_order.Dequeue());
            }

            if (_expiries.TryGetValue(key, out var expiry) && expiry > now)
            {
                return false;
            }

            _expiries[key] = now + _window;
            _order.Enqueue((key, now + _window));
            while (_expiries.Count > _capacity)
            {
                Forget(_order.Dequeue());
            }

            Debug.Assert(_order.Count >= _expiries.Count, "every remembered key has its entry in the queue");
            return true;
        }
    }

    private void Forget((DeliveryKey Key, long Expiry) entry)
    {
        if (_expiries.TryGetValue(entry.Key, out var expiry) && expiry == entry.Expiry)
        {
            _expiries.Remove(entry.Key);
        }
    }
}
