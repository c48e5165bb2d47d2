namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>How a device transmitted an uplink (<c>settings</c>).</summary>
public sealed record TxSettings
{
    /// <summary>The data rate (modulation and its parameters), or null when absent.</summary>
    public DataRate? DataRate { get; init; }

    /// <summary>The frequency (Hz).</summary>
    public long Frequency { get; init; }

    /// <summary>The concentrator timestamp of reception (microseconds).</summary>
    public long Timestamp { get; init; }

    /// <summary>The gateway's time of reception, or null.</summary>
    public DateTimeOffset? Time { get; init; }
}
