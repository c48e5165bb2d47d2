using System.Globalization;

namespace Ttn.Provisioning.Devices;

/// <summary>How far an import is, reported after each row.</summary>
public sealed class DeviceImportProgress
{
    internal DeviceImportProgress(int total, int done, int failed, TimeSpan elapsed, double devicesPerSecond)
    {
        Total = total;
        Done = done;
        Failed = failed;
        Elapsed = elapsed;
        DevicesPerSecond = devicesPerSecond;
    }

    /// <summary>The rows of the job.</summary>
    public int Total { get; }

    /// <summary>Rows whose device is registered (registered now, already present, or done by an earlier run of the job).</summary>
    public int Done { get; }

    /// <summary>Rows that ended without a registered device (conflict, failed, rolled back).</summary>
    public int Failed { get; }

    /// <summary>Rows not tried yet.</summary>
    public int Remaining => Total - Done - Failed;

    /// <summary>How long this run has been registering.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Rows finished by this run per second of <see cref="Elapsed"/>.</summary>
    public double DevicesPerSecond { get; }

    /// <summary>The row that just finished.</summary>
    public DeviceImportRow? LastRow { get; internal init; }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Done} done, {Failed} failed, {Remaining} remaining of {Total} ({DevicesPerSecond:0.0} devices/s)");
}
