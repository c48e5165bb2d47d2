namespace Ttn.Provisioning.Devices;

/// <summary>How an import of <see cref="IDeviceService"/> runs.</summary>
public sealed class DeviceImportOptions
{
    /// <summary>
    /// The job's id. An import is a job whose progress is kept in the <see cref="Storage.IDeviceStore"/>: run it again with
    /// the same id and the same devices after a crash and it continues where it stopped. Null: a new id is generated
    /// (and answered in <see cref="DeviceImportResult.JobId"/>). At most 64 letters, digits, <c>-</c>, <c>_</c> or <c>.</c>.
    /// </summary>
    public string? JobId { get; init; }

    /// <summary>Whether to stop after reading and validating every row: nothing is sent to The Things Stack.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// How many devices are registered at the same time (1 to 64; default 8). Each device is four requests in sequence, so
    /// with 50 ms per request 8 lanes offer about 160 requests per second; the client waits as The Things Stack tells it
    /// when its rate limit answers 429.
    /// </summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>
    /// The requests per second The Things Stack allows the application key (its rate limit), or null (default) for no
    /// pacing. When set, devices are started no faster than one every <c>4 / MaxRequestsPerSecond</c> seconds (a new
    /// device is four requests), so the import stays under the limit instead of running into it: every 429 makes the
    /// client wait at least a second, as The Things Stack asks, which costs far more throughput than pacing does. With
    /// 50 ms per request and a limit of 100 per second, 8 lanes and pacing at 100 import about 24 devices per second
    /// (see benchmarks/README.md).
    /// </summary>
    public double? MaxRequestsPerSecond { get; init; }

    /// <summary>Whether <paramref name="lanes"/> is a <see cref="MaxConcurrency"/> an import accepts: 1 to 64.</summary>
    internal static bool IsValidConcurrency(int lanes) => lanes is >= 1 and <= 64;

    /// <summary>
    /// Whether <paramref name="rate"/> is a <see cref="MaxRequestsPerSecond"/> an import accepts: null, or positive and finite.
    /// </summary>
    internal static bool IsValidRate(double? rate) => rate is not { } value || (value > 0 && double.IsFinite(value));

    /// <summary>Receives the progress after each row.</summary>
    public IProgress<DeviceImportProgress>? Progress { get; init; }

    /// <summary>The frequency plan of rows that name none (for example <c>EU_863_870_TTN</c>).</summary>
    public string? FrequencyPlanId { get; init; }

    /// <summary>The LoRaWAN MAC version of rows that name none (for example <c>MAC_V1_0_3</c>).</summary>
    public string? LorawanVersion { get; init; }

    /// <summary>The LoRaWAN PHY version of rows that name none (for example <c>RP001_V1_0_3_REV_A</c>).</summary>
    public string? LorawanPhyVersion { get; init; }
}
