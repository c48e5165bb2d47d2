namespace Ttn.Provisioning.DeviceImport;

/// <summary>
/// Spaces the starts of an import's registrations so that their requests stay under a rate
/// (<see cref="Devices.DeviceImportOptions.MaxRequestsPerSecond"/>): a new device is <see cref="RequestsPerDevice"/>
/// requests, so one may start every <c>RequestsPerDevice / rate</c> seconds. Slots are handed out in order; a caller
/// waits (on the <see cref="TimeProvider"/>) until its slot. A start that comes late does not bank the missed slots.
/// </summary>
internal sealed class RegistrationPacer
{
    /// <summary>The requests of a new device: Identity Server create, then Join, Network and Application Server set.</summary>
    public const int RequestsPerDevice = 4;

    private readonly TimeProvider _time;
    private readonly long _interval;
    private readonly Lock _gate = new();
    private long _next;

    public RegistrationPacer(TimeProvider time, double requestsPerSecond)
    {
        _time = time;
        _interval = (long)(time.TimestampFrequency * RequestsPerDevice / requestsPerSecond);
        _next = long.MinValue;
    }

    /// <summary>Waits for the next free slot.</summary>
    public Task WaitAsync(CancellationToken cancellationToken)
    {
        long wait;
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            var slot = Math.Max(now, _next);
            _next = slot + _interval;
            wait = slot - now;
        }

        return wait <= 0
            ? Task.CompletedTask
            : Task.Delay(TimeSpan.FromSeconds((double)wait / _time.TimestampFrequency), _time, cancellationToken);
    }
}
