namespace Ttn.Provisioning.AspNetCore.Messages;

/// <summary>How long and how many deliveries a <see cref="TtnMessageDeduplicator"/> remembers.</summary>
public sealed class TtnMessageDeduplicatorOptions
{
    /// <summary>
    /// How long a delivery is remembered (default 10 minutes): the same message arriving again within this window
    /// is a duplicate. Must be positive.
    /// </summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The most deliveries remembered at once (default 100,000, about 8 MB); past it the oldest are forgotten
    /// early, so under such a load a late duplicate may be handled again rather than a new message dropped.
    /// Must be positive.
    /// </summary>
    public int Capacity { get; set; } = 100_000;
}
