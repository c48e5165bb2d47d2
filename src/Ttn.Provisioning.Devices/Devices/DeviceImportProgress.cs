using System.Globalization;

namespace Ttn.Provisioning.Devices;

/// <summary>How far an import is, reported after each row.</summary>
public sealed class DeviceImportProgress
{
    /// <summary>The rows of the job.</summary>
    public required int Total { get; init; }

    /// <summary>Rows whose device is registered (registered now, already present, or done by an earlier run of the job).</summary>
    public required int Done { get; init; }

    /// <summary>Rows that ended without a registered device (conflict, failed, rolled back).</summary>
    public required int Failed { get; init; }

    /// <summary>Rows not tried yet.</summary>
    public int Remaining => Total - Done - Failed;

    /// <summary>How long this run has been registering.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Rows finished by this run per second of <see cref="Elapsed"/>.</summary>
    public required double DevicesPerSecond { get; init; }

    /// <summary>The row that just finished.</summary>
    public DeviceImportRow? LastRow { get; init; }

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Done} done, {Failed} failed, {Remaining} remaining of {Total} ({DevicesPerSecond:0.0} devices/s)");
}
